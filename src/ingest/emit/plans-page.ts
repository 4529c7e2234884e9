/**
 * `_data/plans.json`: the prep plans (content/plans/*.yaml, validated by src/ingest/plans.ts)
 * with what their pages show that links.json lacks: each item's follow-ups per language.
 * The pages themselves are Astro routes (src/pages/[...lang]/plans/) rendering
 * src/components/PlanProgress.astro; question titles, topics and minutes come from links.json.
 */
import { toString } from 'mdast-util-to-string';
import type { LevelGuideText, PerLang, PlanData, PlanDataItem, PlanLevel } from '../../data/contract.ts';
import { hasAnswer, type Handbook, type Lang, type Question } from '../model.ts';
import type { Plan } from '../plans.ts';
import { guideIn, levelTexts, type OutlineGuide } from '../levels.ts';
import { localize } from './localize.ts';

/** The expected answer of an answered question in short: its short answer, else the first answer part, as plain text. */
export function expectedAnswer(q: Question, lang: Lang, labels: NonNullable<Handbook['labels']>): string {
  const answer = localize(q, lang, labels).answer;
  const part = answer.short ?? answer.detailed ?? answer.howToSay ?? answer.mistakes;
  return part ? summaryText(toString(part.value)) : '';
}

/** At most `max` characters of `text`, cut at a word and marked with an ellipsis. */
export function summaryText(text: string, max = 420): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
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
    estimated: plan.sections.some((s) => s.items.some((item) => byId.get(item.id)!.minutesEstimated)),
    ...(plan.level ? { level: planLevel(plan, handbook, perLang) } : {}),
    count: plan.sections.reduce((n, s) => n + s.items.length, 0),
    sections: plan.sections.map((section) => ({
      title: perLang((lang) => section.title[lang]),
      items: section.items.map((item): PlanDataItem => {
        const q = byId.get(item.id)!;
        const local = (lang: Lang) => localize(q, lang, handbook.labels ?? {});
        const out: PlanDataItem = { id: item.id };
        if (q.followUps.length > 0) {
          out.followUps = perLang((lang) => local(lang).followUps?.value ?? q.followUps);
          if (item.followUps) out.showFollowUps = true;
        }
        if (hasAnswer(q)) out.expected = perLang((lang) => expectedAnswer(q, lang, handbook.labels ?? {}));
        return out;
      }),
    })),
  }));
}

/** The level of a level plan with its guide texts per language (the outline's curated translations). */
function planLevel(plan: Plan, handbook: Handbook, perLang: <T>(of: (lang: Lang) => T) => PerLang<T>): PlanLevel {
  const { level, source } = plan.level!;
  const outline: OutlineGuide | undefined = handbook.guides?.find((g) => g.file === source);
  const guide = outline?.levels.find((l) => l.level === level);
  const minutes = guide?.minutes;
  const fit =
    minutes === undefined
      ? undefined
      : plan.totalMinutes < minutes[0]
        ? 'under'
        : plan.totalMinutes > minutes[1]
          ? 'over'
          : 'within';
  return {
    level,
    source,
    ...(guide?.questionCount ? { questionCount: guide.questionCount } : {}),
    ...(minutes ? { minutes } : {}),
    ...(fit ? { fit } : {}),
    guide: perLang((lang): LevelGuideText => {
      if (!outline) return { expectations: [], criteria: [], redFlags: [], recommendations: [], notes: [] };
      const { texts, untranslated } = guideIn(outline, lang);
      return {
        ...levelTexts(texts, level),
        notes: texts.notes,
        ...(untranslated ? { untranslated: true as const } : {}),
      };
    }),
  };
}
