/**
 * The "Q:/A: notes page" format: a documentation page scraped to text.
 *
 * Layout: a title line ending with `¶`, page debris (`~6 минут чтения`, `Навигация: …`), an
 * intro paragraph, then section headings ending with `¶` and `Q: question¶` lines, each
 * followed by an `A:` line (sometimes `A: text`) and answer lines up to the next `Q:` or
 * section heading. Answer lines are repaired into a content tree by `answerBlocks`.
 */
import { toString } from 'mdast-util-to-string';
import { paragraph, root } from '../mdast.ts';
import { answerBlocks, type SourceLine } from '../repair/answer-blocks.ts';
import { inline, splitMath } from '../repair/inline.ts';
import { classifyCodeLine, findCodeRuns, type CodeLineKind } from '../repair/code-blocks.ts';
import {
  ParseError,
  type DocumentMeta,
  type LineFate,
  type ParseIssue,
  type ParseResult,
  type RawItem,
  type SourceFormat,
} from './types.ts';
import { contentLines, sourceLines } from './lines.ts';

const QUESTION = /^Q:(?:\s+|$)(.*)$/;
const ANSWER = /^A:(?:\s+|$)(.*)$/;
const PILCROW = /\s*¶\s*$/;
const READING_TIME = /^~?\s*\d+\s*(?:минут[аы]?|мин\.?|min(?:ute)?s?)(?:\s+(?:чтения|read))?$/i;
const NAVIGATION = /^(?:Навигация|Navigation):\s/;
/** Lines of the other formats; a page holding them is not a notes page. */
const FOREIGN = /^(?:Короткий ответ|Подробный разбор|#{1,3} Вопрос \d+:)/m;

/** Whether a line ends with `¶` (PILCROW.test, without the regex's scan from every position). */
const endsWithPilcrow = (line: string) => line.trimEnd().endsWith('¶');
const isHeading = (line: string) => endsWithPilcrow(line) && !QUESTION.test(line);
const isDebris = (line: string) => READING_TIME.test(line) || NAVIGATION.test(line) || line === '¶';

/** Plain-text question title: `¶` dropped, math delimiters removed, TeX kept. */
export function questionTitle(question: string): string {
  return toString(inline(question.replace(PILCROW, ''))).trim();
}

interface OpenItem {
  qLine: number;
  question: string;
  aLine?: number;
  answer: SourceLine[];
}

export const qaNotes: SourceFormat = {
  id: 'qa-notes',
  name: 'Q:/A: notes page',

  detect(text: string, lines: readonly string[] = contentLines(text)): boolean {
    if (FOREIGN.test(text)) return false;
    return lines.some((line, i) => QUESTION.test(line) && ANSWER.test(lines[i + 1] ?? ''));
  },

  parse(text: string): ParseResult {
    const lines = sourceLines(text.replace(/^\uFEFF/, ''));
    const fates: LineFate[] = [];
    const items: RawItem[] = [];
    const warnings: ParseIssue[] = [];
    const meta: DocumentMeta = {};
    const intro: string[] = [];
    let section: string | undefined;
    let open: OpenItem | undefined;
    let started = false;

    const close = () => {
      if (!open) return;
      items.push(finish(open, section, warnings));
      open = undefined;
    };

    lines.forEach((raw, i) => {
      const n = i + 1;
      const line = raw.trim();
      if (line === '') {
        fates.push('blank');
        return;
      }
      const q = QUESTION.exec(line);
      const a = ANSWER.exec(line);
      if (q) {
        close();
        const question = q[1].replace(PILCROW, '').trim();
        if (question === '') throw new ParseError(n, 'Q: without question text');
        let next: string | undefined;
        for (let j = i + 1; j < lines.length && next === undefined; j++) if (lines[j].trim() !== '') next = lines[j];
        if (next === undefined || !ANSWER.test(next.trim())) {
          throw new ParseError(n, `Q: without an A: "${question}" is not followed by an A: line`);
        }
        open = { qLine: n, question, answer: [] };
        started = true;
        fates.push('kept');
      } else if (a) {
        if (!open || open.aLine !== undefined) throw new ParseError(n, 'A: without a preceding Q:');
        open.aLine = n;
        if (a[1].trim() !== '') open.answer.push({ line: n, text: a[1] });
        fates.push('kept');
      } else if (isDebris(line)) {
        fates.push('debris');
      } else if (isHeading(line) && (started || meta.title !== undefined)) {
        close();
        section = line.replace(PILCROW, '');
        started = true;
        fates.push('kept');
      } else if (open) {
        open.answer.push({ line: n, text: raw });
        fates.push('kept');
      } else if (meta.title === undefined && !started && intro.length === 0) {
        meta.title = line.replace(PILCROW, '');
        fates.push('kept');
      } else if (!started) {
        intro.push(line);
        fates.push('kept');
      } else {
        fates.push('unplaced');
      }
    });
    close();
    if (intro.length > 0) meta.description = intro.join('\n');
    return { items, meta, fates, warnings };
  },
};

/** A math delimiter left over once every balanced span is taken out. */
const STRAY_DELIMITER = /\\[()[\]]/;

/**
 * Warns about unbalanced math (`\(` without `\)`, ...): the delimiter and the text after it stay
 * literal text, which is safe, but the source is probably damaged. Code lines are exempt.
 * `kinds`: classifyCodeLine of each line.
 */
function unbalancedMath(
  lines: readonly SourceLine[],
  kinds: readonly (CodeLineKind | null)[],
  warnings: ParseIssue[],
): void {
  const code = new Set(
    findCodeRuns(
      lines.map((l) => l.text),
      kinds,
    ).flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, k) => from + k)),
  );
  lines.forEach(({ line, text }, i) => {
    if (code.has(i)) return;
    const stray = splitMath(text)
      .filter((part): part is string => typeof part === 'string')
      .join(' ')
      .match(STRAY_DELIMITER);
    if (stray)
      warnings.push({
        line,
        message: `unbalanced math: "${stray[0]}" has no matching delimiter on its line; kept as literal text`,
      });
  });
}

function finish(open: OpenItem, section: string | undefined, warnings: ParseIssue[]): RawItem {
  const lines = [{ line: open.qLine, text: open.question }, ...open.answer];
  // Each line is classified as code or not once, for both uses.
  const kinds = lines.map((l) => classifyCodeLine(l.text));
  unbalancedMath(lines, kinds, warnings);
  const { content, warnings: repairs } = answerBlocks(open.answer, kinds.slice(1));
  warnings.push(...repairs);
  const last = open.answer.at(-1)?.line ?? open.aLine ?? open.qLine;
  const item: RawItem = {
    title: questionTitle(open.question),
    followUps: [],
    lines: [open.qLine, last],
  };
  if (splitMath(open.question).some((part) => typeof part !== 'string')) {
    item.prompt = root([paragraph(inline(open.question))]);
  }
  if (section !== undefined) item.section = section;
  if (content.children.length > 0) item.answer = { detailed: content };
  else warnings.push({ line: open.aLine ?? open.qLine, message: 'A: without answer text' });
  return item;
}
