/**
 * Screenshots of the main pages for a visual check (run by hand, not part of `npm test`):
 *
 *   npx tsx tests/e2e/screenshots.ts [--dist DIR] [--out DIR] [--only SUBSTRING]
 *
 * Serves a built site (default `dist/`) on 127.0.0.1, opens home, a topic page with an answer
 * open, a plan, the question index and the English versions, in the light and the dark theme, at
 * a desktop (1280x800) and a phone (390x844) viewport, and writes PNGs to `.cache/screenshots/`
 * (default). It also prints elements that make a page scroll sideways on the phone.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../../tools/browser/launch.ts';
import { serveStatic } from '../../tools/browser/serve.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: join(ROOT, 'dist') },
    out: { type: 'string', default: join(ROOT, '.cache/screenshots') },
    only: { type: 'string' },
  },
});

interface Shot {
  name: string;
  path: string;
  /** Scroll to this element after load (a question id is arrived at via the hash). */
  scrollTo?: string;
}
const SHOTS: Shot[] = [
  { name: 'home', path: '/' },
  { name: 'fundamentals-answer', path: '/fundamentals/?answer=1#adam-sgd' },
  { name: 'fundamentals-badges', path: '/fundamentals/#neyron-rabotaet' },
  { name: 'fundamentals-math', path: '/fundamentals/?answer=1#xavier-he-initialization' },
  { name: 'plan', path: '/plans/junior/' },
  { name: 'index', path: '/questions/' },
  { name: 'en-home', path: '/en/' },
  { name: 'en-fundamentals-answer', path: '/en/fundamentals/?answer=1#adam-sgd' },
  { name: 'en-plan', path: '/en/plans/mock-45/' },
  { name: 'en-index', path: '/en/questions/' },
];
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const THEMES = ['light', 'dark'] as const;

const out = resolve(values.out);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const server = await serveStatic(resolve(values.dist));
const browser = await launchBrowser();
try {
  for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
    for (const theme of THEMES) {
      const context = await browser.newContext({
        viewport,
        deviceScaleFactor: 1,
        isMobile: viewportName === 'phone',
        hasTouch: viewportName === 'phone',
        colorScheme: theme,
      });
      await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      const page = await context.newPage();
      for (const shot of SHOTS) {
        const file = `${shot.name}.${viewportName}.${theme}.png`;
        if (values.only && !file.includes(values.only)) continue;
        await page.goto(new URL(shot.path.slice(1), server.url).href);
        await page.waitForTimeout(300);
        const overflow = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth <= width) return [];
          return [...document.querySelectorAll('body *')]
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return r.width > 0 && r.right > width + 1 && getComputedStyle(el).position !== 'fixed';
            })
            .slice(0, 8)
            .map(
              (el) =>
                `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`,
            );
        });
        if (overflow.length > 0) console.log(`${file}: scrolls sideways (${overflow.join('; ')})`);
        await page.screenshot({ path: join(out, file) });
        console.log(`wrote ${join(out, file)}`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
