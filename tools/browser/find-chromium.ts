/**
 * Locates a Chromium/Chrome executable for Playwright (end-to-end tests and the PDF study guide).
 * The project never downloads Playwright's own browsers: it uses a system install.
 */
import { accessSync, constants, statSync } from 'node:fs';

/** How to get a browser; included in every "not found" message. */
export const CHROMIUM_INSTALL_HINT =
  'Install Chromium (Debian/Ubuntu: sudo apt-get install -y chromium) ' +
  'or set HANDBOOK_CHROMIUM=/path/to/chrome (CHROMIUM_PATH is also honoured).';

/** Usual install locations, checked in order after the explicit path and the environment. */
export const DEFAULT_CHROMIUM_CANDIDATES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** No usable browser executable was found, or an explicitly requested one is unusable. */
export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
}

/** Injection points for tests. */
export interface FindChromiumOptions {
  /** Environment to read HANDBOOK_CHROMIUM / CHROMIUM_PATH from (default: process.env). */
  env?: Record<string, string | undefined>;
  /** Fallback locations (default: DEFAULT_CHROMIUM_CANDIDATES). */
  candidates?: readonly string[];
}

/** True when `path` is an existing regular file that the current user may execute. */
export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Throws naming `path` and where it came from unless it is an executable file. */
function requireExecutable(path: string, source: string): string {
  if (isExecutableFile(path)) return path;
  throw new BrowserNotFoundError(
    `Browser executable from ${source} not found or not executable: ${path}. ${CHROMIUM_INSTALL_HINT}`,
  );
}

/**
 * Returns the path of a Chromium-family executable.
 * Order: `explicitPath`, env HANDBOOK_CHROMIUM, env CHROMIUM_PATH, then the candidate list.
 * An explicit path or env value that is unusable is an error (no silent fallback).
 * @throws BrowserNotFoundError with install instructions when nothing is found.
 */
export function findChromium(explicitPath?: string, options: FindChromiumOptions = {}): string {
  const env = options.env ?? process.env;
  const candidates = options.candidates ?? DEFAULT_CHROMIUM_CANDIDATES;
  if (explicitPath) return requireExecutable(explicitPath, 'the explicit executablePath option');
  for (const name of ['HANDBOOK_CHROMIUM', 'CHROMIUM_PATH'] as const) {
    const value = env[name]?.trim();
    if (value) return requireExecutable(value, `env ${name}`);
  }
  const found = candidates.find(isExecutableFile);
  if (found) return found;
  throw new BrowserNotFoundError(
    `No Chromium/Chrome executable found (checked: ${candidates.join(', ') || 'no candidates'}). ${CHROMIUM_INSTALL_HINT}`,
  );
}
