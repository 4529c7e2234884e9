/**
 * Converts the question model's restricted mdast into the mdast that gets serialised:
 * the custom `caution` block becomes a Starlight aside (`:::caution[title]` container directive).
 * Everything else is copied as is (leaves shallowly). Input trees are never mutated.
 */
import type { BlockContent, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Content } from '../model.ts';

/** The model's custom caution node (see `model.ts`). */
interface CautionNode {
  type: 'caution';
  title: PhrasingContent[];
  children: RootContent[];
}

/**
 * Blocks of a model content tree, ready for serialisation.
 * @param content A model `Content` root (or undefined).
 * @returns Fresh block nodes (no node shared with the model); empty when there is no content.
 */
export function contentBlocks(content: Content | undefined): BlockContent[] {
  if (!content) return [];
  return content.children.map(convert) as BlockContent[];
}

/** A paragraph holding plain text (for follow-ups and other string fields). */
export function textParagraph(value: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}

/** A copy of `node` with cautions converted: parents are copied, leaves (never mutated later) shared. */
function convert(node: RootContent): RootContent {
  if ((node as { type: string }).type === 'caution') return caution(node as unknown as CautionNode);
  if ('children' in node && Array.isArray(node.children)) {
    return { ...node, children: node.children.map((child) => convert(child as RootContent)) } as RootContent;
  }
  return { ...node };
}

function caution(node: CautionNode): ContainerDirective {
  const children = node.children.map(convert) as ContainerDirective['children'];
  if (node.title.length > 0) {
    children.unshift({
      type: 'paragraph',
      data: { directiveLabel: true },
      children: node.title.map((child) => convert(child as RootContent)) as PhrasingContent[],
    });
  }
  return { type: 'containerDirective', name: 'caution', attributes: {}, children };
}
