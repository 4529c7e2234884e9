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
 * heading's text (table of contents) keeps the formula. Rendering: render-math.ts.
 */
import { defineMdastPlugin } from 'satteri';
import type { MdastPluginEntry, MdastVisitorContext } from 'satteri';
import { renderMath } from './render-math.ts';

/** Render math in a component at page-render time instead of inlining the HTML (see the plugin). */
export interface MathComponent {
  /** Name the page imports the component as. */
  name: string;
  /** Module specifier of the component (its default export). */
  from: string;
}

/**
 * The plugin, made afresh for every document (it tracks whether the document needs the
 * component's import). Needs Sätteri's `features.math`.
 * @param component In MDX, replace each formula outside headings by `<name tex display />` and
 *   import the component, which renders it with {@link renderMath} when the page renders:
 *   the compiled page then holds the TeX, not kilobytes of KaTeX markup per formula (at 10,000
 *   questions that markup was most of the server bundle Vite builds and keeps in memory).
 *   Without it, the HTML is inlined as `<Fragment set:html>`.
 */
export default function satteriKatex(component?: MathComponent): MdastPluginEntry {
  return () => {
    let usesComponent = false;
    /** The replacement of one formula (`inHeading`: inline math inside a heading). */
    const replace = (tex: string, display: boolean, node: never, ctx: MdastVisitorContext, inHeading = false) => {
      const { html, error } = renderMath(tex, display);
      if (error)
        ctx.report({ message: `Could not render math with KaTeX: ${error.message}`, node, severity: 'warning' });
      if (ctx.sourceFormat !== 'mdx') return { type: 'html' as const, value: html };
      if (inHeading) return { raw: html, mdxExpressions: false };
      const type = display ? ('mdxJsxFlowElement' as const) : ('mdxJsxTextElement' as const);
      if (!component)
        return {
          type,
          name: 'Fragment',
          attributes: [{ type: 'mdxJsxAttribute' as const, name: 'set:html', value: html }],
          children: [],
        };
      usesComponent = true;
      const attributes = [{ type: 'mdxJsxAttribute' as const, name: 'tex', value: tex }];
      if (display) attributes.push({ type: 'mdxJsxAttribute' as const, name: 'display', value: null as never });
      return { type, name: component.name, attributes, children: [] };
    };
    return defineMdastPlugin({
      name: 'handbook-katex',
      math: (node, ctx) => replace(node.value, true, node as never, ctx) as never,
      inlineMath(node, ctx) {
        let parent = ctx.parent(node);
        while (parent && parent.type !== 'heading' && parent.type !== 'root') parent = ctx.parent(parent as never);
        return replace(node.value, false, node as never, ctx, parent?.type === 'heading') as never;
      },
      after(root, ctx) {
        if (usesComponent && component)
          ctx.prependChild(
            root as never,
            { type: 'mdxjsEsm', value: `import ${component.name} from ${JSON.stringify(component.from)};` } as never,
          );
      },
    });
  };
}
