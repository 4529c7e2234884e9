/**
 * Test helper: compile and run generated MDX the way the site does — Sätteri with the site's
 * features and mdast plugins (src/integrations/markdown.ts) plus the directive syntax Starlight
 * turns on — with a JSX runtime stub that records the element tree instead of rendering HTML.
 */
import { mdxToJs } from 'satteri';
import { markdownFeatures, markdownPlugins } from '../../src/integrations/markdown.ts';
import satteriQuestionAnchors from '../../src/integrations/satteri-question-anchors.ts';

/** An element of the recorded tree: its type (tag or component name) and props. */
export interface Element {
  type: string;
  props: Record<string, unknown>;
}

export interface CompileOptions {
  /**
   * Render math with KaTeX (default true). Without it math stays `<code class="math-…">` with
   * the TeX as text, which is what text-equality checks want.
   */
  katex?: boolean;
}

/** Strip a leading `---` frontmatter block (Astro removes it before compiling). */
export function stripFrontmatter(source: string): string {
  return source.replace(/^---\n[\s\S]*?\n---\n/, '');
}

/** Compiles MDX (no frontmatter, no imports) to a function body; throws on MDX syntax errors. */
export function compileMdx(source: string, options: CompileOptions = {}): string {
  const mdastPlugins = options.katex === false ? [satteriQuestionAnchors()] : markdownPlugins(true);
  // Sync: none of the plugins is async.
  const result = mdxToJs(source, {
    mdastPlugins,
    features: { ...markdownFeatures, directive: true },
    outputFormat: 'function-body',
  });
  if (result instanceof Promise) throw new Error('compileMdx: a plugin went async');
  return result.code;
}

const FragmentSymbol = Symbol('Fragment');
const jsx = (type: unknown, props: Record<string, unknown>): unknown => {
  if (type === FragmentSymbol) return props.children;
  if (typeof type === 'function') return type(props);
  return { type: String(type), props } satisfies Element;
};

/** A stub for each component a page imports from '@handbook/components'. */
function stubs(page: string): Record<string, (props: Record<string, unknown>) => Element> {
  const names =
    /^import \{([^}]*)\} from '@handbook\/components';$/m
      .exec(page)?.[1]
      .split(',')
      .map((n) => n.trim()) ?? [];
  return Object.fromEntries(names.map((name) => [name, (props: Record<string, unknown>) => ({ type: name, props })]));
}

/**
 * Compiles and runs a generated page (frontmatter and the component import are removed; each
 * imported component becomes a stub element named after it; Astro's `Fragment` is recorded as
 * an element named `Fragment`, so `set:html` stays visible).
 * @returns The rendered element tree.
 */
export function renderMdx(page: string, options: CompileOptions = {}): unknown {
  const body = stripFrontmatter(page).replace(/^import \{[^}]*\} from '@handbook\/components';$/m, '');
  const code = compileMdx(body, options);
  const run = new Function(code) as (runtime: unknown) => { default: (props: unknown) => unknown };
  const mod = run({ Fragment: FragmentSymbol, jsx, jsxs: jsx });
  const Fragment = (props: Record<string, unknown>): Element => ({ type: 'Fragment', props });
  return mod.default({ components: { Fragment, ...stubs(page) } });
}

export const isElement = (node: unknown): node is Element =>
  typeof node === 'object' && node !== null && 'type' in node && 'props' in node;
const kids = (node: unknown): unknown[] =>
  Array.isArray(node) ? node : isElement(node) ? [node.props.children ?? []].flat() : [];

/** Text content of a rendered tree (`set:html` strings are not text). */
export function textOf(node: unknown): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  return kids(node).map(textOf).join('');
}

/** Elements of a rendered tree passing `test`, depth-first. */
export function find(node: unknown, test: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (n: unknown) => {
    if (isElement(n) && test(n)) out.push(n);
    for (const child of kids(n)) walk(child);
  };
  walk(node);
  return out;
}
