/**
 * Command line for translators.
 *
 *   tsx scripts/translations.ts status                 list missing, stale and orphaned translations
 *   tsx scripts/translations.ts todo [--source FILE]   JSON of what needs translating: per question its
 *                                                      id, hash, the source fields and the fields each
 *                                                      edition needs; then the outline level guide texts
 *                                                      (labels keyed by the source text) an edition lacks
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runPipeline } from '../src/ingest/pipeline.ts';
import { fieldsNeeding, isWrittenIn, sourceFields, sourceHash } from '../src/ingest/translations.ts';
import { guideTexts } from '../src/ingest/levels.ts';
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
  const labels = handbook.labels ?? {};
  const guides = (handbook.guides ?? [])
    .filter((g) => !values.source || g.file === values.source)
    .map((g) => ({
      source: g.file,
      labels: guideTexts(g).filter((text) => LANGS.some((lang) => !isWrittenIn(text, lang) && !labels[text]?.[lang])),
    }))
    .filter((g) => g.labels.length > 0);
  console.log(JSON.stringify(guides.length > 0 ? [...todo, { guides }] : todo, null, 2));
} else {
  console.error(`unknown command "${command}" (expected status or todo)`);
  process.exitCode = 2;
}
