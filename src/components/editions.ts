/**
 * The two editions as route parameters: one page file `src/pages/[...lang]/…` serves the Russian
 * edition at the root (`lang` undefined) and the English one under `/en/`.
 */
import { LANGS, type Lang } from '../ingest/model.ts';
import { plans } from '../data/handbook.ts';

export interface EditionProps {
  lang: Lang;
}

type Params = Record<string, string | undefined>;

/**
 * Static paths of a page that exists once per edition; `each` lists the paths of one edition
 * for a page with more parameters (a plan, a question id), their props get the `lang`.
 */
export function editionPaths<P extends object = object>(
  each: (lang: Lang) => { params: Params; props?: P }[] = () => [{ params: {} }],
): { params: Params & { lang: string | undefined }; props: P & EditionProps }[] {
  return LANGS.flatMap((lang) =>
    each(lang).map(({ params, props }) => ({
      params: { ...params, lang: lang === 'ru' ? undefined : lang },
      props: { ...(props as P), lang },
    })),
  );
}

/** Static paths of a page per prep plan and edition (the plan page, its sheet). */
export const planPaths = () =>
  editionPaths(() => plans.map((plan) => ({ params: { plan: plan.id }, props: { plan } })));
