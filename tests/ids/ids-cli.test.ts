/**
 * `npm run ids`: status (missing and new ids), retire <id>… and retire --missing, on a copy of
 * content/; the ingest error for a missing id names the command.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/seed-handbook.ts';

const work = mkdtempSync(join(tmpdir(), 'handbook-ids-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const BANK = 'cv-ml-engineer-question-bank.txt';
const LAST = 'eshche-diffuzionnye-modeli-krome-sd';

/** A content/ copy whose question bank lost its last two questions (108 and 109). */
function contentCopy(name: string): string {
  const dir = join(work, name);
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  // The handbook's answers name seed ids; these tests remove a seed question on purpose.
  rmSync(join(dir, 'answers'), { recursive: true, force: true });
  const bank = join(dir, 'sources', BANK);
  const lines = readFileSync(bank, 'utf8').split('\n');
  writeFileSync(bank, lines.filter((l) => !/^10[89]\. /.test(l)).join('\n'));
  return dir;
}

function run(script: string, args: string[]) {
  const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const ids = (args: string[]) => run('ids.ts', args);
const lockOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'ids.lock.json'), 'utf8')) as {
    questions: { id: string; retired?: boolean }[];
  };

describe('npm run ids', () => {
  it('status: nothing missing or new on the seeds', () => {
    const { code, stdout } = ids(['status']);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^0 missing, 0 new, \d+ retired$/);
  });

  it('ingest stops on a missing id and names the command; status lists it', () => {
    const dir = contentCopy('status');
    const failed = run('ingest.ts', ['--check', '--content', dir]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/published question id\(s\) no longer match any question: .*"eshche-diffuzionnye/);
    expect(failed.stderr).toContain(`\`npm run ids -- retire `);
    expect(failed.stderr).toContain('`npm run ids -- retire --missing`');
    expect(failed.stderr).not.toMatch(/\n\s+at /);

    writeFileSync(join(dir, 'sources', 'mine.md'), '## What is a brand new question?\n\nIts answer.\n');
    const { code, stdout } = ids(['status', '--content', dir]);
    expect(code).toBe(1);
    expect(stdout).toContain(`missing: "${LAST}" (${BANK} #109: Какие еще диффузионные модели есть кроме SD?)`);
    expect(stdout).toMatch(/^new: "brand-new-question" \(mine\.md:1: What is a brand new question\?\)$/m);
    expect(stdout).toMatch(/^2 missing, 1 new, 0 retired$/m);
  });

  it('retire <id>: marks it retired, keeps every other entry byte for byte', () => {
    const dir = contentCopy('retire');
    const before = readFileSync(join(dir, 'ids.lock.json'), 'utf8');
    const { code, stdout } = ids(['retire', LAST, '--content', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain(`retired "${LAST}"`);
    const after = readFileSync(join(dir, 'ids.lock.json'), 'utf8');
    expect(lockOf(dir).questions.find((e) => e.id === LAST)?.retired).toBe(true);
    expect(before.replace(/("number": 109)\n/, '$1,\n      "retired": true\n')).toBe(after);
    // One missing id left: still an error, naming it only.
    const status = ids(['status', '--content', dir]);
    expect(status.stdout).toMatch(/^1 missing, 0 new, 1 retired$/m);
    expect(ids(['retire', LAST, '--content', dir]).stdout).toContain('already retired');
  });

  it('retire --missing: retires every missing id, then ingest passes', () => {
    const dir = contentCopy('missing');
    const { code, stdout } = ids(['retire', '--missing', '--content', dir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^retired "eshche-diffuzionnye-modeli-krome-sd", "[a-z0-9-]+" in /);
    expect(lockOf(dir).questions.filter((e) => e.retired)).toHaveLength(2);
    expect(ids(['status', '--content', dir]).code).toBe(0);
    expect(run('ingest.ts', ['--check', '--content', dir]).code).toBe(0);
    expect(ids(['retire', '--missing', '--content', dir]).stdout).toContain('nothing to retire');
  });

  it('refuses ids that are unknown, aliases or still in use', () => {
    const dir = contentCopy('refuse');
    const unknown = ids(['retire', 'no-such-id', '--content', dir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: "no-such-id" is not a published id in .*ids\.lock\.json\n$/);
    const used = ids(['retire', 'dropout', '--content', dir]);
    expect(used.code).toBe(1);
    expect(used.stderr).toMatch(
      /^error: "dropout" still belongs to a question \(cv-ml-engineer-question-bank\.txt:5: /,
    );
    expect(lockOf(dir).questions.some((e) => e.retired)).toBe(false);
  });

  it('--help, and usage errors as one line plus the usage', () => {
    const help = ids(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run ids -- <command>/);
    for (const args of [['--bogus'], [], ['frobnicate'], ['retire'], ['retire', 'x', '--missing'], ['status', 'x']]) {
      const { code, stderr } = ids(args);
      expect(code, args.join(' ')).toBe(2);
      const [first, second] = stderr.split('\n');
      expect(first, args.join(' ')).toMatch(/^error: \S/);
      expect(second).toMatch(/^Usage: npm run ids/);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
});
