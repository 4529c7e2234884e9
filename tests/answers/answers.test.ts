/**
 * Quality gate of the handbook's own answers (content/answers/): every seed question has an
 * answer in both editions, each answer has all four parts with real content, and every formula
 * compiles with KaTeX without warnings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import katex from 'katex';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parseOverlay, type Overlay } from '../../src/ingest/answer-overlays.ts';
import { ANSWER_PARTS as PARTS } from '../../src/ingest/answer-parts.ts';
import { hasAnswer, LANGS } from '../../src/ingest/model.ts';
import { loadSeedHandbook, ROOT } from '../helpers/seed-handbook.ts';

const DIR = join(ROOT, 'content/answers');
const overlays: Overlay[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => parseOverlay(`content/answers/${f}`, readFileSync(join(DIR, f), 'utf8')));
/** Least plain-text length of each part: a sentence for the short ones, a real analysis for `detailed`. */
const MIN_LENGTH = { short: 40, detailed: 300, mistakes: 60, howToSay: 60 };

describe('answers written for the handbook (content/answers/)', () => {
  const handbook = loadSeedHandbook();

  it('answer every seed question in both editions', () => {
    for (const q of handbook.questions) expect(hasAnswer(q), q.id).toBe(true);
    const missing = handbook.questions
      .filter((q) => q.answerSource)
      .flatMap((q) =>
        LANGS.filter((lang) => !overlays.some((o) => o.id === q.id && o.lang === lang)).map((l) => `${q.id}.${l}`),
      );
    expect(missing).toEqual([]);
  });

  it('have all four parts with real content', () => {
    const thin = overlays.flatMap((o) =>
      PARTS.filter((part) => toString(o.answer[part] ?? { type: 'root', children: [] }).length < MIN_LENGTH[part]).map(
        (part) => `${o.file}: ${part}`,
      ),
    );
    expect(thin).toEqual([]);
  });

  it('have formulas that KaTeX compiles without warnings', () => {
    const problems: string[] = [];
    for (const o of overlays) {
      for (const part of PARTS) {
        visit(o.answer[part] ?? { type: 'root', children: [] }, (node) => {
          if (node.type !== 'math' && node.type !== 'inlineMath') return;
          const { value } = node as { value: string };
          try {
            katex.renderToString(value, {
              displayMode: node.type === 'math',
              throwOnError: true,
              strict: (code: string) => {
                problems.push(`${o.file}: ${code} in ${value}`);
                return 'ignore';
              },
            });
          } catch (error) {
            problems.push(`${o.file}: ${(error as Error).message}`);
          }
        });
      }
    }
    expect(problems).toEqual([]);
  });
});
