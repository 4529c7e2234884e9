/**
 * Malformed sources through the ingest command: each gives the documented `error: <file>:<line>:
 * <what>` (non-zero exit) or `warning: <file>:<line>: ...` (the run succeeds), and a failed run
 * never leaves a half-written site: the previous output stays byte for byte, no temp folders.
 *
 * tests/pipeline/ingest-cli.test.ts covers empty, binary (NUL on line 1), invalid UTF-8,
 * unknown-format and duplicated bank numbering files; these are the other damage kinds.
 * Fixtures: tests/fixtures/robustness/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/robustness');
const work = mkdtempSync(join(tmpdir(), 'handbook-robust-'));
const out = join(work, 'site');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A minimal content/ folder: real topics (no per-id overrides) and slug rules, one good bank. */
function content(name: string, extra: string[] = []): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'sources'), { recursive: true });
  const topics = parseDocument(readFileSync(join(ROOT, 'content/topics.yaml'), 'utf8'));
  topics.set('overrides', {});
  writeFileSync(join(dir, 'topics.yaml'), topics.toString());
  cpSync(join(ROOT, 'content/slugs.yaml'), join(dir, 'slugs.yaml'));
  cpSync(join(ROOT, 'tests/fixtures/question-bank/good.txt'), join(dir, 'sources', 'good-bank.txt'));
  for (const file of extra) cpSync(join(FIXTURES, file), join(dir, 'sources', file));
  return dir;
}

function ingest(contentDir: string) {
  const result = spawnSync(
    join(ROOT, 'node_modules/.bin/tsx'),
    [join(ROOT, 'scripts/ingest.ts'), '--content', contentDir, '--out', out],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` },
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** path -> contents of every file under dir. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

let previous: Map<string, string>;
beforeAll(() => {
  const first = ingest(content('good'));
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  previous = snapshot(out);
  expect(previous.size).toBeGreaterThan(3);
});

describe('a malformed source stops the run with file and line and keeps the previous site', () => {
  it.each([
    ['truncated-practice.txt', 'truncated-practice.txt:10: Interview-practice page: section "Короткий ответ" is empty'],
    [
      'truncated-notes.txt',
      'truncated-notes.txt:5: Q:/A: notes page: Q: without an A: "Second question without answer?" is not followed by an A: line',
    ],
    [
      'duplicate-outline.txt',
      'duplicate-outline.txt:9: Interview outline: duplicate question number 1 (first at line 5)',
    ],
    [
      'level-table-missing.txt',
      'level-table-missing.txt:19: Interview outline: level middle names questions 7, 9, 10, which do not exist',
    ],
    ['nul-on-line-4.bin', 'nul-on-line-4.bin:4: binary file: contains a NUL byte'],
  ])('%s', (file, message) => {
    const { code, stderr } = ingest(content(`bad-${file}`, [file]));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`error: ${message}`);
    expect(snapshot(out)).toEqual(previous);
    expect(readdirSync(work).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });
});

describe('recoverable damage is a warning with file and line; the run succeeds', () => {
  it('unbalanced math in a notes page: the delimiter stays literal text', () => {
    const { code, stdout } = ingest(content('unbalanced', ['unbalanced-math-notes.txt']));
    expect(code).toBe(0);
    expect(stdout).toContain(
      'warning: unbalanced-math-notes.txt:2: unbalanced math: "\\(" has no matching delimiter on its line; kept as literal text',
    );
    expect(stdout).toContain(
      'warning: unbalanced-math-notes.txt:4: unbalanced math: "\\(" has no matching delimiter on its line; kept as literal text',
    );
    // The balanced formula on the same line is still math; the stray delimiter is escaped text.
    const page = [...snapshot(out)].find(
      ([path, text]) => path.endsWith('.mdx') && !path.startsWith('en/') && text.includes('без конца'),
    );
    expect(page, 'the notes question is on a page').toBeDefined();
    expect(page![1]).toContain('$\\sigma(x) = 1/(1+e^{-x})$');
    expect(page![1]).toMatch(/\\\\\\?\( a \+ b без конца/);
  });

  it('skipped bank numbering', () => {
    const { code, stdout } = ingest(content('skipped', ['skipped-number-bank.txt']));
    expect(code).toBe(0);
    expect(stdout).toContain('warning: skipped-number-bank.txt:4: question numbers skip 2 (1 is followed by 3)');
  });
});
