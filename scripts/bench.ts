/**
 * The scaling benchmark (figures, not assertions).
 *
 *   tsx scripts/bench.ts [--sizes 1000,5000,10000] [--seed N] [--runs 5] [--no-build] [--keep]
 *
 * For each size: synthetic sources in all four formats (tools/bench/synthetic.ts) are written into
 * an isolated copy of the project (tools/bench/project.ts), then
 * - ingestion: `runPipeline` in this process on the in-memory inputs, `--runs` times (first
 *   run cold, median of the rest), with an empty id lock and again with the lock the first run
 *   wrote (the steady state of `npm run build`); questions per second from the median;
 * - full build: `tsx scripts/ingest.ts` then `npm run build:site` (`astro build` with the heap
 *   limit of scripts/heap-limit.mjs; it runs Pagefind and the link
 *   validator) in the copy, each under GNU time for wall time and peak RSS;
 * - output: largest HTML page, total site size, Pagefind index size.
 * The results replace the generated section of BENCHMARKS.md (between the bench markers).
 */
import { cpus, tmpdir } from 'node:os';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateSources } from '../tools/bench/synthetic.ts';
import {
  copyProject,
  fileSizes,
  GNU_TIME,
  measure,
  writeSyntheticContent,
  type Measured,
} from '../tools/bench/project.ts';
import { PIPELINE_STAGES, runPipeline, type PipelineStage } from '../src/ingest/pipeline.ts';
import { serializeLock } from '../src/ingest/id-lock.ts';
import { loadInputs } from './inputs.ts';
import { parseCli, positiveInt } from './cli.ts';

const USAGE = `Usage: npm run bench -- [--sizes 1000,5000,10000] [--seed N] [--runs 5] [--no-build] [--keep] [--out FILE]

The scaling benchmark (figures, not assertions): synthetic sources of each size, ingestion
timed in process and, unless --no-build, a full build in an isolated project copy. The results
replace the generated section of BENCHMARKS.md.

Options:
  --sizes N,N,...   question counts to measure (default: 1000,5000,10000)
  --seed N          seed of the synthetic sources (default: 20240611)
  --runs N          ingestion runs per size, at least 2 (default: 5)
  --no-build        ingestion only, no full builds
  --keep            keep the isolated project copies
  --out FILE        the Markdown file to update (default: BENCHMARKS.md)
  -h, --help        show this help`;

const root = resolve(import.meta.dirname, '..');
const { values } = parseCli({
  usage: USAGE,
  options: {
    sizes: { type: 'string', default: '1000,5000,10000' },
    seed: { type: 'string', default: '20240611' },
    runs: { type: 'string', default: '5' },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    out: { type: 'string', default: join(root, 'BENCHMARKS.md') },
  },
});
const sizes = values.sizes.split(',').map((s) => positiveInt(USAGE, '--sizes', s.trim()));
const seed = positiveInt(USAGE, '--seed', values.seed);
const runs = Math.max(2, positiveInt(USAGE, '--runs', values.runs));

interface Row {
  size: number;
  questions: number;
  sourceFiles: number;
  sourceBytes: number;
  ingestCold: number;
  ingestMedian: number;
  ingestLocked: number;
  /** Median milliseconds of each runPipeline stage over the warm runs. */
  stages: Record<PipelineStage, number>;
  build?: {
    ingest: Measured;
    astro: Measured;
    pages: number;
    largest: { path: string; bytes: number };
    siteBytes: number;
    pagefindBytes: number;
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

function timeIngestion(
  dir: string,
): Pick<Row, 'questions' | 'ingestCold' | 'ingestMedian' | 'ingestLocked' | 'stages'> {
  const input = loadInputs(dir);
  const times: number[] = [];
  const stageTimes = Object.fromEntries(PIPELINE_STAGES.map((stage) => [stage, [] as number[]])) as Record<
    PipelineStage,
    number[]
  >;
  let result!: ReturnType<typeof runPipeline>;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    // The first run is cold (JIT, caches): stages are reported for the warm runs.
    result = runPipeline(input, { onStage: i === 0 ? undefined : (stage, ms) => stageTimes[stage].push(ms) });
    times.push((performance.now() - start) / 1000);
  }
  const stages = Object.fromEntries(PIPELINE_STAGES.map((stage) => [stage, median(stageTimes[stage])])) as Record<
    PipelineStage,
    number
  >;
  const locked = { ...input, lock: { file: 'content/ids.lock.json', text: serializeLock(result.lock) } };
  const lockedTimes: number[] = [];
  for (let i = 0; i < runs - 1; i++) {
    const start = performance.now();
    runPipeline(locked);
    lockedTimes.push((performance.now() - start) / 1000);
  }
  return {
    questions: result.handbook.questions.length,
    ingestCold: times[0],
    ingestMedian: median(times.slice(1)),
    ingestLocked: median(lockedTimes),
    stages,
  };
}

async function build(dir: string): Promise<NonNullable<Row['build']>> {
  const bin = join(dir, 'node_modules/.bin');
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, ASTRO_TELEMETRY_DISABLED: '1' };
  const ingest = await measure(join(bin, 'tsx'), ['scripts/ingest.ts'], dir, env);
  if (ingest.code !== 0) throw new Error(`ingest failed in ${dir}:\n${ingest.output.slice(-4000)}`);
  const astro = await measure('npm', ['run', '--silent', 'build:site'], dir, env);
  if (astro.code !== 0) throw new Error(`astro build failed in ${dir}:\n${astro.output.slice(-4000)}`);
  const files = fileSizes(join(dir, 'dist'));
  const html = files.filter((f) => f.path.endsWith('.html'));
  const largest = html.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  return {
    ingest,
    astro,
    pages: html.length,
    largest,
    siteBytes: files.reduce((n, f) => n + f.bytes, 0),
    pagefindBytes: files.filter((f) => f.path.startsWith('pagefind/')).reduce((n, f) => n + f.bytes, 0),
  };
}

function report(rows: Row[]): string {
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, seed ${seed}.`,
    `Peak memory from ${existsSync(GNU_TIME) ? 'GNU time (max RSS of the largest process)' : '/proc sampling (summed RSS of the process group)'}.`,
    '',
    '| questions | source files | source size | ingest cold | ingest (median) | questions/s | ingest with lock | build: ingest CLI | build: astro + pagefind | build total | peak RSS | HTML pages | largest page | site size | search index |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |',
  ];
  for (const r of rows) {
    const b = r.build;
    const cells = [
      r.questions,
      r.sourceFiles,
      mb(r.sourceBytes),
      `${(r.ingestCold * 1000).toFixed(0)} ms`,
      `${(r.ingestMedian * 1000).toFixed(0)} ms`,
      Math.round(r.questions / r.ingestMedian).toLocaleString('en-US'),
      `${(r.ingestLocked * 1000).toFixed(0)} ms`,
      b ? `${b.ingest.seconds.toFixed(1)} s` : '–',
      b ? `${b.astro.seconds.toFixed(1)} s` : '–',
      b ? `${(b.ingest.seconds + b.astro.seconds).toFixed(1)} s` : '–',
      b ? mb(Math.max(b.ingest.maxRss, b.astro.maxRss)) : '–',
      b ? b.pages : '–',
      b ? `${kb(b.largest.bytes)} (${b.largest.path})` : '–',
      b ? mb(b.siteBytes) : '–',
      b ? mb(b.pagefindBytes) : '–',
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  lines.push(
    '',
    'Ingestion by stage (median ms of the warm runs; see `PIPELINE_STAGES` in src/ingest/pipeline.ts):',
    '',
    `| questions | ${PIPELINE_STAGES.join(' | ')} |`,
    `| ---: | ${PIPELINE_STAGES.map(() => '---:').join(' | ')} |`,
    ...rows.map(
      (r) =>
        `| ${r.questions} | ${PIPELINE_STAGES.map((stage) => `${r.stages[stage].toFixed(0)} (${((100 * r.stages[stage]) / (r.ingestMedian * 1000)).toFixed(0)}%)`).join(' | ')} |`,
    ),
  );
  const built = rows.filter((r) => r.build);
  if (built.length >= 2) {
    const [first, last] = [built[0], built.at(-1)!];
    const t = (r: Row) => r.build!.ingest.seconds + r.build!.astro.seconds;
    lines.push(
      '',
      `Build time per 1,000 questions: ${built.map((r) => `${((t(r) / r.questions) * 1000).toFixed(1)} s at ${r.questions}`).join(', ')} ` +
        `(${last.questions / first.questions}× the questions took ${(t(last) / t(first)).toFixed(1)}× the time).`,
    );
  }
  return lines.join('\n');
}

const START = '<!-- bench:start (generated by `npm run bench`; edit outside the markers) -->';
const END = '<!-- bench:end -->';

function writeReport(table: string): void {
  const old = existsSync(values.out) ? readFileSync(values.out, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const from = old.indexOf(START);
  const to = old.indexOf(END);
  const next =
    from >= 0 && to > from
      ? `${old.slice(0, from + START.length)}\n${table}\n${old.slice(to)}`
      : `${old.trimEnd()}\n\n${START}\n${table}\n${END}\n`;
  writeFileSync(values.out, next);
}

const rows: Row[] = [];
const work = mkdtempSync(join(tmpdir(), 'handbook-bench-'));
try {
  for (const size of sizes) {
    const dir = join(work, `n${size}`);
    console.log(`[bench] ${size} questions: preparing ${dir}`);
    const sources = generateSources(size, seed);
    copyProject(root, dir);
    writeSyntheticContent(root, dir, sources);
    const row: Row = {
      size,
      sourceFiles: sources.length,
      sourceBytes: sources.reduce((n, s) => n + Buffer.byteLength(s.text), 0),
      ...timeIngestion(dir),
    };
    console.log(
      `[bench] ${size}: ingest cold ${(row.ingestCold * 1000).toFixed(0)} ms, median ${(row.ingestMedian * 1000).toFixed(0)} ms, with lock ${(row.ingestLocked * 1000).toFixed(0)} ms`,
    );
    if (!values['no-build']) {
      row.build = await build(dir);
      const b = row.build;
      console.log(
        `[bench] ${size}: build ${b.ingest.seconds.toFixed(1)} s + ${b.astro.seconds.toFixed(1)} s, peak ${mb(Math.max(b.ingest.maxRss, b.astro.maxRss))}, largest ${kb(b.largest.bytes)}`,
      );
    }
    rows.push(row);
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
const table = report(rows);
console.log(table);
writeReport(table);
console.log(`[bench] wrote ${values.out}`);
