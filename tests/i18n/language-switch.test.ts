/**
 * Starlight's language picker sets `location.pathname` to the other edition's page, which keeps
 * the `#question-id` hash: the reader stays on the same question (no extra script needed).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../tools/browser/launch.ts';
import { serveStatic } from '../../tools/browser/serve.ts';

const { dist } = inject('seedSite');
let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  server = await serveStatic(dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('language picker', () => {
  it.each([
    ['/fundamentals/#dropout', 'English', '/en/fundamentals/#dropout'],
    [
      '/en/detection/#rabotaet-nms-non-maximum-suppression',
      'Русский',
      '/detection/#rabotaet-nms-non-maximum-suppression',
    ],
  ])('keeps the question when switching from %s', async (from, label, to) => {
    const page = await browser.newPage();
    const origin = server.url.replace(/\/$/, '');
    await page.goto(origin + from);
    await page.locator('starlight-lang-select select').first().selectOption({ label });
    await page.waitForURL((url) => url.pathname === to.split('#')[0]);
    expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe(to);
    await page.close();
  });
});
