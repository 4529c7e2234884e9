/**
 * Shared setup of the browser suites (tests/e2e, tests/a11y): the seed build of the global setup
 * (`inject('seedSite')`) served on 127.0.0.1, and one real headless Chromium per test file.
 *
 * No skips: without a browser `launchBrowser()` throws BrowserNotFoundError with the install
 * hint, and the suite fails with that message.
 */
import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser } from '../../tools/browser/launch.ts';
import { serveStatic, type StaticServer } from '../../tools/browser/serve.ts';

export interface Site {
  browser: Browser;
  server: StaticServer;
  /** Absolute URL of a site path (`/fundamentals/#id`, `en/questions/?topic=x`). */
  url(path: string): string;
  /** Site path (pathname + search + hash) of a page's current URL. */
  path(page: Page): string;
  /**
   * A fresh context and page (own localStorage); uncaught page errors are collected in
   * `errors` so a test can assert that the site's scripts ran cleanly.
   */
  newPage(options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
}

/**
 * Registers beforeAll/afterAll hooks and returns the site, usable inside tests. `dist`: the built
 * site to serve (default: the seed build), read when the hook runs, so a test file may build its
 * own fixture site in an earlier beforeAll.
 */
export function useSite(dist: () => string = () => inject('seedSite').dist): Site {
  const site = {} as Site;
  beforeAll(async () => {
    site.server = await serveStatic(dist());
    site.browser = await launchBrowser();
    site.url = (path) => new URL(path.replace(/^\//, ''), site.server.url).href;
    site.path = (page) => {
      const url = new URL(page.url());
      return url.pathname + url.search + url.hash;
    };
    site.newPage = async (options = {}) => {
      const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
      const page = await context.newPage();
      // Fail on a missing element with the locator's message, well before the test timeout.
      page.setDefaultTimeout(10_000);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      return { context, page, errors };
    };
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/** True when the element's top edge is inside the viewport (below the fixed header). */
export async function topInViewport(
  page: Page,
  selector: string,
): Promise<{ top: number; height: number; inside: boolean }> {
  return page.locator(selector).evaluate((el) => {
    const top = el.getBoundingClientRect().top;
    return { top, height: innerHeight, inside: top >= 0 && top < innerHeight };
  });
}

/** The question ids of a custom plan page's list (`/plans/custom/?q=…`), in order. */
export const customPlanItems = (page: Page): Promise<string[]> =>
  page
    .locator('[data-custom-list] [data-plan-item]')
    .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.planItem!));
