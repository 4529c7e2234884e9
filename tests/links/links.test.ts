/**
 * Question permalinks: `/q/<id>/` and `/en/q/<id>/` exist for every question id and alias in a
 * built site and redirect to the page and anchor that holds the question; retired ids get a
 * "removed" page; questions.json lists the permalinks.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildProject, projectCopy } from '../helpers/project-copy.ts';

interface Entry {
  id: string;
  aliases?: string[];
  url: Record<'ru' | 'en', string>;
  permalink: Record<'ru' | 'en', string>;
}

const LANGS = ['ru', 'en'] as const;
const read = (dist: string, path: string) => readFileSync(join(dist, path), 'utf8');

/** The HTML file of a site path (`/a/b/#x` -> `a/b/index.html`). */
const fileOf = (url: string) => `${url.split('#')[0].replace(/^\//, '')}index.html`;

/** Checks the redirect page of `name` (an id or alias) in `lang` leads to `entry`'s question. */
function expectRedirect(dist: string, lang: 'ru' | 'en', name: string, entry: Entry): void {
  const path = `${lang === 'en' ? 'en/' : ''}q/${name}/index.html`;
  expect(existsSync(join(dist, path)), path).toBe(true);
  const page = read(dist, path);
  const target = entry.url[lang];
  const [targetPath, anchor] = target.split('#');
  expect(anchor).toBe(entry.id);
  expect(page).toContain(`<meta http-equiv="refresh" content="0; url=${target}">`);
  expect(page).toContain(`<a href="${target}" data-permalink-target>`);
  expect(page).toContain(`const path = ${JSON.stringify(targetPath)};`);
  expect(page).toContain(`const hash = ${JSON.stringify(entry.id)};`);
  expect(page).toContain('location.search'); // keeps ?answer=1
  expect(page).toContain('<meta name="robots" content="noindex">');
  expect(page).toContain('data-pagefind-ignore="all"');
  expect(page).not.toContain('data-pagefind-body');
  // The target page exists and holds the anchor.
  expect(read(dist, fileOf(target))).toContain(`id="${entry.id}"`);
}

describe('permalinks in the seed build', () => {
  it('exist for every question in both languages, and questions.json lists them', () => {
    const { dist } = inject('seedSite');
    const entries = JSON.parse(read(dist, 'questions.json')) as Entry[];
    expect(entries.length).toBeGreaterThan(100);
    for (const entry of entries) {
      expect(entry.permalink).toEqual({ ru: `/q/${entry.id}/`, en: `/en/q/${entry.id}/` });
      for (const lang of LANGS) {
        expectRedirect(dist, lang, entry.id, entry);
        for (const alias of entry.aliases ?? []) expectRedirect(dist, lang, alias, entry);
      }
    }
  });

  it('the question index and copy buttons point at the permalinks', () => {
    const { dist } = inject('seedSite');
    const entries = JSON.parse(read(dist, 'questions.json')) as Entry[];
    const index = read(dist, 'questions/index.html');
    expect(index.match(/<tr data-id="/g)?.length).toBe(entries.length);
    const page = read(dist, fileOf(entries[0].url.ru));
    expect(page).toContain(`data-copy-link="/q/${entries[0].id}/"`);
    expect(read(dist, fileOf(entries[0].url.en))).toContain(`data-copy-link="/en/q/${entries[0].id}/"`);
  });
});

describe('aliases and retired ids', () => {
  let dist: string;
  beforeAll(async () => {
    // A project copy whose lock gives "dropout" an old alias and retires one id.
    const dir = projectCopy('links-aliases');
    const lockPath = join(dir, 'content/ids.lock.json');
    const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
    lock.questions.find((e: { id: string }) => e.id === 'dropout').aliases = ['chto-takoe-dropout-old'];
    lock.questions.push({
      id: 'removed-question',
      fingerprint: '0000000000000000',
      title: 'Removed',
      source: 'gone.txt',
      aliases: [],
      retired: true,
    });
    writeFileSync(lockPath, JSON.stringify(lock, null, 2));
    ({ dist } = await buildProject(dir));
  }, 600_000);

  it('alias permalinks redirect to the current id', () => {
    const entries = JSON.parse(read(dist, 'questions.json')) as Entry[];
    const dropout = entries.find((e) => e.id === 'dropout')!;
    expect(dropout.aliases).toEqual(['chto-takoe-dropout-old']);
    for (const lang of LANGS) expectRedirect(dist, lang, 'chto-takoe-dropout-old', dropout);
    // The question section knows its alias, so `#chto-takoe-dropout-old` on its page finds it.
    expect(read(dist, fileOf(dropout.url.ru))).toContain('data-aliases="chto-takoe-dropout-old"');
  });

  it('retired ids get a "removed" page linking to the index, not indexed', () => {
    for (const [lang, prefix, text] of [
      ['ru', '', 'Вопрос удалён'],
      ['en', 'en/', 'Question removed'],
    ] as const) {
      const page = read(dist, `${prefix}q/removed-question/index.html`);
      expect(page).toContain(`<html lang="${lang}"`);
      expect(page).toContain(text);
      expect(page).toContain('data-permalink-retired="removed-question"');
      expect(page).toContain(`href="/${prefix}questions/"`);
      expect(page).toMatch(/<meta name="robots" content="noindex"/);
      expect(page).not.toContain('data-pagefind-body');
    }
  });
});
