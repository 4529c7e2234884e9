/**
 * Options of `npm run pdf` and the freshness check of the built site.
 *
 *   npm run pdf -- [--lang ru|en] [--topics a,b] [--plan <plan-id>] [--mode reference|self-test|sheet]
 *                  [--q <id>,<id>… [--title TEXT]] [--chromium PATH] [--out FILE.pdf|DIR] [--dist DIR] [--no-build]
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LANGS, type Lang } from '../../src/ingest/model.ts';
import { customPlanId } from '../../src/scripts/plan-pool.ts';

export interface PdfCliOptions {
  langs: Lang[];
  topics: string[];
  plan?: string;
  /**
   * `sheet`: an interviewer's sheet instead of the study guide: a plan's (`/plans/<plan>/sheet/`,
   * --plan) or a custom plan's (`/plans/custom/sheet/?q=…`, --q).
   */
  mode: 'reference' | 'self-test' | 'sheet';
  /** --q: the question ids (or aliases) of a custom plan, in order. */
  questions?: string[];
  /** --title: the custom plan's title. */
  title?: string;
  chromium?: string;
  /** A `.pdf` file (one language only) or a directory. */
  out?: string;
  dist: string;
  /** Build the site first when dist/ is missing or stale (default true). */
  build: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE =
  'usage: npm run pdf -- [--lang ru|en] [--topics a,b] [--plan <plan-id>] [--mode reference|self-test|sheet] ' +
  '[--q <id>,<id>… [--title TEXT]] [--chromium PATH] [--out FILE.pdf|DIR] [--dist DIR] [--no-build]';

/** Parses the command line (`root`: the project folder). */
export function parsePdfArgs(argv: string[], root: string): PdfCliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        lang: { type: 'string' },
        topics: { type: 'string' },
        plan: { type: 'string' },
        q: { type: 'string' },
        title: { type: 'string' },
        mode: { type: 'string', default: 'reference' },
        chromium: { type: 'string' },
        out: { type: 'string' },
        dist: { type: 'string' },
        'no-build': { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    // node:util's message, without its sentence about `--` and positional arguments.
    const message = (error as Error).message.split('\n')[0].replace(/\. To specify a positional argument.*$/, '');
    throw new UsageError(`${message}\n${USAGE}`);
  }
  const langs = values.lang === undefined ? [...LANGS] : values.lang.split(',').map((l) => l.trim());
  for (const lang of langs)
    if (!(LANGS as readonly string[]).includes(lang))
      throw new UsageError(`--lang: unknown language "${lang}" (ru or en)\n${USAGE}`);
  if (values.mode !== 'reference' && values.mode !== 'self-test' && values.mode !== 'sheet')
    throw new UsageError(`--mode: "${values.mode}" (reference, self-test or sheet)\n${USAGE}`);
  const questions =
    values.q === undefined
      ? undefined
      : [
          ...new Set(
            values.q
              .split(',')
              .map((id) => id.trim())
              .filter(Boolean),
          ),
        ];
  if (questions?.length === 0) throw new UsageError(`--q: no question ids (a comma-separated list)\n${USAGE}`);
  if (questions && values.mode !== 'sheet')
    throw new UsageError(`--q prints a custom plan's interviewer sheet: it goes with --mode sheet\n${USAGE}`);
  if (values.title !== undefined && !questions) throw new UsageError(`--title goes with --q\n${USAGE}`);
  if (questions && values.plan !== undefined)
    throw new UsageError(`--plan and --q: a sheet is of a plan or of the questions given, not both\n${USAGE}`);
  if (values.mode === 'sheet' && values.plan === undefined && !questions)
    throw new UsageError(
      `--mode sheet prints an interviewer's sheet: it needs --plan <plan-id> or --q <id>,<id>…\n${USAGE}`,
    );
  const topics = (values.topics ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (values.out?.endsWith('.pdf') && langs.length > 1)
    throw new UsageError(`--out ${values.out}: a single file needs a single --lang\n${USAGE}`);
  return {
    langs: langs as Lang[],
    topics,
    plan: values.plan,
    mode: values.mode as PdfCliOptions['mode'],
    ...(questions ? { questions } : {}),
    ...(values.title !== undefined ? { title: values.title } : {}),
    chromium: values.chromium,
    out: values.out,
    dist: resolve(root, values.dist ?? 'dist'),
    // An explicit --dist is printed as it is (it may belong to another project copy).
    build: !values['no-build'] && values.dist === undefined,
  };
}

/**
 * Output file of one edition: `<out or dist/pdf>/study-guide.<lang>[.<variant>].pdf`; a sheet:
 * `sheet.<plan>.<lang>.pdf`, a custom plan's `sheet.<title's Latin slug, else custom-<hash of the ids>>.<lang>.pdf`.
 */
export function outputFile(options: PdfCliOptions, lang: Lang): string {
  if (options.out?.endsWith('.pdf')) return resolve(options.out);
  const dir = options.out ? resolve(options.out) : join(options.dist, 'pdf');
  if (options.mode === 'sheet') {
    const name = options.questions ? customPlanId(options.title ?? '', options.questions) : options.plan;
    return join(dir, `sheet.${name}.${lang}.pdf`);
  }
  const variant = [
    options.plan ? `plan-${options.plan}` : '',
    options.topics.length > 0 ? `topics-${options.topics.join('-')}` : '',
    options.mode === 'self-test' ? 'self-test' : '',
  ].filter(Boolean);
  return join(dir, `study-guide.${[lang, ...variant].join('.')}.pdf`);
}

/** Newest modification time under `path` (files only; skips `skip` folder names). */
function newest(path: string, skip: ReadonlySet<string>): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path)) {
    if (skip.has(entry) || entry.startsWith('.')) continue;
    max = Math.max(max, newest(join(path, entry), skip));
  }
  return max;
}

/** Inputs of the site build: what makes dist/ stale when it changes. */
export const BUILD_INPUTS = ['content', 'src', 'astro.config.mjs', 'package.json', 'package-lock.json', 'public'];

/**
 * Why the built site must be (re)built before printing, or undefined when it is up to date:
 * the study guide pages are missing, or a build input is newer than them.
 */
export function staleReason(root: string, dist: string, langs: readonly Lang[]): string | undefined {
  const pages = langs.map((lang) => join(dist, lang === 'ru' ? '' : lang, 'study-guide/index.html'));
  const missing = pages.find((p) => !existsSync(p));
  if (missing) return `${missing} is missing`;
  const built = Math.min(...pages.map((p) => statSync(p).mtimeMs));
  // Generated pages and the PDF code itself do not change the site.
  const skip = new Set(['docs', 'pdf', 'node_modules']);
  const changed = BUILD_INPUTS.find((input) => newest(join(root, input), skip) > built);
  return changed ? `${changed} changed after the last build` : undefined;
}
