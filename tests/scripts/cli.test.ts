/**
 * Every command-line script in scripts/ has --help (exit 0, the usage on stdout), and an unknown
 * option or a bad value prints one `error:` line and the usage on stderr (exit 2), never a
 * stack trace. (inputs.ts and cli.ts are modules, not commands.)
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/seed-handbook.ts';

const TSX = join(ROOT, 'node_modules/.bin/tsx');
const MODULES = new Set(['inputs.ts', 'cli.ts']);

function run(script: string, args: string[]) {
  const path = join(ROOT, 'scripts', script);
  const [command, argv] = script.endsWith('.sh')
    ? ['bash', [path, ...args]]
    : script.endsWith('.mjs')
      ? [process.execPath, [path, ...args]]
      : [TSX, [path, ...args]];
  const result = spawnSync(command, argv, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SCRIPTS = readdirSync(join(ROOT, 'scripts'))
  .filter((name) => /\.(ts|mjs|sh)$/.test(name) && !MODULES.has(name))
  .sort();

/** Bad values, per script (besides the unknown option every script gets). */
const BAD_VALUES: [string, string[], RegExp][] = [
  ['bench.ts', ['--runs', 'many'], /^error: --runs must be a positive whole number \(got "many"\)$/],
  ['bench.ts', ['--sizes', '100,0'], /^error: --sizes must be a positive whole number \(got "0"\)$/],
  ['pdf.ts', ['--mode', 'quiz'], /^error: --mode: "quiz" \(reference, self-test or sheet\)$/],
  ['pdf.ts', ['--lang', 'de'], /^error: --lang: unknown language "de" \(ru or en\)$/],
  ['pdf.ts', ['--q', 'dropout'], /^error: --q prints a custom plan's interviewer sheet: it goes with --mode sheet$/],
  [
    'pdf.ts',
    ['--mode', 'sheet'],
    /^error: --mode sheet prints an interviewer's sheet: it needs --plan <plan-id> or --q <id>,<id>…$/,
  ],
  ['export.ts', ['--out', '/tmp/x', '--lang', 'de'], /^error: --lang must be one of ru, en \(got "de"\)$/],
  ['ids.ts', ['retire'], /^error: retire needs ids or --missing$/],
  ['translations.ts', ['translate'], /^error: unknown command "translate" \(expected status or todo\)$/],
  ['ingest.ts', ['--out'], /^error: Option '--out <value>' argument missing$/],
  ['heap-limit.mjs', ['lots'], /^error: QUESTIONS must be a whole number \(got "lots"\)$/],
  ['build-site.mjs', ['--outDir'], /^error: option '--outDir' needs a value$/],
  ['check-node.mjs', ['extra'], /^error: unexpected argument "extra"$/],
];

const expectUsageError = (out: ReturnType<typeof run>, first: RegExp) => {
  expect(out.code).toBe(2);
  const lines = out.stderr.split('\n');
  expect(lines[0]).toMatch(first);
  expect(lines[1]).toMatch(/^usage: /i);
  expect(out.stderr).not.toMatch(/^\s+at /m);
  expect(out.stdout).toBe('');
};

describe('command-line scripts', () => {
  it('are all covered', () => {
    expect(SCRIPTS).toEqual([
      'bench.ts',
      'build-site.mjs',
      'check-node.mjs',
      'eval.ts',
      'export.ts',
      'heap-limit.mjs',
      'ids.ts',
      'ingest.ts',
      'lockfile-optional.mjs',
      'pdf.ts',
      'setup.sh',
      'translations.ts',
    ]);
  });

  it.each(SCRIPTS)('%s --help prints the usage and exits 0', (script) => {
    const { code, stdout, stderr } = run(script, ['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: /i);
    expect(stderr).toBe('');
  });

  it.each(SCRIPTS)('%s rejects an unknown option with one line and the usage', (script) => {
    expectUsageError(run(script, ['--no-such-option']), /^error: unknown option '--no-such-option'$/i);
  });

  it.each(BAD_VALUES)('%s %j: a bad value is one line and the usage', (script, args, first) => {
    expectUsageError(run(script, args), first);
  });
});
