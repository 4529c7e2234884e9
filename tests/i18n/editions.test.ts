/**
 * The two editions of the built seed site (tests/global-setup.ts): every /en/ page is a real
 * English page (no Starlight fallback, no Russian outside original disclosures, the hidden search
 * and the language picker), questions keep their anchors across editions, and the
 * language picker keeps the reader on the same question.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const { dist, log } = inject('seedSite');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** Removes the elements that may hold the other language, plus scripts and styles. */
function visibleEditionText(html: string): string {
  let out = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '');
  out = out.replace(/<starlight-lang-select>[\s\S]*?<\/starlight-lang-select>/g, '');
  // <details class="hb-original"> never nests another <details>.
  out = out.replace(/<details class="hb-original"[\s\S]*?<\/details>/g, '');
  return out;
}

const ruPages = htmlFiles(dist)
  .filter((p) => !relative(dist, p).startsWith('en/'))
  .map((p) => relative(dist, p));
const enPages = htmlFiles(join(dist, 'en')).map((p) => relative(join(dist, 'en'), p));

describe('English edition', () => {
  it('has a page for every Russian page and no others (no fallbacks)', () => {
    const ru = ruPages.filter((p) => p !== '404.html').sort();
    expect(enPages.filter((p) => p !== '404/index.html').sort()).toEqual(ru);
    for (const page of enPages) {
      const html = readFileSync(join(dist, 'en', page), 'utf8');
      expect(html, page).toMatch(/<html lang="en"/);
      expect(html, page).not.toMatch(/sl-fallback|FallbackContentNotice|not available in your language/i);
    }
  });

  it('shows no Russian outside original disclosures and the language picker', () => {
    const offenders: string[] = [];
    for (const page of enPages) {
      const text = visibleEditionText(readFileSync(join(dist, 'en', page), 'utf8'));
      const hits = [...text.matchAll(/[^<>]{0,40}\p{Script=Cyrillic}+[^<>]{0,40}/gu)].map((m) => m[0]);
      if (hits.length > 0) offenders.push(`${page}: ${hits.slice(0, 3).join(' | ')}`);
    }
    expect(offenders).toEqual([]);
  });

  it('marks originals as ignored by Pagefind and keeps them out of the English index', () => {
    const page = readFileSync(join(dist, 'en/fundamentals/index.html'), 'utf8');
    const originals = page.match(/<details class="hb-original"[^>]*>/g) ?? [];
    expect(originals.length).toBeGreaterThan(10);
    for (const tag of originals) expect(tag).toContain('data-pagefind-ignore');
    expect(page).toContain('<summary>Original</summary>');
    // The Russian edition shows originals only of English texts it translates (section names).
    const ru = readFileSync(join(dist, 'fundamentals/index.html'), 'utf8');
    for (const body of ru.match(/<div class="hb-original__body" lang="[^"]+"/g) ?? [])
      expect(body).toContain('lang="en"');
  });

  it('has no untranslated text in the shipped sources', () => {
    const marked = [...enPages.map((p) => join('en', p)), ...ruPages].filter((page) =>
      readFileSync(join(dist, page), 'utf8').includes('class="hb-untranslated'),
    );
    expect(marked).toEqual([]);
  });

  it('has a 404 page in each edition and no missing-404 warning', () => {
    expect(existsSync(join(dist, '404.html'))).toBe(true);
    expect(readFileSync(join(dist, 'en/404/index.html'), 'utf8')).toContain('Page not found');
    expect(log).not.toMatch(/404 was not found/);
  });
});

describe('anchors', () => {
  it('gives every question the same id on the same page in both editions', () => {
    const topicPages = ruPages.filter((p) => readFileSync(join(dist, p), 'utf8').includes('class="hb-question"'));
    expect(topicPages.length).toBeGreaterThan(3);
    for (const page of topicPages) {
      const ids = (html: string) =>
        [
          ...html
            .replace(/<script[\s\S]*?<\/script>/g, '')
            .matchAll(/<section class="hb-question" data-question-id="([^"]+)"/g),
        ].map((m) => m[1]);
      const ru = ids(readFileSync(join(dist, page), 'utf8'));
      const en = ids(readFileSync(join(dist, 'en', page), 'utf8'));
      expect(en, page).toEqual(ru);
      const enHtml = readFileSync(join(dist, 'en', page), 'utf8');
      const unanchored = ru.filter((id) => !enHtml.includes(`<h3 id="${id}">`));
      expect(unanchored, page).toEqual([]);
    }
  });
});
