/**
 * Builders for the MDX-specific mdast nodes of emitted pages: JSX elements and YAML
 * frontmatter. Attribute values are always plain strings (never expressions), so source
 * data can only ever end up as a quoted, entity-escaped attribute value.
 */
import type { BlockContent, DefinitionContent, Yaml } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx';
import { stringify } from 'yaml';

/** Attribute map; `undefined` / empty values are dropped. */
export type JsxAttrs = Record<string, string | number | undefined>;

/**
 * A block-level JSX element `<name attrs>children</name>` (self-closing when childless).
 * @param name Component name, e.g. `Question`.
 * @param attrs String attributes; insertion order is kept, empty values are skipped.
 * @param children Flow content.
 */
export function jsx(
  name: string,
  attrs: JsxAttrs = {},
  children: (BlockContent | DefinitionContent | MdxJsxFlowElement)[] = [],
): MdxJsxFlowElement {
  const attributes: MdxJsxAttribute[] = [];
  for (const [attrName, value] of Object.entries(attrs)) {
    if (value === undefined || value === '') continue;
    attributes.push({ type: 'mdxJsxAttribute', name: attrName, value: String(value) });
  }
  return { type: 'mdxJsxFlowElement', name, attributes, children: children as MdxJsxFlowElement['children'] };
}

/** A YAML frontmatter node; `data` is serialised by the `yaml` package (always valid YAML). */
export function yamlNode(data: Record<string, unknown>): Yaml {
  return { type: 'yaml', value: stringify(data, { lineWidth: 0 }).trimEnd() };
}
