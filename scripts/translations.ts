/**
 * Command line for translators.
 *
 *   tsx scripts/translations.ts status                 list missing, stale and orphaned translations
 *   tsx scripts/translations.ts todo [--source FILE]   JSON of what needs translating: per question its
 *                                                      id, hash, the source fields and the fields each
 *                                                      edition needs
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runPipeline } from '../src/ingest/pipeline.ts';
import { fieldsNeeding, sourceFields, sourceHash } from '../src/ingest/translations.ts';
import { LANGS } from '../src/ingest/model.ts';
import { loadInputs } from './inputs.ts';

const root = resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { source: { type: 'string' } },
});

const { handbook, translationProblems } = runPipeline(loadInputs(root));
const command = positionals[0] ?? 'status';

if (command === 'status') {
  for (const p of translationProblems) console.log(`${p.kind}: ${p.file}:${p.line}: ${p.message}`);
  console.log(`${translationProblems.length} translation problem(s)`);
  process.exitCode = translationProblems.length > 0 ? 1 : 0;
} else if (command === 'todo') {
  const todo = handbook.questions
    .filter((q) => !values.source || q.source.file === values.source)
    .map((q) => ({
      id: q.id,
      hash: sourceHash(q),
      source: q.source.file,
      subtopic: q.subtopic,
      needs: Object.fromEntries(LANGS.map((lang) => [lang, fieldsNeeding(q, lang)])),
      fields: sourceFields(q),
    }));
  console.log(JSON.stringify(todo, null, 2));
} else {
  console.error(`unknown command "${command}" (expected status or todo)`);
  process.exitCode = 2;
}
