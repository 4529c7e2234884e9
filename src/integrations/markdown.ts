/**
 * The Markdown/MDX configuration of the site, shared by astro.config.mjs and the tests that
 * compile generated pages: Sätteri's parser features and the handbook's mdast plugins.
 * (Starlight adds its own: `features.directive` and the asides, heading links, code plugins.)
 */
import type { SatteriFeatures } from '@astrojs/markdown-satteri';
import type { MdastPluginDefinition } from 'satteri';
import satteriKatex from './satteri-katex.ts';
import satteriQuestionAnchors from './satteri-question-anchors.ts';

/**
 * Math (`$…$`, `$$…$$`) on; smart punctuation off: source text is data and must render
 * literally (`--lr`, "quotes").
 */
export const markdownFeatures: SatteriFeatures = { math: true, smartPunctuation: false };

/** The handbook's mdast plugins: question heading anchors, then KaTeX. */
export function markdownPlugins(): MdastPluginDefinition[] {
  return [satteriQuestionAnchors(), satteriKatex()];
}
