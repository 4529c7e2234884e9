/**
 * Command line: score content/search-queries.yaml against a built site (default: dist/).
 *
 *   npx tsx tests/search/run.ts [DIST]
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { formatTable, loadQueries, runBenchmark } from './search-quality.ts';

const dist = process.argv[2] ?? join(import.meta.dirname, '../../dist');
const index: { id: string }[] = JSON.parse(readFileSync(join(dist, 'questions.json'), 'utf8'));
const { scores, totals } = await runBenchmark(dist, loadQueries(), new Set(index.map((q) => q.id)));
console.log(formatTable(scores, totals));
