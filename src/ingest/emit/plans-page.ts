/**
 * `_data/plans.json`: the prep plans (content/plans/*.yaml, validated by src/ingest/plans.ts)
 * with what their pages show that links.json lacks: each item's follow-ups per language.
 * The pages themselves are Astro routes (src/pages/plans/, src/pages/en/plans/) rendering
 * src/components/PlanProgress.astro; question titles, topics and minutes come from links.json.
 */
import type { Handbook, Lang } from '../model.ts';
import type { Plan } from '../plans.ts';
import { localize } from './localize.ts';

type PerLang<T> = Partial<Record<Lang, T>>;

export interface PlanData {
  id: string;
  title: PerLang<string>;
  description: PerLang<string>;
  minutes?: number;
  totalMinutes: number;
  count: number;
  sections: { title: PerLang<string>; items: { id: string; followUps?: PerLang<string[]> }[] }[];
}

/** Plans in list order, localized for `langs`. */
export function plansData(handbook: Handbook, langs: readonly Lang[]): PlanData[] {
  const byId = new Map(handbook.questions.map((q) => [q.id, q]));
  const perLang = <T>(of: (lang: Lang) => T): PerLang<T> => Object.fromEntries(langs.map((lang) => [lang, of(lang)]));
  return (handbook.plans ?? []).map((plan: Plan) => ({
    id: plan.id,
    title: perLang((lang) => plan.title[lang]),
    description: perLang((lang) => plan.description[lang]),
    ...(plan.minutes !== undefined ? { minutes: plan.minutes } : {}),
    totalMinutes: plan.totalMinutes,
    count: plan.sections.reduce((n, s) => n + s.items.length, 0),
    sections: plan.sections.map((section) => ({
      title: perLang((lang) => section.title[lang]),
      items: section.items.map((item) => {
        const q = byId.get(item.id)!;
        if (!item.followUps || q.followUps.length === 0) return { id: item.id };
        return {
          id: item.id,
          followUps: perLang((lang) => localize(q, lang, handbook.labels ?? {}).followUps?.value ?? q.followUps),
        };
      }),
    })),
  }));
}
