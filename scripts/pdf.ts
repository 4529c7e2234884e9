/**
 * Command line: the PDF study guide of each edition from the built site.
 *
 *   npm run pdf -- [--lang ru|en] [--topics a,b] [--plan <plan-id>] [--mode reference|self-test|sheet]
 *                  [--q <id>,<id>… [--title TEXT]] [--chromium PATH] [--out FILE.pdf|DIR] [--dist DIR] [--no-build]
 *
 * Builds the site first (npm run build) when dist/ is missing or older than the sources.
 * Default output: dist/pdf/study-guide.ru.pdf and dist/pdf/study-guide.en.pdf.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, relative, resolve } from 'node:path';
import { BrowserNotFoundError, findChromium } from '../tools/browser/find-chromium.ts';
import { outputFile, parsePdfArgs, staleReason, UsageError } from '../tools/pdf/cli.ts';
import { generateSheetPdf, generateStudyGuidePdf } from '../tools/pdf/generate.ts';
import { findPlan, sheetQuestions } from '../tools/pdf/plans.ts';

const root = resolve(import.meta.dirname, '..');

const HELP = `Usage: npm run pdf -- [options]

The PDF study guide of each edition from the built site (builds it first when dist/ is
missing or older than the sources), printed by the system Chromium.

Options:
  --lang ru|en                 one edition (default: both)
  --topics a,b                 only these topics (topic ids)
  --plan <plan-id>             a prep plan's questions, in plan order
  --mode reference|self-test   answers under each question (default) or in an appendix
  --mode sheet                 the interviewer's sheet instead of the study guide: of --plan
                               (dist/pdf/sheet.<plan>.<lang>.pdf), or of a custom plan:
    --q <id>,<id>…             its questions (ids or aliases, in order), as the custom plan
                               link /plans/custom/?q=… has them
    --title TEXT               its title (default: the edition's "My plan"); names the file
                               sheet.<title in Latin letters, else custom-<hash>>.<lang>.pdf
  --chromium PATH              the browser to print with (default: found on the system)
  --out FILE.pdf|DIR           output file (with one --lang) or folder (default: dist/pdf/)
  --dist DIR                   print another build as it is (no rebuild)
  --no-build                   never build; fail when dist/ is stale
  -h, --help                   show this help`;

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  const options = parsePdfArgs(argv, root);
  // Fail before building when there is no browser (no download: the message says what to install).
  const chromium = findChromium(options.chromium);
  const stale = options.build ? staleReason(root, options.dist, options.langs) : undefined;
  if (stale) {
    if (!options.build)
      throw new Error(`the built site is not usable (${stale}); run npm run build or drop --no-build`);
    console.log(`pdf: building the site first (${stale})`);
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) return build.status ?? 1;
  }
  const projectDir = dirname(options.dist);
  const plan = options.plan
    ? findPlan(options.plan, [join(projectDir, 'src/content/docs/_data/plans.json'), join(options.dist, 'plans.json')])
    : undefined;
  if (options.mode === 'sheet') {
    // Every id must name a question: the page itself skips unknown ones.
    if (options.questions) sheetQuestions(options.questions, join(options.dist, 'questions.json'));
    for (const lang of options.langs) {
      const out = outputFile(options, lang);
      const result = await generateSheetPdf({
        dist: options.dist,
        lang,
        out,
        ...(options.questions ? { questions: options.questions, title: options.title } : { plan: options.plan! }),
        chromium,
      });
      console.log(`pdf: ${relative(process.cwd(), out) || out}: ${result.pages} pages, ${result.questions} questions`);
    }
    return 0;
  }
  for (const lang of options.langs) {
    const out = outputFile(options, lang);
    const started = Date.now();
    const result = await generateStudyGuidePdf({
      dist: options.dist,
      lang,
      out,
      mode: options.mode,
      topics: options.topics,
      plan,
      chromium,
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `pdf: ${relative(process.cwd(), out) || out}: ${result.pages} pages, ${result.questions.length} questions (${seconds}s)`,
    );
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof BrowserNotFoundError || error instanceof UsageError || error instanceof Error) {
    console.error(`error: ${error.message}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  } else throw error;
}
