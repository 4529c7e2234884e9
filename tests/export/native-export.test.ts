/**
 * `npm run export`: the handbook in the native Markdown format, one file per topic, and the
 * round trip on the seeds: re-ingesting the export gives the same questions, ids and answers.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportNative } from '../../src/ingest/export-native.ts';
import { parseSource } from '../../src/ingest/formats/index.ts';
import { runPipeline } from '../../src/ingest/pipeline.ts';
import type { Question } from '../../src/ingest/model.ts';
import { pipelineInput, ROOT } from '../helpers/seed-handbook.ts';

const work = mkdtempSync(join(tmpdir(), 'handbook-export-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const input = pipelineInput();
const seeds = runPipeline(input);
const files = exportNative(seeds.handbook);

/** What a question is, apart from where it came from. */
const essence = (q: Question) => ({
  id: q.id,
  aliases: q.aliases,
  topic: q.topic,
  lang: q.lang,
  title: q.title,
  prompt: q.prompt,
  kind: q.kind,
  answer: q.answer,
  followUps: q.followUps,
  minutes: q.minutes,
  levels: q.levels,
});

describe('export to native Markdown', () => {
  it('writes one file per topic with questions, in the native format', () => {
    const topics = seeds.handbook.topics.filter((t) => seeds.handbook.questions.some((q) => q.topic === t.id));
    expect([...files.keys()]).toEqual(topics.map((t) => `${t.id}.md`));
    let count = 0;
    for (const [file, text] of files) {
      const { format, result } = parseSource(text, file);
      expect(format.id).toBe('native-markdown');
      expect(result.fates.filter((f) => f === 'unplaced' || f === 'debris')).toEqual([]);
      count += result.items.length;
    }
    expect(count).toBe(seeds.handbook.questions.length);
  });

  it('round trip: re-ingesting the export gives the same questions, ids and answers', () => {
    // Plans select by source file and format, which the export replaces: left out here.
    const again = runPipeline({
      ...input,
      plans: [],
      sources: [...files].map(([file, text]) => ({ file, bytes: Buffer.from(text) })),
    });
    const before = seeds.handbook.questions.map(essence).sort((a, b) => a.id.localeCompare(b.id));
    const after = again.handbook.questions.map(essence).sort((a, b) => a.id.localeCompare(b.id));
    expect(after).toHaveLength(188);
    expect(after).toEqual(before);
    expect(again.handbook.questions.filter((q) => q.answer).length).toBe(
      seeds.handbook.questions.filter((q) => q.answer).length,
    );
    // The lock still holds exactly the published ids: no new id, none dropped.
    expect(again.lock.questions.map((e) => e.id)).toEqual(seeds.lock.questions.map((e) => e.id));
    expect(again.droppedIds).toEqual([]);
  });

  it('exporting the export again gives the same files', () => {
    const again = runPipeline({
      ...input,
      plans: [],
      sources: [...files].map(([file, text]) => ({ file, bytes: Buffer.from(text) })),
    });
    expect(exportNative(again.handbook)).toEqual(files);
  });

  it('--lang en writes the English edition: translated titles and part names', () => {
    const en = exportNative(seeds.handbook, { lang: 'en' });
    const dropout = seeds.handbook.questions.find((q) => q.id === 'dropout')!;
    const text = en.get(`${dropout.topic}.md`)!;
    expect(text).toContain(`## ${dropout.translations!.en!.title}`);
    expect(text).not.toContain('### Короткий ответ');
    for (const [file, body] of en) expect(parseSource(body, file).result.items.length).toBeGreaterThan(0);
  });
});

describe('npm run export', () => {
  const run = (args: string[]) => {
    const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/export.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('writes the files into --out', () => {
    const out = join(work, 'out');
    const { code, stdout } = run(['--out', out]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^wrote 6 files \(188 questions\) to /);
    expect(readdirSync(out).sort()).toEqual([...files.keys()].sort());
    for (const [name, text] of files) expect(readFileSync(join(out, name), 'utf8')).toBe(text);
  });

  it.each([
    [[], /^error: --out DIR is required$/],
    [['--out', join(work, 'x'), '--lang', 'de'], /^error: --lang must be one of ru, en \(got "de"\)$/],
    [['--out'], /^error: Option '--out <value>' argument missing$/],
    [['--out', join(work, 'x'), '--frobnicate'], /^error: Unknown option '--frobnicate'$/],
    [['--out', join(ROOT, 'content/sources')], /^error: --out must not be the sources folder/],
    [['stray'], /^error: unexpected argument "stray"$/],
  ])('%j: one error line and the usage, exit 2', (args, message) => {
    const { code, stderr } = run(args);
    expect(code).toBe(2);
    const [first, second] = stderr.split('\n');
    expect(first).toMatch(message);
    expect(second).toBe('Usage: npm run export -- --out DIR [--lang ru|en]');
  });

  it('--help prints the usage', () => {
    const { code, stdout } = run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run export -- --out DIR \[--lang ru\|en\]\n/);
    expect(stdout).toContain('--lang ru|en');
  });
});
