/**
 * Command line for translators.
 *
 *   tsx scripts/translations.ts status                 list missing, stale and orphaned translations
 *   tsx scripts/translations.ts todo [--source FILE]   JSON of what needs translating: per question its
 *                                                      id, hash, the source fields and the fields each
 *                                                      edition needs; then per interview outline its
 *                                                      level guide: hash, texts and the editions needing it
 */
import { resolve } from 'node:path';
import { runPipeline } from '../src/ingest/pipeline.ts';
import { fieldsNeeding, sourceFields, sourceHash } from '../src/ingest/translations.ts';
import { guideHash, guideNeeds } from '../src/ingest/levels.ts';
import { LANGS } from '../src/ingest/model.ts';
import { loadInputs } from './inputs.ts';
import { parseCli, usageError } from './cli.ts';
import { SourceError } from '../src/ingest/errors.ts';

const USAGE = `Usage: npx tsx scripts/translations.ts [status | todo [--source FILE]]

Commands:
  status            list missing, stale and orphaned translations with file and line
                    (the default; exit code 1 when there are any)
  todo              JSON of what needs translating: per question its id, the current hash,
                    the source fields and the fields each edition needs; last, { guides }:
                    per interview outline the current hash, the texts of its level guide and
                    the editions that need them translated (a guides: entry)

Options:
  --source FILE     with todo: only the questions of this source file (name in content/sources/)
  -h, --help        show this help`;

const root = resolve(import.meta.dirname, '..');
const { values, positionals } = parseCli({
  usage: USAGE,
  allowPositionals: true,
  options: { source: { type: 'string' } },
});
const command = positionals[0] ?? 'status';
if (command !== 'status' && command !== 'todo') {
  usageError(USAGE, `unknown command "${command}" (expected status or todo)`);
}
if (positionals.length > 1) usageError(USAGE, `unexpected argument "${positionals[1]}"`);
if (values.source !== undefined && command !== 'todo') usageError(USAGE, '--source goes with todo');

let pipeline;
try {
  pipeline = runPipeline(loadInputs(root));
} catch (error) {
  if (!(error instanceof SourceError)) throw error;
  console.error(`error: ${error.message}`);
  process.exit(1);
}
const { handbook, translationProblems } = pipeline;

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
  const guides = (handbook.guides ?? [])
    .filter((g) => !values.source || g.file === values.source)
    .map((g) => ({ source: g.file, hash: guideHash(g.texts), needs: guideNeeds(g.texts), texts: g.texts }));
  console.log(JSON.stringify(guides.length > 0 ? [...todo, { guides }] : todo, null, 2));
}
