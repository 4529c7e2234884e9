/**
 * Renders the study guide of one edition to PDF with the system Chromium.
 *
 * The built site is served from `dist/` (serveStatic); the study guide page (cover + contents) is
 * opened, the questions of the topic pages it links to are loaded into it, and it is prepared in
 * the DOM (prepare.ts) and printed twice: the first PDF tells on which page every TOC target
 * lands (named destinations, read with poppler's `pdfinfo -dests`), the numbers are written into
 * the TOC and answer links, and the second print is the result (checked to have the same
 * pages; a third pass runs if filling in numbers moved anything).
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../browser/launch.ts';
import { serveStatic } from '../browser/serve.ts';
import type { Lang } from '../../src/ingest/model.ts';
import { pageUrl } from '../../src/ingest/emit/paths.ts';
import { STUDY_GUIDE_SLUG } from '../../src/ingest/emit/study-guide.ts';
import { t } from '../../src/ingest/emit/strings.ts';
import {
  fillPageNumbers,
  prepareStudyGuide,
  stitchStudyGuide,
  type PrepareOptions,
  type PrepareResult,
  type StitchResult,
} from './prepare.ts';
import type { PrintPlan } from './plans.ts';

const run = promisify(execFile);

export type PdfMode = 'reference' | 'self-test';

export interface StudyGuidePdfOptions {
  /** Built site (contains study-guide/index.html). */
  dist: string;
  lang: Lang;
  out: string;
  mode?: PdfMode;
  topics?: string[];
  plan?: PrintPlan;
  /** Browser executable (default: findChromium's lookup). */
  chromium?: string;
  /** Public site URL for links to other pages (default: the page's canonical URL origin). */
  siteUrl?: string;
}

export interface StudyGuidePdfResult {
  out: string;
  pages: number;
  questions: string[];
  /** Render passes used for the page numbers. */
  passes: number;
}

/** Footer: page number / total, small and grey, centred. */
export const FOOTER_TEMPLATE =
  '<div style="width:100%;font-size:8px;color:#555;text-align:center;font-family:\'DejaVu Sans\',sans-serif;">' +
  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>';

/** `pdfinfo -dests` output -> destination name -> 1-based page number. */
export function parseDests(output: string): Map<string, number> {
  const pages = new Map<string, number>();
  for (const line of output.split('\n')) {
    const m = line.match(/^\s*(\d+)\s+\[.*?\]\s+"(.*)"\s*$/) ?? line.match(/^\s*(\d+)\s+\[.*?\]\s+(\S+)\s*$/);
    if (m) pages.set(m[2], Number(m[1]));
  }
  return pages;
}

/** Page count of a PDF (`pdfinfo`). */
export async function pdfPageCount(file: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [file]);
  const m = stdout.match(/^Pages:\s+(\d+)/m);
  if (!m) throw new Error(`pdfinfo: no page count for ${file}`);
  return Number(m[1]);
}

async function destinations(file: string): Promise<Map<string, number>> {
  try {
    const { stdout } = await run('pdfinfo', ['-dests', file], { maxBuffer: 64 * 1024 * 1024 });
    return parseDests(stdout);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'pdfinfo not found: the PDF page numbers need poppler-utils (Debian: sudo apt-get install -y poppler-utils)',
        {
          cause: error,
        },
      );
    }
    throw error;
  }
}

async function print(page: Page, file: string): Promise<void> {
  await page.pdf({
    path: file,
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<div></div>',
    footerTemplate: FOOTER_TEMPLATE,
    margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
    outline: true,
    tagged: true,
  });
}

/** Render the study guide of `options.lang` to `options.out`. */
export async function generateStudyGuidePdf(options: StudyGuidePdfOptions): Promise<StudyGuidePdfResult> {
  const browser = await launchBrowser({ executablePath: options.chromium });
  const server = await serveStatic(options.dist);
  const work = await mkdtemp(join(tmpdir(), 'handbook-pdf-'));
  try {
    const page = await browser.newPage();
    // tsx/esbuild may wrap named functions in `__name(...)`; give the page a no-op for it.
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    const url = new URL(pageUrl(options.lang, STUDY_GUIDE_SLUG).slice(1), server.url).href;
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response || !response.ok()) {
      throw new Error(
        `study guide page not found at ${url} (status ${response?.status()}): rebuild the site (npm run build)`,
      );
    }
    // The study guide page holds the cover and contents; the questions are on the topic pages it links to.
    const stitched: StitchResult = await page.evaluate(stitchStudyGuide);
    if (stitched.failed.length > 0)
      throw new Error(
        `topic pages missing from the build: ${stitched.failed.join(', ')}: rebuild the site (npm run build)`,
      );
    await page.emulateMedia({ media: 'print' });
    const canonical = await page.evaluate(
      () => document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '',
    );
    const siteUrl = options.siteUrl ?? (canonical ? new URL('/', canonical).href : 'https://example.invalid/');
    const lang = options.lang;
    const prepare: PrepareOptions = {
      mode: options.mode ?? 'reference',
      topics: options.topics && options.topics.length > 0 ? options.topics : null,
      plan: options.plan
        ? {
            title: options.plan.title[lang],
            sections: options.plan.sections.map((s) => ({ title: s.title[lang], ids: s.ids })),
          }
        : null,
      siteUrl,
      strings: {
        answers: t(lang, 'handbook.studyGuide.answers'),
        toAnswer: t(lang, 'handbook.studyGuide.toAnswer', { page: '{{page}}' }),
        toQuestion: t(lang, 'handbook.studyGuide.toQuestion'),
        selfTest: t(lang, 'handbook.studyGuide.selfTest'),
        plan: t(lang, 'handbook.studyGuide.plan'),
        questions: t(lang, 'handbook.studyGuide.questions', { count: '{{count}}' }),
      },
    };
    const result: PrepareResult = await page.evaluate(prepareStudyGuide, prepare);
    if (result.unknownTopics.length > 0) {
      throw new Error(
        `unknown topic(s): ${result.unknownTopics.join(', ')} (available: ${result.availableTopics.join(', ')})`,
      );
    }
    if (result.unknownIds.length > 0) {
      throw new Error(`the plan names question(s) not in the study guide: ${result.unknownIds.join(', ')}`);
    }
    if (result.questions.length === 0) throw new Error('no questions left to print (check --topics / --plan)');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));

    // Pass 1..3: print, read where every target landed, fill in the numbers, until stable.
    let previous = '';
    let passes = 0;
    const draft = join(work, 'draft.pdf');
    for (;;) {
      passes++;
      await print(page, draft);
      const dests = await destinations(draft);
      const pages = Object.fromEntries(result.targets.flatMap((id) => (dests.has(id) ? [[id, dests.get(id)!]] : [])));
      const missing = result.targets.filter((id) => !dests.has(id));
      if (missing.length > 0)
        throw new Error(
          `PDF has no destination for: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`,
        );
      const key = JSON.stringify(pages);
      if (key === previous || passes === 3) break;
      previous = key;
      await page.evaluate(fillPageNumbers, pages);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
    }
    await mkdir(dirname(options.out), { recursive: true });
    await rm(options.out, { force: true });
    await copyFile(draft, options.out);
    return { out: options.out, pages: await pdfPageCount(options.out), questions: result.questions, passes };
  } finally {
    await browser.close().catch(() => {});
    await server.close().catch(() => {});
    await rm(work, { recursive: true, force: true });
  }
}

/** Options of `generateSheetPdf`: a plan's sheet (`plan`) or a custom plan's (`questions`, `title`). */
export interface SheetPdfOptions {
  dist: string;
  lang: Lang;
  out: string;
  plan?: string;
  /** Question ids (or aliases) of a custom plan, in order. */
  questions?: string[];
  title?: string;
  chromium?: string;
}

/**
 * Prints an interviewer's sheet to A4 as it is (the page carries its own print layout; page
 * numbers in the footer): a plan's (`/plans/<plan>/sheet/`, src/components/PlanSheet.astro) or a
 * custom plan's (`/plans/custom/sheet/?q=…&title=…`, filled in by the page's script first).
 */
export async function generateSheetPdf(options: SheetPdfOptions): Promise<{ pages: number; questions: number }> {
  if (!options.plan === !options.questions) throw new Error('generateSheetPdf: give a plan or questions');
  const browser = await launchBrowser({ executablePath: options.chromium });
  const server = await serveStatic(options.dist);
  try {
    const page = await browser.newPage();
    const search = options.questions
      ? `?${new URLSearchParams({ q: options.questions.join(','), ...(options.title === undefined ? {} : { title: options.title }) })}`
      : '';
    const path = `${options.lang === 'ru' ? '' : `${options.lang}/`}plans/${options.plan ?? 'custom'}/sheet/${search}`;
    const url = new URL(path, server.url).href;
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response || !response.ok()) {
      throw new Error(
        `interviewer sheet not found at ${url} (status ${response?.status()}): rebuild the site (npm run build)`,
      );
    }
    if (options.questions) await page.locator('[data-custom-sheet][data-ready]').waitFor({ state: 'attached' });
    const questions = await page.locator('[data-sheet-question]').count();
    await mkdir(dirname(options.out), { recursive: true });
    await page.pdf({
      path: options.out,
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate: FOOTER_TEMPLATE,
      preferCSSPageSize: true,
      tagged: true,
    });
    return { pages: await pdfPageCount(options.out), questions };
  } finally {
    await browser.close();
    await server.close();
  }
}
