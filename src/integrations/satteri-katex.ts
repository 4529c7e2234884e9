/**
 * Sätteri mdast plugin: renders `$…$` and `$$…$$` math (parsed by Sätteri's `features.math`)
 * with KaTeX 0.16 at build time, as rehype-katex does in a unified pipeline:
 *
 * - a formula KaTeX cannot parse is reported as a warning and rendered by KaTeX's lenient mode
 *   (the source shown in KaTeX's error colour), never failing the build;
 * - KaTeX writes every formula twice, visual HTML (`.katex-html`) and MathML whose
 *   `<annotation>` repeats the TeX. Both the HTML copy and the annotation get
 *   `data-pagefind-ignore`, so Pagefind indexes each formula once (the MathML text) and search
 *   excerpts are not littered with duplicated glyphs and TeX.
 *
 * In MDX the rendered HTML becomes one `<Fragment set:html>` per formula (a string, not a JSX
 * element per glyph); in a heading it is spliced in as HTML so the heading's text (table of
 * contents) keeps the formula. Rendering is cached by formula.
 */
import katex from 'katex';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { toHtml } from 'hast-util-to-html';
import type { Element, Root } from 'hast';
import { defineMdastPlugin } from 'satteri';
import type { MdastPluginDefinition } from 'satteri';

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
      const tree: Root = { type: 'root', children: [{ type: 'element', tagName: 'span', properties: { className: ['katex-error'], style: 'color:#cc0000', title: String(cause) }, children: [{ type: 'text', value: tex }] }] };
      html = toHtml(tree);
    }
  }
  const tree = fromHtmlIsomorphic(html, { fragment: true });
  markIgnored(tree);
  rendered = { html: toHtml(tree), error };
  cache.set(key, rendered);
  return rendered;
}

/** The plugin (no options). Needs Sätteri's `features.math`. */
export default function satteriKatex(): MdastPluginDefinition {
  return defineMdastPlugin({
    name: 'handbook-katex',
    math(node, ctx) {
      const { html, error } = renderMath(node.value, true);
      if (error) ctx.report({ message: `Could not render math with KaTeX: ${error.message}`, node, severity: 'warning' });
      if (ctx.sourceFormat !== 'mdx') return { type: 'html', value: html };
      return { type: 'mdxJsxFlowElement', name: 'Fragment', attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }], children: [] };
    },
    inlineMath(node, ctx) {
      const { html, error } = renderMath(node.value, false);
      if (error) ctx.report({ message: `Could not render math with KaTeX: ${error.message}`, node, severity: 'warning' });
      if (ctx.sourceFormat !== 'mdx') return { type: 'html', value: html };
      let parent = ctx.parent(node);
      while (parent && parent.type !== 'heading' && parent.type !== 'root') parent = ctx.parent(parent as never);
      if (parent?.type === 'heading') return { raw: html, mdxExpressions: false };
      return { type: 'mdxJsxTextElement', name: 'Fragment', attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }], children: [] };
    },
  });
}
