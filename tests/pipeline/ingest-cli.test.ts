/**
 * The ingest command end to end: report, error messages with file and line, non-zero exits,
 * atomic output (a failed run leaves the previous site intact) and deterministic pages.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/seed-handbook.ts';

const work = mkdtempSync(join(tmpdir(), 'handbook-ingest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A content/ folder copy whose sources can be changed freely. */
function contentCopy(name: string): string {
  const dir = join(work, name);
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  return dir;
}

function ingest(args: string[]) {
  const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/ingest.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** path -> contents of every file under dir. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

describe('npm run ingest', () => {
  it('reports every shipped source with zero unplaced lines', () => {
    const { code, stdout } = ingest(['--check', '--frozen']);
    expect(code).toBe(0);
    for (const file of readdirSync(join(ROOT, 'content/sources'))) expect(stdout).toContain(file);
    const rows = stdout.split('\n').filter((l) => l.endsWith('.txt') || /\.txt\s/.test(l));
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row.trim().split(/\s+/).at(-1)).toBe('0');
    expect(stdout).toMatch(/5 sources, 188 questions/);
  });

  it.each([
    ['empty.txt', Buffer.from('  \n\n'), /empty\.txt:1: .*empty/],
    ['binary.bin', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]), /binary\.bin:1: /],
    ['latin1.txt', Buffer.from('# Заголовок\n1. ok\n2. caf\xe9\n', 'latin1'), /latin1\.txt:\d+: /],
    ['unknown.txt', Buffer.from('Just some notes\nwithout any structure.\n'), /unknown\.txt:1: unknown format/],
    [
      'dup-bank.txt',
      Buffer.from('# Bank\n\n1. Что такое Dropout?\n2. Что такое BatchNorm?\n2. Что такое LayerNorm?\n'),
      /dup-bank\.txt:5: .*duplicate question number 2/,
    ],
  ])('stops on %s with file and line and a non-zero exit', (name, bytes, message) => {
    const content = contentCopy(`bad-${name}`);
    writeFileSync(join(content, 'sources', name), bytes);
    const { code, stderr } = ingest(['--check', '--content', content]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: /);
    expect(stderr).toMatch(message);
  });

  it('leaves the previous output intact when a run fails, and writes byte-identical pages twice', () => {
    const content = contentCopy('atomic');
    const out = join(work, 'atomic-out');
    expect(ingest(['--content', content, '--out', out]).code).toBe(0);
    const first = snapshot(out);
    expect(first.size).toBeGreaterThan(10);
    // A topic split by size is fundamentals/index.mdx, fundamentals/2.mdx, …
    expect([...first.keys()].some((p) => p === 'fundamentals.mdx' || p === 'fundamentals/index.mdx')).toBe(true);

    expect(ingest(['--content', content, '--out', out]).code).toBe(0);
    expect(snapshot(out)).toEqual(first);

    writeFileSync(join(content, 'sources', 'broken.txt'), '# Bank\n\n1. One\n1. One again\n');
    const failed = ingest(['--content', content, '--out', out]);
    expect(failed.code).toBe(1);
    expect(snapshot(out)).toEqual(first);
    expect(readdirSync(work).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('fails under --frozen when a new question would change the id lock', () => {
    const content = contentCopy('frozen');
    mkdirSync(join(content, 'sources'), { recursive: true });
    writeFileSync(join(content, 'sources', 'extra.txt'), '# Extra\n\n1. Что такое GELU?\n2. Что такое SiLU?\n');
    const { code, stderr } = ingest(['--check', '--frozen', '--content', content]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/ids\.lock\.json is out of date/);
  });

  it('reports an unknown outline label as a warning with file and line, failing only under --strict', () => {
    const content = contentCopy('unknown-label');
    const outline = join(content, 'sources', 'deep-learning-interview-outline-backend.txt');
    const text = readFileSync(outline, 'utf8').replace(
      '**Красные флаги:**',
      '**Бонусы:**\n- Знает JAX\n\n**Красные флаги:**',
    );
    writeFileSync(outline, text);
    const line = text.split('\n').indexOf('**Бонусы:**') + 1;
    const lenient = ingest(['--check', '--content', content]);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain(
      `warning: deep-learning-interview-outline-backend.txt:${line}: unknown label "Бонусы": its lines are unplaced`,
    );
    expect(lenient.stdout).toMatch(new RegExp(`2 line\\(s\\) could not be placed: ${line}, ${line + 1}`));
    const strict = ingest(['--check', '--strict', '--content', content]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/error: 2 unplaced source line\(s\)/);
  });
});
