/**
 * Curated Markdown (translations, answer overlays) -> the model's restricted content tree.
 *
 * Markdown written by the team may use paragraphs, lists, tables, `$…$` / `$$…$$` math,
 * fenced code, inline code, emphasis and `:::caution[Title]` asides. Anything else is reduced
 * to what it says: raw HTML becomes literal text (it is data, never markup), links keep their
 * text, headings become bold paragraphs.
 */
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown, mathToMarkdown } from 'mdast-util-math';
import { directiveFromMarkdown, directiveToMarkdown } from 'mdast-util-directive';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import { directive } from 'micromark-extension-directive';
import { Content } from './model.ts';
import { contentBlocks } from './emit/content.ts';

/** Thrown when Markdown does not reduce to valid content; `line` is 1-based within the text. */
export class MarkdownContentError extends Error {
  constructor(
    public readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'MarkdownContentError';
  }
}

type AnyNode = Nodes & { children?: AnyNode[]; position?: { start: { line: number } } };

const PHRASING = new Set(['text', 'inlineCode', 'inlineMath', 'break', 'strong', 'emphasis']);

function reducePhrasing(nodes: AnyNode[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'inlineMath':
        out.push({ type: node.type, value: node.value } as PhrasingContent);
        break;
      case 'break':
        out.push({ type: 'break' });
        break;
      case 'strong':
      case 'emphasis':
        out.push({ type: node.type, children: reducePhrasing(node.children ?? []) } as PhrasingContent);
        break;
      case 'html':
        out.push({ type: 'text', value: node.value });
        break;
      default:
        // links, images, footnote references, text directives: keep what they say
        if ('value' in node && typeof node.value === 'string') out.push({ type: 'text', value: node.value });
        else out.push(...reducePhrasing(node.children ?? []));
    }
  }
  return mergeText(out);
}

function mergeText(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    const last = out.at(-1);
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else out.push(node);
  }
  return out;
}

function reduceBlock(node: AnyNode): RootContent[] {
  switch (node.type) {
    case 'paragraph':
      return [{ type: 'paragraph', children: reducePhrasing(node.children ?? []) }];
    case 'heading':
      return [{ type: 'paragraph', children: [{ type: 'strong', children: reducePhrasing(node.children ?? []) }] }];
    case 'math':
      return [{ type: 'math', value: node.value }];
    case 'code':
      return [{ type: 'code', lang: node.lang ?? null, value: node.value }];
    case 'html':
      return [{ type: 'paragraph', children: [{ type: 'text', value: node.value }] }];
    case 'list':
      return [
        {
          type: 'list',
          ordered: Boolean(node.ordered),
          start: node.ordered ? (node.start ?? 1) : null,
          spread: false,
          children: (node.children ?? []).map((item) => ({
            type: 'listItem',
            spread: false,
            children: (item.children ?? []).flatMap(reduceBlock),
          })),
        } as RootContent,
      ];
    case 'table':
      return [
        {
          type: 'table',
          align: node.align,
          children: (node.children ?? []).map((row) => ({
            type: 'tableRow',
            children: (row.children ?? []).map((cell) => ({
              type: 'tableCell',
              children: reducePhrasing(cell.children ?? []),
            })),
          })),
        } as RootContent,
      ];
    case 'containerDirective': {
      const children = (node.children ?? []) as AnyNode[];
      const label = children.find(
        (c) => c.type === 'paragraph' && (c.data as { directiveLabel?: boolean })?.directiveLabel,
      );
      if (node.name !== 'caution') {
        throw new MarkdownContentError(
          node.position?.start.line ?? 1,
          `unknown aside ":::${node.name}" (only :::caution is supported)`,
        );
      }
      return [
        {
          type: 'caution',
          title: reducePhrasing((label?.children ?? []) as AnyNode[]),
          children: children.filter((c) => c !== label).flatMap(reduceBlock),
        } as unknown as RootContent,
      ];
    }
    case 'blockquote':
      return (node.children ?? []).flatMap(reduceBlock);
    case 'thematicBreak':
    case 'definition':
      return [];
    default:
      if (PHRASING.has(node.type)) return [{ type: 'paragraph', children: reducePhrasing([node]) }];
      return (node.children ?? []).flatMap(reduceBlock);
  }
}

/** Parses Markdown into a validated model content tree. */
export function markdownToContent(markdown: string): Content {
  const tree = fromMarkdown(markdown, {
    extensions: [gfm(), math(), directive()],
    mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown(), directiveFromMarkdown()],
  }) as Root;
  const root = { type: 'root', children: (tree.children as AnyNode[]).flatMap(reduceBlock) };
  const checked = Content.safeParse(root);
  if (!checked.success) {
    throw new MarkdownContentError(1, `unsupported Markdown: ${checked.error.issues[0].message}`);
  }
  return checked.data;
}

/** Model content -> Markdown (for translators and overlays; the inverse of markdownToContent). */
export function contentToMarkdown(content: Content): string {
  return toMarkdown(
    { type: 'root', children: contentBlocks(content) },
    {
      bullet: '-',
      fences: true,
      listItemIndent: 'one',
      extensions: [gfmToMarkdown(), mathToMarkdown(), directiveToMarkdown()],
    },
  ).trimEnd();
}
