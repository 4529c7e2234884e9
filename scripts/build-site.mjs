// `npm run build:site`: `astro build` with a V8 heap limit sized for the generated content
// (scripts/heap-limit.mjs). The question count comes from the emitter's questions index.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { heapLimitMb, withHeapLimit } from './heap-limit.mjs';

const USAGE = `Usage: npm run build:site [-- <astro build options>]

\`astro build\` with a V8 heap limit sized for the generated content (scripts/heap-limit.mjs):
768 MB up to 10,000 questions, more above.

Options (passed to astro build):
  --config PATH, --root PATH, --site URL, --base PATH, --outDir DIR, --mode MODE
  --verbose, --silent, --force, --devOutput
  -h, --help    show this help`;
const WITH_VALUE = new Set(['--config', '--root', '--site', '--base', '--outDir', '--mode']);
const FLAGS = new Set(['--verbose', '--silent', '--force', '--devOutput']);
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
for (let i = 0; i < args.length; i++) {
  const [name, inline] = args[i].split(/=(.*)/s);
  let problem;
  if (WITH_VALUE.has(name)) {
    if (inline === undefined && (args[i + 1] === undefined || args[i + 1].startsWith('--'))) {
      problem = `option '${name}' needs a value`;
    } else if (inline === undefined) i++;
  } else if (!FLAGS.has(name) || inline !== undefined) {
    problem = name.startsWith('-') ? `unknown option '${args[i]}'` : `unexpected argument "${args[i]}"`;
  }
  if (problem) {
    console.error(`error: ${problem}\n${USAGE}`);
    process.exit(2);
  }
}

const index = new URL('../src/content/docs/_data/questions.json', import.meta.url);
const questions = existsSync(index) ? JSON.parse(readFileSync(index, 'utf8')).length : 0;
const limit = heapLimitMb(questions);
const env = { ...process.env, NODE_OPTIONS: withHeapLimit(process.env.NODE_OPTIONS, limit) };
console.log(`build-site: ${questions} questions, V8 heap limit ${limit} MB`);
const result = spawnSync('astro', ['build', ...args], { stdio: 'inherit', env, shell: false });
if (result.error) {
  console.error(`build-site: could not run astro: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
