/**
 * Misconception notes.
 *
 * A page marks a common mistake with a `Заблуждение: <claim>` line followed by a paragraph
 * that explains it. The pair becomes a `caution` block (title = the claim, children = the
 * explanation), which the emitter renders as a caution aside.
 */
import type { BlockContent, PhrasingContent } from 'mdast';

const LABEL = /^(?:Заблуждение|Misconception):\s*(\S.*)$/;

/** The claim of a misconception line, or null when the line is not one. */
export function misconceptionTitle(line: string): string | null {
  const m = LABEL.exec(line.trim());
  return m ? m[1].trim() : null;
}

/** The model's custom `caution` block node. */
export interface Caution {
  type: 'caution';
  title: PhrasingContent[];
  children: BlockContent[];
}

/** A caution block; typed as block content so it can sit in a root (mdast has no such node). */
export function caution(title: PhrasingContent[], children: BlockContent[]): BlockContent {
  const node: Caution = { type: 'caution', title, children };
  return node as unknown as BlockContent;
}
