/**
 * Names of the Astro components emitted pages use, and the one constant import that brings them
 * in. `@handbook/components` is a Vite alias (astro.config.mjs) for src/components/index.ts, so
 * the import is the same at every directory depth.
 */
import type { MdxjsEsm } from 'mdast-util-mdx';

export const COMPONENTS = {
  question: 'Question',
  meta: 'QuestionMeta',
  answer: 'Answer',
  answerPart: 'AnswerPart',
  noAnswer: 'NoAnswer',
  followUps: 'FollowUps',
  original: 'Original',
  untranslated: 'Untranslated',
} as const;

/** Module specifier of the component barrel. */
export const COMPONENTS_MODULE = '@handbook/components';

/** `import { Question, ... } from '@handbook/components';` as an ESM node. */
export function componentImports(): MdxjsEsm {
  const names = Object.values(COMPONENTS).join(', ');
  return { type: 'mdxjsEsm', value: `import { ${names} } from '${COMPONENTS_MODULE}';` };
}
