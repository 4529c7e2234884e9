/**
 * The handbook in the native Markdown source format (formats/native-markdown.ts), one file per
 * topic: what `npm run export` writes. Re-ingesting the files gives the same questions, ids
 * (through the id lock: same titles and prompts, same fingerprints) and answers.
 *
 * Without a language every question keeps its source texts; with one, each question shows that
 * edition's texts (curated translations where there are some, the source text otherwise).
 */
import type { Heading, List, PhrasingContent, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mathToMarkdown } from 'mdast-util-math';
import { directiveToMarkdown } from 'mdast-util-directive';
import { ANSWER_PARTS, PART_NAMES, type AnswerPart } from './answer-parts.ts';
import { SECTION_NAMES } from './formats/native-markdown.ts';
import { contentToMarkdown } from './markdown-content.ts';
import { localize } from './emit/localize.ts';
import { detectLang } from './pipeline.ts';
import type { Answer, Content, Handbook, Lang, Question } from './model.ts';

export interface ExportOptions {
  /** The edition whose texts to write; the source texts when absent. */
  lang?: Lang;
}

/** The `### ` heading the export writes for a part, in the language of the question's texts. */
function partName(part: AnswerPart | keyof typeof SECTION_NAMES, lang: Lang): string {
  const names = part === 'prompt' || part === 'followUps' ? SECTION_NAMES[part] : PART_NAMES[part];
  return names[lang][0];
}

/** The texts of a question that get written. */
interface Texts {
  title: string;
  prompt?: Content;
  answer: Partial<Record<keyof Answer, Content>>;
  followUps: string[];
  section?: string;
  kind?: string;
}

function texts(q: Question, handbook: Handbook, lang: Lang | undefined): Texts {
  if (!lang) {
    return {
      title: q.title,
      prompt: q.prompt,
      // An answer from content/answers/ stays there: re-ingesting it from the export would clash.
      answer: q.answerSource ? {} : { ...q.answer },
      followUps: q.followUps,
      section: q.subtopic ?? q.source.title ?? q.source.file,
      kind: q.kind,
    };
  }
  const local = localize(q, lang, handbook.labels ?? {});
  const answer: Texts['answer'] = {};
  if (!q.answerSource)
    for (const part of ANSWER_PARTS) if (local.answer[part]) answer[part] = local.answer[part]!.value;
  return {
    title: local.title.value,
    prompt: local.prompt?.value,
    answer,
    followUps: local.followUps?.value ?? [],
    section: local.group.value,
    kind: local.kind?.value,
  };
}

const markdown = (children: RootContent[]) =>
  toMarkdown(
    { type: 'root', children },
    {
      bullet: '-',
      fences: true,
      listItemIndent: 'one',
      extensions: [gfmToMarkdown(), mathToMarkdown(), directiveToMarkdown()],
    },
  ).trimEnd();

const text = (value: string): PhrasingContent[] => [{ type: 'text', value }];
const heading = (depth: 1 | 2 | 3, value: string): Heading => ({ type: 'heading', depth, children: text(value) });

/** A YAML flow mapping on one line: `{level: [junior, middle], minutes: 5}`. */
function flowMapping(entries: [string, string | number | string[]][]): string {
  const value = (v: string | number | string[]): string =>
    Array.isArray(v) ? `[${v.join(', ')}]` : typeof v === 'number' ? String(v) : JSON.stringify(v);
  return `{${entries.map(([k, v]) => `${k}: ${value(v)}`).join(', ')}}`;
}

/** One question: heading, settings line, prompt, answer parts, follow-ups. */
function questionMarkdown(q: Question, t: Texts): string {
  const out: string[] = [markdown([heading(2, t.title)])];
  const settings: [string, string | number | string[]][] = [];
  const written = detectLang(t.title);
  const lang = t.title === q.title ? q.lang : written;
  if (lang !== written) settings.push(['language', lang]);
  if (q.levels.length > 0) settings.push(['level', q.levels.length === 1 ? q.levels[0] : q.levels]);
  if (q.minutes !== undefined) settings.push(['minutes', q.minutes]);
  if (t.kind !== undefined) settings.push(['kind', t.kind]);
  if (settings.length > 0) out[0] += `\n${flowMapping(settings)}`;
  const part = (name: string, body: string) => out.push(`${markdown([heading(3, name)])}\n\n${body}`);
  if (t.prompt && t.prompt.children.length > 0) part(partName('prompt', lang), contentToMarkdown(t.prompt));
  for (const name of ANSWER_PARTS) {
    const content = t.answer[name];
    if (content && content.children.length > 0) part(partName(name, lang), contentToMarkdown(content));
  }
  if (t.followUps.length > 0) {
    const list: List = {
      type: 'list',
      ordered: false,
      spread: false,
      children: t.followUps.map((f) => ({
        type: 'listItem',
        spread: false,
        children: [{ type: 'paragraph', children: text(f) }],
      })),
    };
    part(partName('followUps', lang), markdown([list]));
  }
  return out.join('\n\n');
}

/** File name -> text: `<topic-id>.md` for every topic with questions, in topic order. */
export function exportNative(handbook: Handbook, options: ExportOptions = {}): Map<string, string> {
  const files = new Map<string, string>();
  for (const topic of handbook.topics) {
    const questions = handbook.questions.filter((q) => q.topic === topic.id);
    if (questions.length === 0) continue;
    const name = topic.name[options.lang ?? 'ru'];
    const parts = [`---\ntitle: ${JSON.stringify(name)}\ntopic: ${topic.id}\n---`];
    // Questions grouped by section, sections in order of first appearance, questions in handbook order.
    const sections = new Map<string | undefined, { q: Question; t: Texts }[]>();
    for (const q of questions) {
      const t = texts(q, handbook, options.lang);
      const list = sections.get(t.section);
      if (list) list.push({ q, t });
      else sections.set(t.section, [{ q, t }]);
    }
    for (const [section, list] of sections) {
      if (section !== undefined) parts.push(markdown([heading(1, section)]));
      for (const { q, t } of list) parts.push(questionMarkdown(q, t));
    }
    files.set(`${topic.id}.md`, `${parts.join('\n\n')}\n`);
  }
  return files;
}
