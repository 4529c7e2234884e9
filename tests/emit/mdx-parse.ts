/**
 * Test helper: parse MDX the way the site does (MDX + GFM + math + directives) into mdast.
 */
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown } from 'mdast-util-math';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { mdxjs } from 'micromark-extension-mdxjs';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import { directive } from 'micromark-extension-directive';

/** Parse MDX text (no frontmatter) into mdast; throws on MDX syntax errors. */
export function parseMdx(source: string): Root {
  return fromMarkdown(source, {
    extensions: [mdxjs(), gfm(), math(), directive()],
    mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown(), mathFromMarkdown(), directiveFromMarkdown()],
  });
}

/** All nodes of a type, depth-first. */
export function nodesOfType<T extends Nodes['type']>(tree: Nodes, type: T): Extract<Nodes, { type: T }>[] {
  const out: Nodes[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === type) out.push(node);
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return out as Extract<Nodes, { type: T }>[];
}

/** Concatenated literal text of a subtree: text, inline code and math values. */
export function literalText(node: Nodes): string {
  if (
    'value' in node &&
    typeof node.value === 'string' &&
    ['text', 'inlineCode', 'inlineMath', 'math', 'code'].includes(node.type)
  ) {
    return node.value;
  }
  if ('children' in node) return node.children.map((child) => literalText(child as Nodes)).join('');
  return '';
}
