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
import type { Lang } from '../ingest/model.ts';
import type { LinksData } from '../ingest/emit/related.ts';
import { permalinkUrl } from '../ingest/emit/related.ts';
import { t } from '../ingest/emit/strings.ts';

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON for an inline script (no `</script>` or `<!--` can close or confuse it). */
const scriptJson = (value: string): string => JSON.stringify(value).replace(/</g, '\\u003c');

/** The HTML of one redirect page. */
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
  return (
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex">` +
    `<meta name="hb-permalink" content="${escapeHtml(id)}">` +
    `<title>${escapeHtml(title)}</title>` +
    `<script>(function(){const path = ${scriptJson(path)};\nconst hash = ${scriptJson(hash)};\n` +
    `location.replace(path + location.search + '#' + hash);})();</script>` +
    `<meta http-equiv="refresh" content="0; url=${escapeHtml(target)}">` +
    `<link rel="canonical" href="${escapeHtml(canonical)}">` +
    `</head><body data-pagefind-ignore="all">` +
    `<p>${escapeHtml(t(lang, 'handbook.permalink.redirect'))}</p>` +
    `<p>${escapeHtml(t(lang, 'handbook.permalink.follow'))} <a href="${escapeHtml(target)}" data-permalink-target>${escapeHtml(title)}</a></p>` +
    `</body></html>\n`
  );
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
        const links = JSON.parse(readFileSync(file, 'utf8')) as LinksData;
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
