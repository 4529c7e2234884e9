/**
 * Astro integration writing the permalink redirect pages (`/q/<id>/`, `/en/q/<id>/`, one per
 * question id and alias) straight into the build output in `astro:build:done`, from the
 * emitter's `_data/links.json`. Rendering thousands of these tiny pages through Astro cost most
 * of the build (one route render, one sitemap entry and one link-validator pass each); writing
 * them is a few milliseconds.
 *
 * Each page: `location.replace` keeping the query string (`?answer=1`), a meta refresh without
 * script, a visible link as the last fallback; `noindex`, `data-pagefind-ignore="all"`, no CSS
 * or JS of the site. Retired ids keep their Astro route (a normal "removed" page,
 * src/pages/[...lang]/q/[id].astro); in `astro dev` that route serves the redirects too.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Lang } from '../ingest/model.ts';
import { parseData, type LinksData } from '../data/contract.ts';
import { permalinkUrl } from '../ingest/emit/paths.ts';
import { t } from '../ingest/emit/strings.ts';

/** JSON for an inline script (no `</script>` or `<!--` can close or confuse it). */
const scriptJson = (value: string): string => JSON.stringify(value).replace(/</g, '\\u003c');

/** The HTML of one redirect page (hast-util-to-html escapes every text and attribute). */
export function redirectHtml(options: {
  lang: Lang;
  id: string;
  target: string;
  title: string;
  site?: string;
}): string {
  const { lang, id, target, title } = options;
  const [path, hash = ''] = target.split('#');
  const canonical = new URL(path, options.site ?? 'http://localhost').href;
  const script =
    `(function(){const path = ${scriptJson(path)};\nconst hash = ${scriptJson(hash)};\n` +
    `location.replace(path + location.search + '#' + hash);})();`;
  const page: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { name: 'robots', content: 'noindex' }),
          h('meta', { name: 'hb-permalink', content: id }),
          h('title', title),
          h('script', script),
          h('meta', { httpEquiv: 'refresh', content: `0; url=${target}` }),
          h('link', { rel: 'canonical', href: canonical }),
        ]),
        h('body', { dataPagefindIgnore: 'all' }, [
          h('p', t(lang, 'handbook.permalink.redirect')),
          h('p', [
            `${t(lang, 'handbook.permalink.follow')} `,
            h('a', { href: target, dataPermalinkTarget: true }, title),
          ]),
        ]),
      ]),
    ],
  };
  return `${toHtml(page, { characterReferences: { useNamedReferences: true } })}\n`;
}

/** Every redirect page of a links file: site path (`/q/<id>/`) -> HTML. */
export function redirectPages(links: LinksData, site?: string): Map<string, string> {
  const pages = new Map<string, string>();
  for (const lang of links.langs) {
    for (const q of links.questions) {
      const target = q.url[lang];
      if (!target) continue;
      const title = q.title[lang] ?? q.id;
      for (const name of [q.id, ...(q.aliases ?? [])]) {
        pages.set(permalinkUrl(lang, name), redirectHtml({ lang, id: q.id, target, title, site }));
      }
    }
  }
  return pages;
}

export default function handbookPermalinks(): AstroIntegration {
  let root = '';
  let site: string | undefined;
  return {
    name: 'handbook-permalinks',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        site = config.site;
      },
      'astro:build:done': ({ dir, logger }) => {
        const file = join(root, 'src/content/docs/_data/links.json');
        if (!existsSync(file)) return;
        const links = parseData('links.json', readFileSync(file, 'utf8'), file);
        const out = fileURLToPath(dir);
        const pages = redirectPages(links, site);
        for (const [path, html] of pages) {
          const target = join(out, path, 'index.html');
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, html);
        }
        logger.info(`${pages.size} permalink redirect pages written`);
      },
    },
  };
}
