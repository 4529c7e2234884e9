/**
 * Sätteri mdast plugin: the first heading inside each `<Question id="…">` JSX element gets the
 * question id as its HTML id (`data.hProperties.id`), so `/topic/#<question-id>` links work and
 * stay stable when titles change. Astro's heading-ids plugin keeps an id that is already set,
 * so the preset id is also what the table of contents links to.
 */
import { defineMdastPlugin } from 'satteri';
import type { MdastPluginDefinition } from 'satteri';

/** Component name whose first heading is anchored. */
export const QUESTION_COMPONENT = 'Question';

interface Node {
  type: string;
  name?: string | null;
  attributes?: readonly { type: string; name?: string; value?: unknown }[];
  children?: readonly Node[];
  data?: Record<string, unknown> & { hProperties?: Record<string, unknown> };
}

/** The literal string value of a JSX attribute, if it has one. */
function stringAttribute(element: Node, name: string): string | undefined {
  for (const attribute of element.attributes ?? []) {
    if (attribute.type === 'mdxJsxAttribute' && attribute.name === name && typeof attribute.value === 'string')
      return attribute.value;
  }
  return undefined;
}

/** The first heading below `node` (depth-first, document order). */
function firstHeading(node: Node): Node | undefined {
  for (const child of node.children ?? []) {
    if (child.type === 'heading') return child;
    const found = firstHeading(child);
    if (found) return found;
  }
  return undefined;
}

/** The plugin (no options). */
export default function satteriQuestionAnchors(): MdastPluginDefinition {
  return defineMdastPlugin({
    name: 'handbook-question-anchors',
    mdxJsxFlowElement(element, ctx) {
      const node = element as unknown as Node;
      if (node.name !== QUESTION_COMPONENT) return;
      const id = stringAttribute(node, 'id');
      const heading = id ? firstHeading(node) : undefined;
      if (!heading) return;
      ctx.setProperty(heading as never, 'data', { ...heading.data, hProperties: { ...heading.data?.hProperties, id } });
    },
  });
}
