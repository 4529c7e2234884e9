/**
 * Flashcard decks (src/ingest/emit/flashcards.ts): card HTML, the Anki TSV and the RFC 4180 CSV,
 * on hand-made questions and on the seed handbook (one row per question per edition).
 */
import fc from 'fast-check';
import type { Element, Nodes } from 'hast';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/ingest/model.ts';
import { emitSite } from '../../src/ingest/emit/index.ts';
import { ankiTsv, cardGuid, contentHtml, csvField, flashcard, plainCsv } from '../../src/ingest/emit/flashcards.ts';
import { parseData } from '../../src/data/contract.ts';
import { buildHandbook, type PipelineInput } from '../../src/ingest/pipeline.ts';
import { loadSeedHandbook, pipelineInput } from '../helpers/seed-handbook.ts';

const SITE = 'https://ml-interview-handbook.example';

const question = (over: Partial<Question> = {}): Question =>
  ({
    id: 'softmax-temperature',
    topic: 'fundamentals',
    lang: 'en',
    title: 'What does <temperature> do in "softmax"?',
    followUps: ['And T → 0?'],
    levels: ['senior', 'junior'],
    source: { file: 'notes.txt', format: 'qa-notes', lines: [1, 9] },
    tags: [],
    prompt: {
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Tabs\tand\nnewlines & <b>' }] }],
    },
    answer: {
      short: {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', value: 'It scales ' },
              { type: 'inlineMath', value: 'z_i / T' },
              { type: 'text', value: ', a, "b"' },
            ],
          },
          { type: 'math', value: '\\sigma(z)_i = \\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}} < 1' },
          { type: 'code', lang: 'python', value: 'def f(x):\n\treturn x < 1 and "ok"' },
          {
            type: 'table',
            children: [
              { type: 'tableRow', children: [{ type: 'tableCell', children: [{ type: 'text', value: 'T' }] }] },
              { type: 'tableRow', children: [{ type: 'tableCell', children: [{ type: 'text', value: 'high' }] }] },
            ],
          },
        ],
      },
    },
    ...over,
  }) as Question;

/** The text a browser reads from an HTML fragment (character references decoded). */
const textOf = (node: Nodes): string =>
  node.type === 'text' ? node.value : 'children' in node ? node.children.map(textOf).join('') : '';
/** The first element named `tag` in a parsed fragment. */
const find = (node: Nodes, tag: string): Element | undefined =>
  node.type === 'element' && node.tagName === tag
    ? node
    : 'children' in node
      ? node.children.map((child) => find(child, tag)).find(Boolean)
      : undefined;

describe('card HTML of any text', () => {
  const piece = fc.oneof(
    fc.constantFrom('&', '<', '>', '"', "'", '\t', '\r', '\n', '\r\n', '&amp;', '&#10;', '</code>', 'ё', '𝑥', ' '),
    fc.string({ maxLength: 4 }),
  );
  const texts = fc.array(piece, { maxLength: 20 }).map((pieces) => pieces.join(''));
  const runs = { numRuns: Number(process.env.FUZZ_RUNS ?? 500) };

  it('keeps code byte for byte in <pre><code>, on one TSV-safe line', () => {
    fc.assert(
      fc.property(texts, (value) => {
        const html = contentHtml({ type: 'root', children: [{ type: 'code', lang: 'py', value }] });
        expect(html).not.toMatch(/[\t\r\n"]/);
        const code = find(fromHtmlIsomorphic(html, { fragment: true }), 'code')!;
        expect(code.properties.className).toEqual(['language-py']);
        // mdast-util-to-hast ends code with a newline; CR and CRLF are one newline, as HTML reads them.
        expect(textOf(code)).toBe(value ? `${value}\n`.replace(/\r\n?/g, '\n') : '');
      }),
      runs,
    );
  });

  it('keeps paragraph text as HTML renders it (whitespace runs are one space), on one TSV-safe line', () => {
    fc.assert(
      fc.property(texts, (value) => {
        const html = contentHtml({
          type: 'root',
          children: [{ type: 'paragraph', children: [{ type: 'text', value }] }],
        });
        expect(html).not.toMatch(/[\t\r\n"]/);
        const expected = value.replace(/[ \t\r\n]+/g, ' ').trim();
        expect(textOf(fromHtmlIsomorphic(html, { fragment: true }))).toBe(expected);
      }),
      runs,
    );
  });
});

describe('card HTML', () => {
  const card = flashcard(question(), 'en');

  it('escapes text and keeps math in MathJax delimiters and code in <pre><code>', () => {
    expect(card.front).toBe(
      '<p><b>What does &lt;temperature> do in &quot;softmax&quot;?</b></p><p>Tabs and newlines &amp; &lt;b></p>',
    );
    expect(card.back).toContain('\\(z_i / T\\)');
    expect(card.back).toContain('<p>\\[\\sigma(z)_i = \\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}} &lt; 1\\]</p>');
    expect(card.back).toContain(
      '<pre><code class=language-python>def f(x):&#10;&#9;return x &lt; 1 and &quot;ok&quot;&#10;</code></pre>',
    );
    expect(card.back).toContain(
      '<table><thead><tr><th>T</th></tr></thead><tbody><tr><td>high</td></tr></tbody></table>',
    );
    expect(card.back).toContain('<p><b>Short answer</b></p>');
    expect(card.back).toContain('<li>And T → 0?</li>');
  });

  it('has no raw tab, newline or double quote (TSV-safe)', () => {
    for (const html of [card.front, card.back]) expect(html).not.toMatch(/[\t\r\n"]/);
  });

  it('tags the topic and the levels, links the permalink of the edition', () => {
    expect(card.tags).toEqual(['fundamentals', 'junior', 'senior']);
    expect(card.path).toBe('/en/q/softmax-temperature/');
    expect(flashcard(question(), 'ru').path).toBe('/q/softmax-temperature/');
  });

  it('says so when there is no answer', () => {
    expect(flashcard(question({ answer: undefined }), 'ru').back).toContain('<i>Ответа в источниках пока нет</i>');
  });

  it('renders every model block', () => {
    expect(
      contentHtml({
        type: 'root',
        children: [
          {
            type: 'list',
            ordered: true,
            start: 3,
            children: [
              {
                type: 'listItem',
                children: [
                  { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: 'x' }] }] },
                ],
              },
            ],
          },
        ],
      } as never),
    ).toBe('<ol start=3><li><strong>x</strong></li></ol>');
  });

  it('renders a caution as a box with its title, breaks and emphasis as HTML', () => {
    expect(
      contentHtml({
        type: 'root',
        children: [
          {
            type: 'caution',
            title: [{ type: 'text', value: 'Misconception' }],
            children: [
              {
                type: 'paragraph',
                children: [
                  { type: 'emphasis', children: [{ type: 'text', value: 'BN' }] },
                  { type: 'break' },
                  { type: 'inlineCode', value: 'a\n b' },
                ],
              },
            ],
          },
        ],
      } as never),
    ).toBe('<div class=caution><p><b>Misconception</b></p><p><em>BN</em><br><code>a b</code></p></div>');
  });
});

describe('Anki TSV', () => {
  const tsv = ankiTsv([flashcard(question(), 'en')], SITE, 'ML Interview Handbook (en)');
  const lines = tsv.trimEnd().split('\n');

  it('starts with the header lines Anki understands', () => {
    expect(lines.slice(0, 6)).toEqual([
      '#separator:tab',
      '#html:true',
      '#deck:ML Interview Handbook (en)',
      '#columns:Front\tBack\tPermalink\tTags\tGUID',
      '#tags column:4',
      '#guid column:5',
    ]);
  });

  it('has five columns per card: front, back, absolute permalink, tags, GUID', () => {
    const columns = lines[6].split('\t');
    expect(columns).toHaveLength(5);
    expect(columns[4]).toBe('ml-interview-handbook:en:softmax-temperature');
    expect(columns[0]).toContain('&lt;temperature>');
    expect(columns[1]).toContain('<pre><code');
    expect(columns[2]).toBe(`${SITE}/en/q/softmax-temperature/`);
    expect(columns[3]).toBe('fundamentals junior senior');
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('has a header row, CRLF records and plain text with math delimiters', () => {
    const csv = plainCsv([flashcard(question(), 'en')], SITE);
    expect(csv.startsWith('id,question,answer,permalink,tags\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('"What does <temperature> do in ""softmax""?');
    expect(csv).toContain('\\(z_i / T\\)');
    expect(csv).toContain('def f(x):\n\treturn x < 1 and ""ok""');
    expect(csv).toContain(`,${SITE}/en/q/softmax-temperature/,fundamentals junior senior\r\n`);
  });
});

describe('decks of the seed handbook', () => {
  const handbook = loadSeedHandbook();
  const files = emitSite(handbook, { langs: ['ru', 'en'] });
  const data = parseData('flashcards.json', files.get('_data/flashcards.json')!);

  it('has one card per question per edition, in both TSV and CSV', () => {
    for (const lang of ['ru', 'en'] as const) {
      const cards = data[lang]!;
      expect(cards.map((c) => c.id).sort()).toEqual(handbook.questions.map((q) => q.id).sort());
      const rows = ankiTsv(cards, SITE, 'deck')
        .trimEnd()
        .split('\n')
        .filter((l) => !l.startsWith('#'));
      expect(rows).toHaveLength(handbook.questions.length);
      for (const row of rows) expect(row.split('\t')).toHaveLength(5);
      const records = parseCsv(plainCsv(cards, SITE));
      expect(records).toHaveLength(handbook.questions.length + 1);
      for (const record of records) expect(record).toHaveLength(5);
    }
  });

  it('keeps the math and code of the sources', () => {
    for (const lang of ['ru', 'en'] as const) {
      expect(
        data[lang]!.some((c) => /\\\(.+?\\\)|\\\[.+?\\\]/.test(c.back)),
        lang,
      ).toBe(true);
      expect(
        data[lang]!.some((c) => c.back.includes('<pre><code')),
        lang,
      ).toBe(true);
      expect(data[lang]!.every((c) => c.path === (lang === 'ru' ? `/q/${c.id}/` : `/en/q/${c.id}/`))).toBe(true);
    }
  });
});

describe('GUIDs across builds', () => {
  /** GUID of every card of a TSV deck, by the question id of its permalink. */
  const guids = (tsv: string) =>
    new Map(
      tsv
        .trimEnd()
        .split('\n')
        .filter((line) => !line.startsWith('#'))
        .map((line) => {
          const columns = line.split('\t');
          return [/\/q\/([^/]+)\/$/.exec(columns[2])![1], columns[4]] as const;
        }),
    );
  const decks = (input: PipelineInput) => {
    const handbook = buildHandbook(input);
    const data = parseData(
      'flashcards.json',
      emitSite(handbook, { langs: ['ru', 'en'] }).get('_data/flashcards.json')!,
    );
    return {
      ids: handbook.questions.map((q) => q.id),
      ru: ankiTsv(data.ru!, SITE, 'deck'),
      en: ankiTsv(data.en!, SITE, 'deck'),
    };
  };

  it('keeps every id and GUID when a source is reordered and the sources come in another order', () => {
    const input = pipelineInput();
    const bank = input.sources.find((s) => s.file.includes('question-bank'))!;
    const lines = new TextDecoder().decode(bank.bytes).split('\n');
    const numbered = lines.filter((line) => /^\d+\. /.test(line));
    expect(numbered.length).toBeGreaterThan(50);
    // The numbered questions in reverse order, renumbered; the other lines stay where they are.
    const reversed = numbered.map((line) => line.replace(/^\d+\. /, '')).reverse();
    let n = 0;
    const text = lines.map((line) => (/^\d+\. /.test(line) ? `${n + 1}. ${reversed[n++]}` : line)).join('\n');
    const reordered: PipelineInput = {
      ...input,
      sources: [
        ...input.sources.filter((s) => s !== bank).reverse(),
        { ...bank, bytes: new TextEncoder().encode(text) },
      ],
    };

    const first = decks(input);
    const second = decks(reordered);
    expect(second.ids).not.toEqual(first.ids);
    expect([...second.ids].sort()).toEqual([...first.ids].sort());
    for (const lang of ['ru', 'en'] as const) {
      const a = guids(first[lang]);
      const b = guids(second[lang]);
      expect(a.size).toBe(first.ids.length);
      expect(new Set(a.values()).size).toBe(a.size);
      expect(b).toEqual(a);
      for (const [id, guid] of a) expect(guid).toBe(cardGuid(lang, id));
    }
    expect(new Set([...guids(first.ru).values(), ...guids(first.en).values()]).size).toBe(2 * first.ids.length);
  });
});

/** Minimal RFC 4180 reader (for the round trip). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  return records;
}
