/**
 * Components used by generated MDX pages (imported via the `@handbook/components` alias).
 */
export { default as Question } from './Question.astro';
export { default as QuestionMeta } from './QuestionMeta.astro';
export { default as Answer } from './Answer.astro';
export { default as AnswerPart } from './AnswerPart.astro';
export { default as NoAnswer } from './NoAnswer.astro';
export { default as FollowUps } from './FollowUps.astro';
export { default as Original } from './Original.astro';
export { default as Untranslated } from './Untranslated.astro';
export { default as StudyGuideCover } from './StudyGuideCover.astro';
export { default as StudyGuideToc } from './StudyGuideToc.astro';
export { default as DueToday } from './DueToday.astro';
