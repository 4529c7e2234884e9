/**
 * Small builders for the restricted mdast trees of the question model.
 * Parsers and repairs build content through these so every tree has the same shape.
 */
import type { BlockContent, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';

/** A literal text node. */
export const text = (value: string): Text => ({ type: 'text', value });

/** A paragraph of phrasing content. */
export const paragraph = (children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });

/** A tight list whose items are single paragraphs (or block arrays). */
export function list(items: (PhrasingContent[] | BlockContent[])[], ordered = false, start?: number): List {
  return {
    type: 'list',
    ordered,
    start: ordered ? (start ?? 1) : null,
    spread: false,
    children: items.map((item): ListItem => ({
      type: 'listItem',
      spread: false,
      children: isBlocks(item) ? item : [paragraph(item as PhrasingContent[])],
    })),
  };
}

function isBlocks(item: PhrasingContent[] | BlockContent[]): item is BlockContent[] {
  return item.length > 0 && ['paragraph', 'list', 'code', 'math', 'table'].includes(item[0].type);
}

/** A root of block content. */
export const root = (children: RootContent[]): Root => ({ type: 'root', children });
