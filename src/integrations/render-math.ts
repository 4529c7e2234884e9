/**
 * KaTeX rendering of one formula, shared by the Sätteri plugin (satteri-katex.ts, at compile
 * time) and the math component (HandbookMath.astro, when a page renders): KaTeX 0.16, HTML +
 * MathML, lenient on bad TeX like rehype-katex, and both copies of a formula marked for Pagefind.
 */
import katex from 'katex';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { toHtml } from 'hast-util-to-html';
import type { Element, Root } from 'hast';

/** Whether a hast element carries a class name. */
function hasClass(node: Element, name: string): boolean {
  const value: unknown = node.properties.className;
  return Array.isArray(value) && value.map(String).includes(name);
}

/** Marks the duplicate copies of a formula (`.katex-html`, MathML `<annotation>`) as ignored by Pagefind. */
function markIgnored(node: Root | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'annotation' || hasClass(child, 'katex-html')) child.properties.dataPagefindIgnore = '';
    else markIgnored(child);
  }
}

/** A rendered formula, and the KaTeX error if the strict render failed. */
export interface RenderedMath {
  html: string;
  error?: Error;
}

const cache = new Map<string, RenderedMath>();

/**
 * Renders one formula to HTML (KaTeX, HTML + MathML) with the Pagefind marks; cached.
 * @param tex TeX source.
 * @param displayMode Display (block) or inline math.
 */
export function renderMath(tex: string, displayMode: boolean): RenderedMath {
  const key = `${displayMode ? 'D' : 'I'}${tex}`;
  let rendered = cache.get(key);
  if (rendered) return rendered;
  let html: string;
  let error: Error | undefined;
  try {
    html = katex.renderToString(tex, { displayMode, throwOnError: true });
  } catch (cause) {
    error = cause as Error;
    try {
      html = katex.renderToString(tex, { displayMode, throwOnError: false, strict: 'ignore' });
    } catch {
      // Not a ParseError: markup like KaTeX's own error output, with the source as text.
      const tree: Root = {
        type: 'root',
        children: [
          {
            type: 'element',
            tagName: 'span',
            properties: { className: ['katex-error'], style: 'color:#cc0000', title: String(cause) },
            children: [{ type: 'text', value: tex }],
          },
        ],
      };
      html = toHtml(tree);
    }
  }
  const tree = fromHtmlIsomorphic(html, { fragment: true });
  markIgnored(tree);
  // A display formula wider than the column scrolls (handbook.css): keyboard users reach it too.
  for (const child of tree.children) {
    if (child.type === 'element' && hasClass(child, 'katex-display')) child.properties.tabIndex = 0;
  }
  rendered = { html: toHtml(tree), error };
  cache.set(key, rendered);
  return rendered;
}
