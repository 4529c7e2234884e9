/**
 * satteri-katex: math rendered by KaTeX at build time, each formula indexed once by Pagefind.
 */
import { describe, expect, it } from 'vitest';
import { mdxToJs } from 'satteri';
import { renderMath } from '../../src/integrations/render-math.ts';
import { markdownFeatures, markdownPlugins, MATH_COMPONENT } from '../../src/integrations/markdown.ts';
import { find, renderMdx, textOf } from '../helpers/mdx.ts';

/** Compiles MDX as the site does (formulas as the math component). */
const siteCompile = (source: string): string =>
  (
    mdxToJs(source, {
      mdastPlugins: markdownPlugins(),
      features: { ...markdownFeatures },
      jsxImportSource: 'astro',
    }) as { code: string }
  ).code;

const setHtml = (tree: unknown) => find(tree, (e) => e.type === 'Fragment').map((e) => String(e.props['set:html']));

describe('satteri-katex', () => {
  it('renders inline math as one HTML fragment inside the paragraph', () => {
    const tree = renderMdx('Scale by $\\sqrt{d_k}$ here.\n');
    const [p] = find(tree, (e) => e.type === 'p');
    expect(textOf(p)).toBe('Scale by  here.');
    const [html] = setHtml(p);
    expect(html).toMatch(/^<span class="katex"><span class="katex-mathml"><math/);
    expect(html).toContain('<msqrt>');
    expect(html).not.toContain('katex-display');
  });

  it('renders display math as a block fragment in display mode', () => {
    const tree = renderMdx('Text.\n\n$$\n\\frac{a}{b}\n$$\n');
    const fragments = find(tree, (e) => e.type === 'Fragment');
    expect(fragments).toHaveLength(1);
    expect(find(tree, (e) => e.type === 'p').flatMap((p) => setHtml(p))).toEqual([]);
    // Focusable, as a formula wider than the column scrolls.
    expect(String(fragments[0].props['set:html'])).toMatch(
      /^<span class="katex-display" tabindex="0"><span class="katex">/,
    );
    expect(String(fragments[0].props['set:html'])).toContain('display="block"');
  });

  it('marks the visual HTML copy and the TeX annotation data-pagefind-ignore, leaving the MathML text indexed', () => {
    const { html } = renderMath('x^2', false);
    expect(html).toContain('<annotation encoding="application/x-tex" data-pagefind-ignore="">x^2</annotation>');
    expect(html).toContain('<span class="katex-html" aria-hidden="true" data-pagefind-ignore="">');
    expect(html.match(/data-pagefind-ignore/g)).toHaveLength(2);
    expect(html).toMatch(/<span class="katex-mathml"><math [^>]*><semantics>/);
  });

  it('renders a formula KaTeX cannot parse leniently, with the source visible and an error', () => {
    const { html, error } = renderMath('\\frac{a', false);
    expect(error?.name).toBe('ParseError');
    expect(html).toContain('katex-error');
    expect(html).toContain('\\frac{a');
    const tree = renderMdx('Broken $\\frac{a$ math.\n');
    expect(setHtml(tree)[0]).toContain('katex-error');
  });

  it('keeps math in a heading as elements, so the heading text (table of contents) has the formula', () => {
    const tree = renderMdx('### Why $d_k$?\n');
    const [heading] = find(tree, (e) => e.type === 'h3');
    expect(find(heading, (e) => e.type === 'Fragment')).toEqual([]);
    expect(find(heading, (e) => e.type === 'annotation').map(textOf)).toEqual(['d_k']);
    expect(find(heading, (e) => e.type === 'annotation')[0].props['data-pagefind-ignore']).toBe('');
  });

  it('escapes TeX text: markup in a formula never becomes markup', () => {
    const { html } = renderMath('\\text{<script>alert(1)</script>}', false);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#x3C;script>');
  });

  it('caches by formula and mode', () => {
    expect(renderMath('a+b', false)).toBe(renderMath('a+b', false));
    expect(renderMath('a+b', true)).not.toBe(renderMath('a+b', false));
  });

  it('on the site, puts the math component with the TeX in place of each formula and imports it once', () => {
    const code = siteCompile('A $x^2$ and $y$.\n\n$$\n\\frac{a}{b}\n$$\n');
    expect(code.match(/^import .*$/gm)?.filter((line) => !line.includes('astro/jsx-runtime'))).toEqual([
      `import ${MATH_COMPONENT.name} from ${JSON.stringify(MATH_COMPONENT.from)};`,
    ]);
    expect(code).toContain(`_jsx(${MATH_COMPONENT.name}, { tex: "x^2" })`);
    expect(code).toMatch(
      new RegExp(`_jsx\\(${MATH_COMPONENT.name}, \\{\\s*tex: "\\\\\\\\frac\\{a\\}\\{b\\}",\\s*display: true\\s*\\}\\)`),
    );
    expect(code).not.toContain('katex-html');
  });

  it('on the site, keeps heading math inline and imports nothing for a page without math elsewhere', () => {
    const code = siteCompile('### Why $d_k$?\n\nText.\n');
    expect(code).not.toContain(MATH_COMPONENT.name);
    expect(code).toContain('katex-html');
  });
});
