/**
 * Serialisation safety: source text in every position an emitted page uses must come back from
 * the MDX parser as the same literal text (no JSX, expressions, ESM, math, directives, markup).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BlockContent, PhrasingContent, Root } from 'mdast';
import { defaultHandlers, toMarkdown } from 'mdast-util-to-markdown';
import { mdxOptions, toMdx } from '../../src/ingest/emit/serialize.ts';
import { jsx } from '../../src/ingest/emit/mdx-nodes.ts';
import { ADVERSARIAL } from '../fixtures/emit/handbook.ts';
import { literalText, nodesOfType, parseMdx } from './mdx-parse.ts';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const para = (value: string): BlockContent => ({ type: 'paragraph', children: [text(value)] });

/** The same text placed in each context a page uses; `pick` finds it again after parsing. */
const contexts: Record<string, { build: (value: string) => Root; pick: (tree: Root) => string }> = {
  'top-level paragraph': {
    build: (v) => ({ type: 'root', children: [para(v)] }),
    pick: (tree) => literalText(tree.children[0]),
  },
  'paragraph nested in JSX': {
    build: (v) => ({
      type: 'root',
      children: [jsx('Question', { id: 'q' }, [jsx('Answer', {}, [jsx('AnswerPart', { kind: 'short' }, [para(v)])])])],
    }),
    pick: (tree) => nodesOfType(tree, 'paragraph').map(literalText).join('\n\n'),
  },
  'heading in JSX': {
    build: (v) => ({
      type: 'root',
      children: [jsx('Question', { id: 'q' }, [{ type: 'heading', depth: 3, children: [text(v)] }])],
    }),
    pick: (tree) => nodesOfType(tree, 'heading').map(literalText).join(''),
  },
  'list item in JSX': {
    build: (v) => ({
      type: 'root',
      children: [
        jsx('FollowUps', {}, [
          {
            type: 'list',
            ordered: false,
            spread: false,
            children: [{ type: 'listItem', spread: false, children: [para(v)] }],
          },
        ]),
      ],
    }),
    pick: (tree) => nodesOfType(tree, 'listItem').map(literalText).join(''),
  },
  'table cell': {
    build: (v) => ({
      type: 'root',
      children: [
        { type: 'table', children: [{ type: 'tableRow', children: [{ type: 'tableCell', children: [text(v)] }] }] },
      ],
    }),
    pick: (tree) => nodesOfType(tree, 'tableCell').map(literalText).join(''),
  },
  'caution aside in JSX': {
    build: (v) => ({
      type: 'root',
      children: [
        jsx('AnswerPart', { kind: 'mistakes' }, [
          {
            type: 'containerDirective',
            name: 'caution',
            attributes: {},
            children: [{ type: 'paragraph', data: { directiveLabel: true }, children: [text(v)] }, para(v)],
          },
        ]),
      ],
    }),
    pick: (tree) =>
      nodesOfType(tree, 'containerDirective')
        .map((d) => d.children.map(literalText).join('|'))
        .join(''),
  },
};

/** Trim whitespace at the edges of each `|`-separated block text. */
const edgeTrim = (value: string): string =>
  value
    .split('|')
    .map((part) => part.trim())
    .join('|');

describe('toMdx escapes source text', () => {
  for (const [name, { build, pick }] of Object.entries(contexts)) {
    describe(name, () => {
      it.each(ADVERSARIAL)('%s', (value) => {
        const mdx = toMdx(build(value));
        const tree = parseMdx(mdx);
        const expected = name === 'caution aside in JSX' ? `${value}|${value}` : value;
        expect(pick(tree)).toBe(expected);
        // Nothing but the JSX we built: no expressions, ESM, raw JSX from text, or math.
        for (const type of [
          'mdxjsEsm',
          'mdxFlowExpression',
          'mdxTextExpression',
          'mdxJsxTextElement',
          'inlineMath',
          'math',
          'html',
          'textDirective',
          'leafDirective',
        ] as const) {
          expect(nodesOfType(tree, type), `${type} in ${JSON.stringify(mdx)}`).toEqual([]);
        }
      });
    });
  }

  it('keeps `$5 and $10` out of math and escapes the dollars', () => {
    const mdx = toMdx({ type: 'root', children: [para('$5 and $10')] });
    expect(mdx).toBe('\\$5 and \\$10\n');
  });

  it('encodes a paragraph starting with import/export so MDX does not read ESM', () => {
    expect(toMdx({ type: 'root', children: [para('import torch')] })).toBe('&#x69;mport torch\n');
    expect(toMdx({ type: 'root', children: [para('export default 1')] })).toBe('&#x65;xport default 1\n');
    // Only at the start of a line: mid-sentence stays readable.
    expect(toMdx({ type: 'root', children: [para('we import torch')] })).toBe('we import torch\n');
  });

  it('round-trips JSX attribute values literally', () => {
    for (const value of [...ADVERSARIAL, 'say "hi"', "it's", 'a\nb']) {
      const tree = parseMdx(toMdx({ type: 'root', children: [jsx('QuestionMeta', { source: value })] }));
      const [element] = nodesOfType(tree, 'mdxJsxFlowElement');
      expect(element.attributes).toEqual([expect.objectContaining({ name: 'source', value })]);
    }
  });

  it('property: any string in any context parses back to the same text', () => {
    const alphabet = fc.constantFrom(
      ...'ab import export {}<>$\\`*_~#|:[]()!&;\n\t-+=.,"\'/1'.split(''),
      'import ',
      'export ',
      '$$',
      ':::',
      '<!--',
      '```',
      '\n\n',
      'http://x.y',
      'www.x.y',
    );
    const arbitraryText = fc.array(alphabet, { maxLength: 30 }).map((parts) => parts.join(''));
    for (const [name, { build, pick }] of Object.entries(contexts)) {
      fc.assert(
        fc.property(fc.oneof(arbitraryText, fc.string({ maxLength: 30 })), (value) => {
          fc.pre(value.trim().length > 0);
          const parsed = pick(parseMdx(toMdx(build(value))));
          const expected = name === 'caution aside in JSX' ? `${value}|${value}` : value;
          // Whitespace at the edges of a block (heading, cell, label) is not content in markdown.
          expect(edgeTrim(parsed)).toBe(edgeTrim(expected));
        }),
        { numRuns: 500 },
      );
    }
  });

  it('property: filtering the unsafe patterns by character changes no output', () => {
    // The default root handler last: the filter (installed by the options' root handler) is off.
    const unfiltered = {
      ...mdxOptions,
      extensions: [...(mdxOptions.extensions ?? []), { handlers: { root: defaultHandlers.root } }],
    };
    const alphabet = fc.constantFrom(
      ...'ab import export {}<>$\\`*_~#|:[]()!&;\n\t-+=.,"\'/1 '.split(''),
      '&amp;',
      '1.',
      '- ',
      '# ',
      '$$',
      ':::',
    );
    const arbitraryText = fc.array(alphabet, { maxLength: 30 }).map((parts) => parts.join(''));
    for (const { build } of Object.values(contexts)) {
      fc.assert(
        fc.property(fc.oneof(arbitraryText, fc.string({ maxLength: 30 })), (value) => {
          expect(toMdx(build(value))).toBe(toMarkdown(build(value), unfiltered));
        }),
        { numRuns: 300 },
      );
    }
  });
});
