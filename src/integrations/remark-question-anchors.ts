/**
 * remark plugin: the first heading inside each `<Question id="…">` JSX element gets the
 * question id as its HTML id (via `data.hProperties.id`), so `/topic/#<question-id>` links work
 * and stay stable when titles change. Astro's `rehypeHeadingIds` keeps an id that is already a
 * string, so the preset id survives (and is what the table of contents links to).
 */
import type { Heading, Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import { EXIT, visit } from 'unist-util-visit';

/** Component name whose first heading is anchored. */
export const QUESTION_COMPONENT = 'Question';

/** The literal string value of a JSX attribute, if it has one. */
function stringAttribute(element: MdxJsxFlowElement, name: string): string | undefined {
  for (const attribute of element.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && attribute.name === name && typeof attribute.value === 'string') {
      return attribute.value;
    }
  }
  return undefined;
}

/** Set `id` as the HTML id of the first heading below `element`. */
function anchorFirstHeading(element: MdxJsxFlowElement, id: string): void {
  visit(element, 'heading', (heading: Heading) => {
    heading.data ??= {};
    heading.data.hProperties = { ...heading.data.hProperties, id };
    return EXIT;
  });
}

/** The plugin (no options). */
export default function remarkQuestionAnchors() {
  return (tree: Root): void => {
    visit(tree, 'mdxJsxFlowElement', (element: MdxJsxFlowElement) => {
      if (element.name !== QUESTION_COMPONENT) return;
      const id = stringAttribute(element, 'id');
      if (id) anchorFirstHeading(element, id);
    });
  };
}
