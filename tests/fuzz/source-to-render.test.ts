/**
 * Fuzz: random and adversarial text goes into a valid source (question bank, Q:/A: notes page),
 * through the whole ingestion pipeline and the emitter, and the emitted page is compiled and run
 * the way the site compiles it (Sätteri with the site's features and question anchors; math left
 * as TeX so text can be compared), with a JSX runtime stub that records the element tree
 * (tests/helpers/mdx.ts).
 *
 * Properties: the compile never fails on content; nothing in the text executes (an expression
 * `{globalThis.__pwned=1}` in the text never runs, no <script> element appears); the rendered
 * text of the question heading equals the source title, and the rendered answer equals the
 * answer's model text (modulo the whitespace Markdown collapses).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/ingest/pipeline.ts';
import { emitSite } from '../../src/ingest/emit/index.ts';
import { toString } from 'mdast-util-to-string';
import type { Question } from '../../src/ingest/model.ts';
import { find, renderMdx, textOf } from '../helpers/mdx.ts';

const ROOT = join(import.meta.dirname, '../..');
const topics = parseDocument(readFileSync(join(ROOT, 'content/topics.yaml'), 'utf8'));
topics.set('overrides', {});
const DATA = {
  topics: { file: 'topics.yaml', text: topics.toString() },
  slugs: { file: 'slugs.yaml', text: readFileSync(join(ROOT, 'content/slugs.yaml'), 'utf8') },
};

/** Markdown collapses runs of whitespace and trims block edges. */
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Compiles and runs a generated page (math left as TeX text, for text comparison). */
async function render(page: string): Promise<unknown> {
  return renderMdx(page, { katex: false });
}

/** Ingests one source and renders the (Russian) page holding its first question. */
async function ingestAndRender(file: string, text: string): Promise<{ question: Question; tree: unknown }> {
  const { handbook } = runPipeline({ sources: [{ file, bytes: Buffer.from(text) }], ...DATA });
  const question = handbook.questions[0];
  const files = emitSite(handbook, { langs: ['ru', 'en'] });
  const page = [...files].find(
    ([path, mdx]) => path.endsWith('.mdx') && !path.startsWith('en/') && mdx.includes(`<Question id="${question.id}"`),
  );
  if (!page) throw new Error(`no page holds ${question.id}`);
  return { question, tree: await render(page[1]) };
}

/* ---------- text generators ---------- */

const ADVERSARIAL_PIECES = [
  '{',
  '}',
  '{globalThis.__pwned=1}',
  '{/* x */}',
  '<',
  '>',
  '<script>globalThis.__pwned=1</script>',
  '<Question id="x">',
  '</div>',
  '$',
  '$$',
  '$5 and $10',
  '\\',
  '\\\\',
  '\\(',
  '\\)',
  '\\[x\\]',
  '`',
  '```',
  '*',
  '_',
  '**',
  '~~',
  '[a](javascript:x)',
  '![i](x)',
  '#',
  '|',
  ':::',
  ':::caution',
  ':::note[x]',
  ':a',
  '::b',
  '-->',
  '<!--',
  '&amp;',
  '&#x69;',
  '&lt;',
  'import x from "y"',
  'export const a = 1',
  'import ',
  'export ',
  '¶',
  'ё',
  'Ж',
  '𝔼',
  '🙂',
  '\u00a0',
  '\u200b',
  '\t',
  '  ',
  '1.',
  '- ',
  '> ',
  '=',
  '---',
  '@',
  '%',
  '^',
];
/** Printable text without line breaks or NUL: unicode, and pieces of every syntax MDX knows. */
const fragment = fc.oneof(
  fc.constantFrom(...ADVERSARIAL_PIECES),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: fc.constantFrom(...'{}<>$\\`*_[]()#|:!&;-=~"\' '.split('')), maxLength: 4 }),
);
const lineText = fc.array(fragment, { minLength: 1, maxLength: 12 }).map((parts) =>
  parts
    .join('')
    // eslint-disable-next-line no-control-regex -- a line of source text holds no control characters but tabs
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f\u2028\u2029\r\n]/g, ' ')
    .replace(/\uFFFD/g, '?'),
);

/** Source text whose line reads as the given `kind` of line in no other way. */
const titleText = lineText.map((s) => `Вопрос ${s}`.trimEnd() + ' ?');

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

describe('fuzz: source text -> ingestion -> MDX compile -> rendered text', () => {
  it('question bank titles render literally and never execute', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(titleText, async (title) => {
        delete (globalThis as { __pwned?: unknown }).__pwned;
        const { question, tree } = await ingestAndRender(
          'bank.txt',
          `# Банк вопросов\n\n1. ${title}\n2. Что такое dropout?\n`,
        );
        expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
        expect(find(tree, (e) => e.type === 'script')).toEqual([]);
        const [element] = find(tree, (e) => e.type === 'Question' && e.props.id === question.id);
        const [heading] = find(element, (e) => /^h[1-6]$/.test(e.type));
        expect(heading.props.id).toBe(question.id);
        expect(norm(textOf(heading))).toBe(norm(question.title));
        if (!/\\\(|\\\[|\$\$/.test(title)) expect(norm(textOf(heading))).toBe(norm(title));
      }),
      { numRuns: RUNS },
    );
  });

  it('Q:/A: notes answers render their model text and never execute', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(titleText, lineText, async (title, answer) => {
        delete (globalThis as { __pwned?: unknown }).__pwned;
        const source = `Заметки¶\n\nРаздел¶\nQ: ${title.replace(/¶/g, '')}¶\nA: Ответ ${answer.replace(/^\s*[QA]:/, '')}\n`;
        const { question, tree } = await ingestAndRender('notes.txt', source);
        expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
        expect(find(tree, (e) => e.type === 'script')).toEqual([]);
        const [element] = find(tree, (e) => e.type === 'Question' && e.props.id === question.id);
        const [heading] = find(element, (e) => /^h[1-6]$/.test(e.type));
        expect(norm(textOf(heading))).toBe(norm(question.title));
        const expected = norm(toString(question.answer!.detailed!));
        const rendered = find(element, (e) => e.type === 'AnswerPart')
          .map(textOf)
          .join(' ');
        // Every character of the answer is rendered, in order (block boundaries add whitespace).
        expect(norm(rendered).replace(/\s/g, '')).toContain(expected.replace(/\s/g, ''));
      }),
      { numRuns: RUNS },
    );
  });
});
