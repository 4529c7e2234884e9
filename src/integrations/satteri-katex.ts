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
 * In MDX a formula becomes a component that renders it when the page renders (or one
 * `<Fragment set:html>` with the HTML); in a heading the HTML is spliced in as elements so the
 * heading's text (table of contents) keeps the formula. Rendering is cached by formula.
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

/** Render math in a component at page-render time instead of inlining the HTML (see the plugin). */
export interface MathComponent {
  /** Name the page imports the component as. */
  name: string;
  /** Module specifier of the component (its default export). */
  from: string;
}

/**
 * The plugin. Needs Sätteri's `features.math`.
 * @param component In MDX, replace each formula outside headings by `<name tex display />` and
 *   import the component, which renders it with {@link renderMath} when the page renders:
 *   the compiled page then holds the TeX, not kilobytes of KaTeX markup per formula (at 10,000
 *   questions that markup was most of the server bundle Vite builds and keeps in memory).
 *   Without it, the HTML is inlined as `<Fragment set:html>`.
 */
export default function satteriKatex(component?: MathComponent): MdastPluginDefinition {
  /** Replacement of a formula outside headings in MDX. */
  const mdxNode = (tex: string, display: boolean, html: string) => {
    const type = display ? ('mdxJsxFlowElement' as const) : ('mdxJsxTextElement' as const);
    if (!component) return { type, name: 'Fragment', attributes: [{ type: 'mdxJsxAttribute' as const, name: 'set:html', value: html }], children: [] };
    const attributes = [{ type: 'mdxJsxAttribute' as const, name: 'tex', value: tex }];
    if (display) attributes.push({ type: 'mdxJsxAttribute' as const, name: 'display', value: null as never });
    return { type, name: component.name, attributes, children: [] };
  };
  let usesComponent = false;
  return defineMdastPlugin({
    name: 'handbook-katex',
    before() {
      usesComponent = false;
    },
    math(node, ctx) {
      const { html, error } = renderMath(node.value, true);
      if (error) ctx.report({ message: `Could not render math with KaTeX: ${error.message}`, node, severity: 'warning' });
      if (ctx.sourceFormat !== 'mdx') return { type: 'html', value: html };
      usesComponent ||= Boolean(component);
      return mdxNode(node.value, true, html) as never;
    },
    inlineMath(node, ctx) {
      const { html, error } = renderMath(node.value, false);
      if (error) ctx.report({ message: `Could not render math with KaTeX: ${error.message}`, node, severity: 'warning' });
      if (ctx.sourceFormat !== 'mdx') return { type: 'html', value: html };
      let parent = ctx.parent(node);
      while (parent && parent.type !== 'heading' && parent.type !== 'root') parent = ctx.parent(parent as never);
      if (parent?.type === 'heading') return { raw: html, mdxExpressions: false };
      usesComponent ||= Boolean(component);
      return mdxNode(node.value, false, html) as never;
    },
    after(root, ctx) {
      if (usesComponent && component) ctx.prependChild(root as never, { type: 'mdxjsEsm', value: `import ${component.name} from ${JSON.stringify(component.from)};` } as never);
    },
  });
}
