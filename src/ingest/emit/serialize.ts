/**
 * MDX serialisation of emitted mdast trees.
 *
 * Pages are built as mdast (with MDX, GFM, math, directive and frontmatter nodes) and turned
 * into text only here, by `mdast-util-to-markdown` with the matching extensions, so every text
 * node is escaped for the exact syntax the site's MDX pipeline parses.
 */
import type { Nodes, Root } from 'mdast';
import { toMarkdown, type Handle, type Options, type Unsafe } from 'mdast-util-to-markdown';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mathToMarkdown } from 'mdast-util-math';
import { directiveToMarkdown } from 'mdast-util-directive';

/**
 * Extra unsafe patterns MDX needs beyond what the extensions declare.
 *
 * `mdast-util-mdx` does not escape a paragraph starting with `import ` / `export `, which MDX
 * would parse as an ESM block (and fail on `import torch`). Encoding the first letter as a
 * character reference (`&#x69;mport`) keeps the text literal.
 */
export const mdxEsmUnsafe: Unsafe[] = [
  { character: 'i', atBreak: true, after: 'mport ' },
  { character: 'e', atBreak: true, after: 'xport ' },
];

/** Construct names of directive labels (`:::caution[label]`). */
const DIRECTIVE_LABELS = ['containerDirectiveLabel', 'leafDirectiveLabel', 'textDirectiveLabel'] as const;

/**
 * Escapes `mdast-util-directive` misses.
 *
 * - A label is serialised without entering the `phrasing` construct, so none of the phrasing
 *   escapes (`{`, `<`, `$`, `*`, `_`, `:` …) apply there. In labels every ASCII punctuation
 *   character is escaped unconditionally (always a valid, literal CommonMark escape).
 * - The directive patterns miss colons that still open a text directive: right after an
 *   escaped character (`\\_:a`) or before a tab (`:\ta` parses as a directive named "\ta").
 *   Every colon in phrasing is escaped (`\:`), which is always literal.
 */
export const directiveUnsafe: Unsafe[] = [
  ...[...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'].map((character): Unsafe => ({
    character,
    inConstruct: [...DIRECTIVE_LABELS],
  })),
  { character: ':', inConstruct: ['phrasing'] },
];

/**
 * Frontmatter handler: `{ type: 'yaml', value }` becomes a `---` fenced block.
 * (Equivalent to `frontmatterToMarkdown()` of mdast-util-frontmatter for YAML; the value must
 * already be valid YAML, see {@link yamlNode} in `mdx-nodes.ts`.)
 */
const yamlHandle: Handle = (node) => `---\n${String((node as { value: string }).value).trimEnd()}\n---`;

/** Serialisation options shared by every emitted page. */
export const mdxOptions: Options = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  resourceLink: true,
  listItemIndent: 'one',
  extensions: [
    mdxToMarkdown(),
    gfmToMarkdown(),
    mathToMarkdown(),
    directiveToMarkdown(),
    { unsafe: [...mdxEsmUnsafe, ...directiveUnsafe], handlers: { yaml: yamlHandle } },
  ],
};

/**
 * Serialise an mdast tree (which may contain MDX, GFM, math, directive and `yaml` nodes) to MDX.
 * @param tree Root of the page.
 * @returns MDX source text ending with a newline.
 */
export function toMdx(tree: Root): string {
  return toMarkdown(encodeAttributeAmpersands(tree), mdxOptions);
}

/**
 * MDX decodes character references in JSX attribute strings, but the JSX serializer only
 * encodes the quote; encode `&` too so `&amp;` in source data stays literal. Returns the tree
 * with only the affected JSX elements (and their ancestors) copied; the input is not mutated.
 */
function encodeAttributeAmpersands<T extends Nodes>(node: T): T {
  let out: T = node;
  if (
    (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
    node.attributes.some((a) => a.type === 'mdxJsxAttribute' && typeof a.value === 'string' && a.value.includes('&'))
  ) {
    out = {
      ...node,
      attributes: node.attributes.map((a) =>
        a.type === 'mdxJsxAttribute' && typeof a.value === 'string'
          ? { ...a, value: a.value.replaceAll('&', '&amp;') }
          : a,
      ),
    };
  }
  if ('children' in node) {
    const children = node.children as Nodes[];
    let copied: Nodes[] | undefined;
    children.forEach((child, index) => {
      const encoded = encodeAttributeAmpersands(child);
      if (encoded !== child) (copied ??= [...children])[index] = encoded;
    });
    if (copied) out = { ...out, children: copied } as T;
  }
  return out;
}
