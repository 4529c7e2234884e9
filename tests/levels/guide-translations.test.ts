/**
 * The outline's level texts are curated, hash-tracked translations like every question's
 * (`guides:` in content/translations/, src/ingest/levels.ts): an edit of the Russian outline makes
 * the English level text stale, reported like a stale question translation (by the pipeline and
 * `scripts/translations.ts status`), and the English plan page shows the original, marked
 * untranslated, until the translation and its hash are refreshed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline, type PipelineInput } from '../../src/ingest/pipeline.ts';
import { guideHash } from '../../src/ingest/levels.ts';
import { plansData } from '../../src/ingest/emit/plans-page.ts';
import { pipelineInput } from '../helpers/seed-handbook.ts';
import { projectCopy, ROOT } from '../helpers/project-copy.ts';

const OUTLINE = 'deep-learning-interview-outline-backend.txt';
const TRANSLATIONS = 'content/translations/interview-outline.yaml';
const CRITERION = 'Объясняет основные концепции простыми словами';
const EDITED = 'Объясняет основные концепции своими словами';

/** The project's pipeline input with its outline source and outline translations edited. */
function edited(
  edit: { source?: (text: string) => string; translations?: (text: string) => string } = {},
): PipelineInput {
  const input = pipelineInput();
  return {
    ...input,
    sources: input.sources.map((s) =>
      s.file === OUTLINE && edit.source
        ? { ...s, bytes: Buffer.from(edit.source(Buffer.from(s.bytes).toString('utf8'))) }
        : s,
    ),
    translations: (input.translations ?? []).map((t) =>
      t.file === TRANSLATIONS && edit.translations ? { ...t, text: edit.translations(t.text) } : t,
    ),
  };
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const translationsText = readFileSync(join(ROOT, TRANSLATIONS), 'utf8');
/** Where the outline's entry starts (its first value, as for a question's entry). */
const entryLine = lineOf(translationsText, '    hash: "2ae1f785d4306c5d"');

/** One pipeline run: every translation problem, those of the outline's guide, the junior plan's level texts per edition. */
function ingest(input: PipelineInput) {
  const { handbook, translationProblems } = runPipeline(input);
  return {
    handbook,
    all: translationProblems,
    problems: translationProblems.filter((p) => p.id === OUTLINE),
    junior: plansData(handbook, ['ru', 'en']).find((p) => p.id === 'junior')!.level!.guide,
  };
}

describe('curated translations of the outline level texts', () => {
  it('are current for the seeds: no problem, the English plan shows them', () => {
    const { problems, junior } = ingest(edited());
    expect(problems).toEqual([]);
    const en = junior.en!;
    expect(en.untranslated).toBeUndefined();
    expect(en.criteria[0]).toBe('Explains the core concepts in simple words');
    expect(en.experience).toBe('1-2 years');
    expect(en.redFlags).toContain('Confuses the core concepts (loss vs metric)');
    expect(en.notes[0].heading).toBe('Structure');
  });

  it('go stale when the Russian outline changes, reported like a stale question translation', () => {
    const { all, junior } = ingest(
      edited({
        source: (text) =>
          text
            .replace(`- ${CRITERION}`, `- ${EDITED}`)
            .replace(
              '### Вопрос 1: Что такое нейрон и как он работает?',
              '### Вопрос 1: Что такое нейрон и как он устроен?',
            ),
      }),
    );
    const stale = all.filter((p) => p.kind === 'stale');
    const guide = stale.find((p) => p.id === OUTLINE)!;
    const question = stale.find((p) => p.id === 'neyron-rabotaet')!;
    expect(guide).toMatchObject({ kind: 'stale', file: TRANSLATIONS, line: entryLine });
    expect(guide.message).toMatch(
      /^translation of the outline guide "deep-learning-interview-outline-backend\.txt" is stale: source text changed \(hash 2ae1f785d4306c5d, now [0-9a-f]{16}\)$/,
    );
    expect(question.message).toMatch(
      /^translation of "neyron-rabotaet" is stale: source text changed \(hash \w+, now \w+\)$/,
    );
    expect(question.file).toBe(guide.file);
    // The English edition shows the original level texts, marked, never a translation of other text.
    const { en, ru } = junior;
    expect(en!.untranslated).toBe(true);
    expect(en!.criteria[0]).toBe(EDITED);
    expect(en!.expectations).toEqual(['Понимание основ, умение работать с готовыми моделями']);
    expect(ru!.untranslated).toBeUndefined();
  });

  it('are current again once translated with the hash todo prints', () => {
    const source = (text: string) => text.replace(`- ${CRITERION}`, `- ${EDITED}`);
    const hash = guideHash(ingest(edited({ source })).handbook.guides!.find((g) => g.file === OUTLINE)!.texts);
    const { problems, junior } = ingest(
      edited({
        source,
        translations: (text) =>
          text
            .replace('hash: "2ae1f785d4306c5d"', `hash: "${hash}"`)
            .replace('- Explains the core concepts in simple words', '- Explains the core concepts in their own words'),
      }),
    );
    expect(problems).toEqual([]);
    expect(junior.en!.criteria[0]).toBe('Explains the core concepts in their own words');
  });

  it('are missing for an outline without a guides: entry, reported at the outline', () => {
    const { problems, junior } = ingest(
      edited({ translations: (text) => text.slice(0, text.indexOf("\n# The outline's level guide")) + '\n' }),
    );
    expect(problems).toEqual([expect.objectContaining({ kind: 'missing', file: OUTLINE, line: 3, lang: 'en' })]);
    expect(junior.en!.untranslated).toBe(true);
  });

  it('report a translation of another shape or of an unknown outline, with file and line', () => {
    const item = '            - Explains the core concepts in simple words';
    const shape = ingest(edited({ translations: (text) => text.replace(`${item}\n`, '') }));
    expect(shape.problems).toEqual([
      {
        kind: 'extra-field',
        file: TRANSLATIONS,
        line: lineOf(translationsText, item),
        id: OUTLINE,
        lang: 'en',
        message: `the en translation of the outline guide "${OUTLINE}" does not match the outline: junior criteria: the outline has 3, the translation 2`,
      },
    ]);
    expect(shape.junior.en!.untranslated).toBe(true);
    const unknown = ingest(
      edited({ translations: (text) => text.replace(`\n  ${OUTLINE}:`, '\n  renamed-outline.txt:') }),
    );
    expect(unknown.problems.map((p) => p.kind)).toEqual(['missing']);
    expect(unknown.all.find((p) => p.id === 'renamed-outline.txt')).toMatchObject({
      kind: 'unknown-id',
      file: TRANSLATIONS,
      line: entryLine,
    });
  });
});

describe('scripts/translations.ts on an edited outline', () => {
  const dir = projectCopy(`guide-translations-${process.pid}`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(dir, 'scripts/translations.ts'), ...args], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });

  it('status reports the stale level texts (exit 1); todo prints the guide with its new hash', () => {
    const outline = join(dir, 'content/sources', OUTLINE);
    writeFileSync(outline, readFileSync(outline, 'utf8').replace(`- ${CRITERION}`, `- ${EDITED}`));
    const status = run('status');
    expect(status.status).toBe(1);
    expect(status.stdout).toMatch(
      new RegExp(
        `^stale: ${TRANSLATIONS.replaceAll('.', '\\.')}:${entryLine}: translation of the outline guide "${OUTLINE.replaceAll('.', '\\.')}" is stale`,
        'm',
      ),
    );
    expect(status.stdout).toMatch(/^1 translation problem\(s\)$/m);
    const todo = JSON.parse(run('todo', '--source', OUTLINE).stdout) as unknown[];
    const { guides } = todo.at(-1) as {
      guides: {
        source: string;
        hash: string;
        needs: string[];
        texts: { levels: { junior: { criteria: string[] } } };
      }[];
    };
    expect(guides).toHaveLength(1);
    expect(guides[0]).toMatchObject({ source: OUTLINE, needs: ['en'] });
    expect(guides[0].hash).not.toBe('2ae1f785d4306c5d');
    expect(guides[0].texts.levels.junior.criteria[0]).toBe(EDITED);
  }, 120_000);
});
