/**
 * Command line: measures the handbook's judgments on labelled data (tests/eval/) and writes
 * EVAL.md. Development and held-out figures are reported side by side (tools/eval/split.ts).
 *
 *   tsx scripts/eval.ts [--no-search] [--no-write] [--verbose] [--dist DIR]
 *
 * - topics: question files the vocabulary was not written from (tests/eval/topics/dev, test);
 * - links: "Answered in" and related questions on the seed sources, without answer overlays;
 * - search: labelled queries through the built site's Pagefind indexes (builds the site first
 *   when dist/ is missing or older than its inputs).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadInputs } from './inputs.ts';
import { scoreTopics, type TopicScore } from '../tools/eval/topics.ts';
import { scoreLinks } from '../tools/eval/links.ts';
import { loadQueries, querySplit, runBenchmark, type EditionTotals } from '../tools/eval/search.ts';
import { staleReason } from '../tools/pdf/cli.ts';

const USAGE = 'usage: npm run eval -- [--no-search] [--no-write] [--verbose] [--dist DIR]';
const root = resolve(import.meta.dirname, '..');

function options() {
  try {
    return parseArgs({
      options: {
        'no-search': { type: 'boolean', default: false },
        'no-write': { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        dist: { type: 'string', default: join(root, 'dist') },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const f2 = (x: number) => x.toFixed(2);

async function main(): Promise<number> {
  const values = options();
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const input = loadInputs(root);
  const lines: string[] = [];
  const say = (line = '') => {
    lines.push(line);
    console.log(line);
  };
  say('## Topics of questions from unseen files');
  say();
  say('| split | questions | correct | accuracy |');
  say('| --- | --- | --- | --- |');
  const topics: Record<string, TopicScore> = {};
  for (const [name, dir] of [
    ['dev', 'dev'],
    ['held-out', 'test'],
  ]) {
    topics[name] = scoreTopics(join(root, 'tests/eval/topics', dir), input);
    const t = topics[name];
    say(`| ${name} | ${t.questions} | ${t.correct} | ${pct(t.accuracy)} |`);
  }
  if (values.verbose)
    for (const m of topics.dev.misses) console.log(`  dev miss: ${m.title} -> ${m.got} (label ${m.expected})`);

  say();
  say('## "Answered in" and related questions (seed sources, no answer overlays)');
  say();
  const links = scoreLinks(input, join(root, 'tests/eval/links.yaml'));
  say('| split | labelled | "Answered in" links | precision | recall | related links | precision | recall |');
  say('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [split, s] of Object.entries(links)) {
    say(
      `| ${split} | ${s.questions} | ${s.answeredIn.links} | ${f2(s.answeredIn.precision)} (${s.answeredIn.correct}/${s.answeredIn.links}) | ` +
        `${f2(s.answeredIn.recall)} (${s.answeredIn.found}/${s.answeredIn.labelled}) | ${s.related.links} | ` +
        `${f2(s.related.precision)} | ${f2(s.related.recall)} |`,
    );
  }
  if (values.verbose) for (const w of links.dev.wrong) console.log(`  dev wrong: ${w}`);

  if (!values['no-search']) {
    const stale = staleReason(root, values.dist, ['ru', 'en']);
    if (stale) {
      console.error(`eval: building the site (${stale})`);
      const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
      if (built.status !== 0) return built.status ?? 1;
    }
    const ids = new Set(
      (JSON.parse(readFileSync(join(values.dist, 'questions.json'), 'utf8')) as { id: string }[]).map((q) => q.id),
    );
    const queries = loadQueries();
    say();
    say('## Search (recall@5, MRR)');
    say();
    say('| edition | split | queries | recall@5 | MRR |');
    say('| --- | --- | --- | --- | --- |');
    for (const split of ['dev', 'held-out'] as const) {
      const mine = queries.filter((q) => querySplit(q) === split);
      const { scores, totals } = await runBenchmark(values.dist, mine, ids);
      for (const t of totals as EditionTotals[])
        say(`| ${t.edition} | ${split} | ${t.queries} | ${t.recall.toFixed(3)} | ${t.mrr.toFixed(3)} |`);
      if (values.verbose && split === 'dev') {
        for (const s of scores.filter((x) => x.recall < 1))
          console.log(
            `  miss ${s.edition} "${s.q}": top ${s.top.slice(0, 3).join(', ')}; want ${s.relevant.join(', ')}`,
          );
      }
    }
  }
  if (!values['no-write']) {
    const file = join(root, 'EVAL.md');
    const old = readFileSync(file, 'utf8');
    const marker = '<!-- eval:start -->';
    const end = '<!-- eval:end -->';
    const body = `${marker}\n${lines.join('\n')}\n${end}`;
    writeFileSync(
      file,
      old.includes(marker)
        ? old.replace(new RegExp(`${marker}[\\s\\S]*${end}`), body)
        : `${old.trimEnd()}\n\n${body}\n`,
    );
    console.error(`eval: wrote ${file}`);
  }
  return 0;
}

process.exitCode = await main();
