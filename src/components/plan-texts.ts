/**
 * Texts the plan components share (PlanItem, SheetQuestion, PlanProgress, PlanSheet): a
 * question's minutes, and what the scripts of a custom plan's page and sheet read from their
 * root element (src/scripts/custom-plan.ts, custom-sheet.ts).
 */
import type { Lang } from '../ingest/model.ts';
import { t } from '../data/handbook.ts';

/** "3 мин", or "≈ 3 мин" for an estimate. */
export const minutesText = (lang: Lang, minutes: number, estimated?: boolean): string =>
  t(lang, estimated ? 'handbook.plans.minutesEstimate' : 'handbook.plans.minutes', { minutes });

/** Root attributes of a custom plan's page or sheet: the edition, the pool, the default title, summary and minutes templates. */
export function customPlanAttributes(lang: Lang): Record<`data-${string}`, string> {
  return {
    'data-lang': lang,
    'data-pool': '/plans/pool.json',
    'data-default-title': t(lang, 'handbook.custom.defaultTitle'),
    'data-msg-summary': t(lang, 'handbook.plans.summaryEstimate', { count: '{count}', minutes: '{minutes}' }),
    'data-msg-summary-exact': t(lang, 'handbook.plans.summary', { count: '{count}', minutes: '{minutes}' }),
    'data-msg-min': t(lang, 'handbook.plans.minutesEstimate', { minutes: '{minutes}' }),
    'data-msg-min-exact': t(lang, 'handbook.plans.minutes', { minutes: '{minutes}' }),
  };
}
