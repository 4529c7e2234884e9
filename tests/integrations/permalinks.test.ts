/** The permalink redirect pages (src/integrations/permalinks.ts), written without Astro. */
import { describe, expect, it } from 'vitest';
import { redirectHtml, redirectPages } from '../../src/integrations/permalinks.ts';

describe('redirectHtml', () => {
  it('forwards to the page and anchor, with every text and attribute escaped', () => {
    const html = redirectHtml({
      lang: 'en',
      id: 'softmax-temperature',
      target: '/en/fundamentals/#softmax-temperature',
      title: 'What does <T> do in "softmax" & why?</script>',
      site: 'https://handbook.example',
    });
    expect(html).toBe(
      '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
        '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">' +
        '<meta name="hb-permalink" content="softmax-temperature">' +
        '<title>What does &lt;T> do in "softmax" &amp; why?&lt;/script></title>' +
        '<script>(function(){const path = "/en/fundamentals/";\nconst hash = "softmax-temperature";\n' +
        "location.replace(path + location.search + '#' + hash);})();</script>" +
        '<meta http-equiv="refresh" content="0; url=/en/fundamentals/#softmax-temperature">' +
        '<link rel="canonical" href="https://handbook.example/en/fundamentals/"></head>' +
        '<body data-pagefind-ignore="all"><p>Opening the question…</p>' +
        '<p>If nothing happens, follow this link to the question: ' +
        '<a href="/en/fundamentals/#softmax-temperature" data-permalink-target>' +
        'What does &lt;T> do in "softmax" &amp; why?&lt;/script></a></p></body></html>\n',
    );
  });

  it('keeps a script-closing target out of the inline script', () => {
    const html = redirectHtml({ lang: 'ru', id: 'x', target: '/a</script><b>/#x', title: 'x' });
    expect(html).toContain('const path = "/a\\u003c/script>\\u003cb>/";');
    expect(html).toContain('content="0; url=/a</script><b>/#x"'); // literal inside a quoted attribute
  });
});

describe('redirectPages', () => {
  it('writes one page per id and alias and edition', () => {
    const pages = redirectPages({
      langs: ['ru', 'en'],
      topics: [],
      sources: [],
      retired: [],
      questions: [
        {
          id: 'new-id',
          aliases: ['old-id'],
          topic: 't',
          title: { ru: 'Вопрос', en: 'Question' },
          url: { ru: '/t/#new-id', en: '/en/t/#new-id' },
          permalink: { ru: '/q/new-id/', en: '/en/q/new-id/' },
          levels: [],
          source: 's.txt',
          answered: false,
          related: [],
        },
      ],
    });
    expect([...pages.keys()]).toEqual(['/q/new-id/', '/q/old-id/', '/en/q/new-id/', '/en/q/old-id/']);
    expect(pages.get('/en/q/old-id/')).toContain('<a href="/en/t/#new-id" data-permalink-target>Question</a>');
  });
});
