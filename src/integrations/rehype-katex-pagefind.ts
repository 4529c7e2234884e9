/**
 * rehype plugin (run after rehype-katex): KaTeX renders every formula twice — visual HTML
 * (`.katex-html`) and MathML whose `<annotation>` repeats the TeX source. Marking the HTML copy
 * and the annotation with `data-pagefind-ignore` makes Pagefind index each formula once (the
 * MathML text), so search excerpts are not littered with duplicated glyphs and TeX.
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/** Whether a hast element carries a class name. */
function hasClass(node: Element, name: string): boolean {
  const value: unknown = node.properties.className;
  const classes = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/\s+/);
  return classes.includes(name);
}

/** The plugin (no options). */
export default function rehypeKatexPagefind() {
  return (tree: Root): void => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'annotation' || hasClass(node, 'katex-html')) {
        node.properties.dataPagefindIgnore = '';
        return SKIP;
      }
      return undefined;
    });
  };
}
