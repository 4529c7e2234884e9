/**
 * A numbered question bank: `# Title`, an optional description paragraph, then one question
 * per line as `N. question`. Questions carry no answers.
 *
 * A line with no number directly under a question (no blank line between) continues that
 * question, as in a Markdown list item. A repeated number throws ParseError; a skipped or
 * out-of-order number is a warning. Any other line is left 'unplaced' and reported.
 */
import {
  type DocumentMeta,
  type LineFate,
  type ParseIssue,
  type ParseResult,
  type RawItem,
  type SourceFormat,
} from './types.ts';
import { contentLines, sourceLines } from './lines.ts';
import { checkNumber } from './numbering.ts';

const TITLE = /^#\s+(\S.*)$/;
const QUESTION = /^(\d+)\.\s+(\S.*)$/;
const SUBHEADING = /^#{2,6}\s/;

export const questionBank: SourceFormat = {
  id: 'question-bank',
  name: 'Numbered question bank',
  detect(text, lines = contentLines(text)) {
    if (lines.length === 0 || !TITLE.test(lines[0]) || lines.some((l) => SUBHEADING.test(l))) return false;
    const numbered = lines.filter((l) => QUESTION.test(l)).length;
    // Mostly numbered lines: the title and a short description may not be.
    return numbered >= 2 && numbered * 2 >= lines.length - 1;
  },
  parse,
};

function parse(text: string): ParseResult {
  const lines = sourceLines(text).map((l) => l.trim());
  const fates: LineFate[] = lines.map((l) => (l === '' ? 'blank' : 'unplaced'));
  const warnings: ParseIssue[] = [];
  const meta: DocumentMeta = {};
  const items: RawItem[] = [];
  const firstLine = new Map<number, number>();
  const description: string[] = [];
  let previous: RawItem | undefined;

  for (const [i, line] of lines.entries()) {
    if (line === '') {
      previous = undefined;
      continue;
    }
    const title = TITLE.exec(line);
    const question = QUESTION.exec(line);
    if (title && meta.title === undefined && items.length === 0) {
      meta.title = title[1];
    } else if (question) {
      const number = Number(question[1]);
      checkNumber(number, i + 1, items.at(-1)?.number, firstLine, warnings);
      previous = { title: question[2], number, followUps: [], lines: [i + 1, i + 1] };
      items.push(previous);
    } else if (previous) {
      previous.title += ` ${line}`;
      previous.lines[1] = i + 1;
    } else if (meta.title !== undefined && items.length === 0) {
      description.push(line);
    } else {
      warnings.push({ line: i + 1, message: `unplaced line: ${JSON.stringify(line)}` });
      continue;
    }
    fates[i] = 'kept';
  }
  if (description.length > 0) meta.description = description.join(' ');
  return { items, meta, fates, warnings };
}
