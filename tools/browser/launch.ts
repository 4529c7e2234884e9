/**
 * Launches the system Chromium through playwright-core.
 *
 * Launch flags (the machine's network is closed; headless mode itself comes from `headless: true`):
 * - `--no-sandbox`                    runs as root / inside containers
 * - `--disable-gpu`                   no GPU in CI or containers
 * - `--disable-quic`                  no QUIC attempts
 * - `--no-first-run`                  skips first-run UI
 * - `--disable-background-networking` no update/metrics/safe-browsing traffic
 * - `--disable-component-update`      no component downloads
 * - `--disable-sync`                  no account sync
 * - `--disable-dev-shm-usage`         uses /tmp instead of a small /dev/shm
 */
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from './find-chromium.ts';

/** Extra Chromium command-line flags passed on every launch. */
export const CHROMIUM_LAUNCH_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface LaunchBrowserOptions {
  /** Browser executable; defaults to findChromium()'s lookup. */
  executablePath?: string;
}

/**
 * Launches headless Chromium with CHROMIUM_LAUNCH_ARGS. Callers must `close()` the browser.
 * @throws BrowserNotFoundError when no executable is available.
 */
export async function launchBrowser(options: LaunchBrowserOptions = {}): Promise<Browser> {
  const executablePath = findChromium(options.executablePath);
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_LAUNCH_ARGS] });
}
