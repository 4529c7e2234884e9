// `npm run build:site`: `astro build` with a V8 heap limit sized for the generated content
// (scripts/heap-limit.mjs). The question count comes from the emitter's questions index.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { heapLimitMb, withHeapLimit } from './heap-limit.mjs';

const index = new URL('../src/content/docs/_data/questions.json', import.meta.url);
const questions = existsSync(index) ? JSON.parse(readFileSync(index, 'utf8')).length : 0;
const limit = heapLimitMb(questions);
const env = { ...process.env, NODE_OPTIONS: withHeapLimit(process.env.NODE_OPTIONS, limit) };
console.log(`build-site: ${questions} questions, V8 heap limit ${limit} MB`);
const result = spawnSync('astro', ['build', ...process.argv.slice(2)], { stdio: 'inherit', env, shell: false });
if (result.error) {
  console.error(`build-site: could not run astro: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
