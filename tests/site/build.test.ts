/**
 * Heavy test: emit the sample handbook, build the real site with `astro build`, check the HTML,
 * the published question index and Pagefind search (Russian stemming).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sampleHandbook } from '../fixtures/emit/handbook.ts';
import { pagefindSearch } from '../../tools/search/pagefind-node.ts';
import { buildSite, type SiteBuild } from './site-build.ts';

let site: SiteBuild;
const html = (path: string): Promise<string> => readFile(join(site.dist, path), 'utf8');

beforeAll(async () => {
  site = await buildSite(sampleHandbook());
}, 600_000);

describe('built site', () => {
  it('builds ru pages at the root and en pages under /en/', async () => {
    for (const path of ['index.html', 'normalization/index.html', 'metrics/index.html', 'sources/index.html']) {
      expect(await html(path)).toMatch(/<html lang="ru"/);
      expect(await html(`en/${path}`)).toMatch(/<html lang="en"/);
    }
  });

  it('renders KaTeX and hides its HTML copy and TeX annotation from Pagefind', async () => {
    const page = await html('normalization/index.html');
    expect(page).toContain('class="katex"');
    expect(page).toContain('class="katex-display"');
    const katexHtml = page.match(/<span class="katex-html"[^>]*>/g) ?? [];
    expect(katexHtml.length).toBeGreaterThan(0);
    for (const tag of katexHtml) expect(tag).toContain('data-pagefind-ignore');
    const annotations = page.match(/<annotation [^>]*>/g) ?? [];
    expect(annotations.length).toBe(katexHtml.length);
    for (const tag of annotations) expect(tag).toContain('data-pagefind-ignore');
  });

  it('gives each question heading the question id', async () => {
    const page = await html('normalization/index.html');
    expect(page).toMatch(/<h3 id="batchnorm-train-vs-eval">/);
    expect(page).toMatch(/<h3 id="layernorm-vs-batchnorm">/);
    expect(await html('en/metrics/index.html')).toMatch(/<h3 id="roc-auc-meaning">/);
  });

  it('renders collapsible answers, labels, asides and the no-answer note', async () => {
    const ru = await html('metrics/index.html');
    expect(ru).toContain('<details class="hb-answer"><summary>Показать ответ</summary>');
    expect(ru).toContain('Ответа в источниках пока нет');
    const en = await html('en/metrics/index.html');
    expect(en).toContain('<summary>Show answer</summary>');
    expect(en).toContain('No answer in the sources yet');
    expect(await html('normalization/index.html')).toContain('starlight-aside--caution');
  });

  it('shows adversarial source text literally', async () => {
    const page = await html('metrics/index.html');
    expect(page).not.toContain('<script>alert');
    // The text is escaped (`&lt;` or `&#x3C;`, depending on the serializer), never markup.
    expect(page).toMatch(/(&lt;|&#x3C;)script(&gt;|>)alert\(1\)(&lt;|&#x3C;)\/script(&gt;|>)/);
    expect(page).toContain('<p>$5 and $10</p>');
    expect(page).toContain('<p>import torch</p>');
    expect(page).toContain('<p>{exp(c)}</p>');
    expect(page).toContain('<p>x:y and :abc</p>');
  });

  it('publishes /questions.json', async () => {
    const published = JSON.parse(await html('questions.json'));
    expect(published).toEqual(JSON.parse(site.files.get('_data/questions.json')!));
    expect(existsSync(join(site.dist, '_data'))).toBe(false);
  });

  it('loads KaTeX CSS and fonts from the site itself', async () => {
    const page = await html('normalization/index.html');
    expect(page).not.toMatch(/cdn\.jsdelivr|unpkg|cdnjs/);
    const css = await Promise.all(
      [...page.matchAll(/<link rel="stylesheet" href="(\/_astro\/[^"]+\.css)"/g)].map((m) => html(m[1].slice(1))),
    );
    const all = css.join('\n');
    expect(all).toMatch(/\.katex-html svg\{height:inherit\}/);
    expect(all).toMatch(/url\(\/_astro\/KaTeX_Main-Regular\.[^)]+\.woff2\)/);
  });

  it('finds "нормализации" when searching "нормализация" (Russian stemming)', async () => {
    const hits = await pagefindSearch(site.dist, 'ru', 'нормализация');
    const urls = hits.map((hit) => hit.url);
    // One result per question (src/integrations/question-search.ts), at its anchor.
    expect(
      urls.some((url) => url.startsWith('/normalization/#')),
      JSON.stringify(urls),
    ).toBe(true);
    // The metrics question has only the inflected form, so finding it proves stemming.
    const metrics = hits.find((hit) => hit.url.startsWith('/metrics/#'));
    expect(metrics, JSON.stringify(urls)).toBeDefined();
    expect(metrics!.content).toContain('нормализации');
    expect(metrics!.content.toLowerCase()).not.toContain('нормализация');
    // Only the Russian index is searched.
    expect(urls.every((url) => !url.startsWith('/en/'))).toBe(true);
  });

  it('indexes each formula once (no TeX source, no duplicated KaTeX HTML)', async () => {
    const [hit] = (await pagefindSearch(site.dist, 'ru', 'нормализация')).filter((h) =>
      h.url.startsWith('/normalization/#'),
    );
    expect(hit.content).not.toContain('\\frac');
    expect(hit.content).not.toContain('\\hat');
  });
});
