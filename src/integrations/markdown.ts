/**
 * The Markdown/MDX configuration of the site, shared by astro.config.mjs and the tests that
 * compile generated pages: Sätteri's parser features and the handbook's mdast plugins.
 * (Starlight adds its own: `features.directive` and the asides, heading links, code plugins.)
 */
import { fileURLToPath } from 'node:url';
import type { SatteriFeatures } from '@astrojs/markdown-satteri';
import type { MdastPluginEntry } from 'satteri';
import satteriKatex from './satteri-katex.ts';
import satteriQuestionAnchors from './satteri-question-anchors.ts';

/**
 * Math (`$…$`, `$$…$$`) on; smart punctuation off: source text is data and must render
 * literally (`--lr`, "quotes").
 */
export const markdownFeatures: SatteriFeatures = { math: true, smartPunctuation: false };

/** The component that renders a formula when a page renders (see satteri-katex.ts). */
export const MATH_COMPONENT = {
  name: 'HandbookMath',
  from: fileURLToPath(new URL('../components/HandbookMath.astro', import.meta.url)),
};

/**
 * The handbook's mdast plugins: question heading anchors, then KaTeX.
 * @param inlineMath Inline each formula's HTML (`<Fragment set:html>`) instead of the
 *   {@link MATH_COMPONENT}: for compiling a page on its own, outside Astro.
 */
export function markdownPlugins(inlineMath = false): MdastPluginEntry[] {
  return [satteriQuestionAnchors(), satteriKatex(inlineMath ? undefined : MATH_COMPONENT)];
}
