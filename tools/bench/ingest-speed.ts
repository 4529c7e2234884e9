/**
 * Ingestion speed: `runPipeline` in this process on synthetic sources held in memory (no disk,
 * no build), without a lock (first run) and with the lock the first run produced (re-run).
 *
 *   npx tsx tools/bench/ingest-speed.ts [--sizes 1000,5000,10000,20000] [--runs 3] [--seed N] [--dump DIR]
 *
 * Prints median milliseconds and questions per second per size, and the growth factor between
 * sizes (time ratio / size ratio; ~1 means linear). `--dump DIR` writes each size's handbook and
 * lock as JSON, to compare outputs before and after a change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from 'yaml';
import { generateSources } from './synthetic.ts';
import { runPipeline, type PipelineInput, type PipelineResult } from '../../src/ingest/pipeline.ts';
import { serializeLock } from '../../src/ingest/id-lock.ts';

const root = resolve(import.meta.dirname, '../..');

/** Pipeline inputs for a synthetic corpus, as tools/bench/project.ts writes them to disk. */
export function syntheticInput(total: number, seed: number): PipelineInput {
  const topics = parseDocument(readFileSync(join(root, 'content/topics.yaml'), 'utf8'));
  topics.set('overrides', {});
  const data = (file: string) => ({ file: `content/${file}`, text: readFileSync(join(root, 'content', file), 'utf8') });
  return {
    sources: generateSources(total, seed).map((s) => ({ file: s.file, bytes: Buffer.from(s.text) })),
    topics: { file: 'content/topics.yaml', text: topics.toString() },
    slugs: data('slugs.yaml'),
    concepts: data('concepts.yaml'),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median wall time and median CPU time (user + system, less sensitive to a busy machine). */
function time(input: PipelineInput, runs: number): { ms: number; cpuMs: number; result: PipelineResult } {
  const times: number[] = [];
  const cpu: number[] = [];
  let result!: PipelineResult;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    result = runPipeline(input);
    const used = process.cpuUsage(startCpu);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(times), cpuMs: median(cpu), result };
}

if (import.meta.filename === resolve(process.argv[1] ?? '')) {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,5000,10000,20000' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '20240611' },
      dump: { type: 'string' },
    },
  });
  const runs = Math.max(1, Number(values.runs));
  const seed = Number(values.seed);
  const rows: { size: number; questions: number; first: number; locked: number }[] = [];
  for (const size of values.sizes.split(',').map(Number)) {
    const input = syntheticInput(size, seed);
    const first = time(input, runs);
    const lockText = serializeLock(first.result.lock);
    const locked = time({ ...input, lock: { file: 'content/ids.lock.json', text: lockText } }, runs);
    const questions = first.result.handbook.questions.length;
    if (values.dump) {
      writeFileSync(
        join(values.dump, `n${size}-first.json`),
        JSON.stringify({ handbook: first.result.handbook, lock: first.result.lock }),
      );
      writeFileSync(
        join(values.dump, `n${size}-locked.json`),
        JSON.stringify({ handbook: locked.result.handbook, lock: locked.result.lock }),
      );
    }
    rows.push({ size, questions, first: first.ms, locked: locked.ms });
    const qps = (ms: number) => Math.round(questions / (ms / 1000)).toLocaleString('en-US');
    console.log(
      `${String(size).padStart(6)} (${questions} q): first run ${first.ms.toFixed(0)} ms = ${qps(first.ms)} q/s (CPU ${first.cpuMs.toFixed(0)} ms); ` +
        `with lock ${locked.ms.toFixed(0)} ms = ${qps(locked.ms)} q/s (CPU ${locked.cpuMs.toFixed(0)} ms)`,
    );
  }
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1], rows[i]];
    const k = b.questions / a.questions;
    console.log(
      `${a.size} -> ${b.size}: time ×${(b.first / a.first).toFixed(2)} (first), ×${(b.locked / a.locked).toFixed(2)} (lock) for ×${k.toFixed(2)} questions`,
    );
  }
}
