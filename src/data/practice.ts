/**
 * Build-time data of the practice, progress and home "due today" blocks
 * (src/scripts/srs.ts `PageData`): the edition's UI strings (`{{name}}` placeholders become
 * `{name}` for the scripts), the topics and the plans with their question ids.
 */
import ru from '../content/i18n/ru.json' with { type: 'json' };
import en from '../content/i18n/en.json' with { type: 'json' };
import type { Lang } from '../ingest/model.ts';
import type { PageData } from '../scripts/srs.ts';
import { langPrefix, links, plans } from './handbook.ts';

const dictionaries: Record<Lang, Record<string, string>> = { ru, en };

/** Strings under `handbook.practice.` and `handbook.progress.`, keyed without the `handbook.` prefix. */
function scriptStrings(lang: Lang): Record<string, string> {
  return Object.fromEntries(
    Object.entries(dictionaries[lang])
      .filter(([key]) => key.startsWith('handbook.practice.') || key.startsWith('handbook.progress.'))
      .map(([key, value]) => [key.slice('handbook.'.length), value.replace(/\{\{\s*(\w+)\s*\}\}/g, '{$1}')]),
  );
}

export function practiceData(lang: Lang): PageData {
  return {
    lang,
    prefix: langPrefix(lang),
    strings: scriptStrings(lang),
    topics: links.topics.map((topic) => ({ id: topic.id, name: topic.name[lang] ?? topic.id })),
    plans: plans.map((plan) => ({
      id: plan.id,
      title: plan.title[lang] ?? plan.id,
      ids: plan.sections.flatMap((section) => section.items.map((item) => item.id)),
    })),
  };
}

/** The data as the text of a `<script type="application/json">` (no `</script>` inside). */
export function practiceJson(lang: Lang): string {
  return JSON.stringify(practiceData(lang)).replace(/</g, '\\u003c');
}

/** Number of questions per topic id. */
export function topicCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const q of links.questions) counts.set(q.topic, (counts.get(q.topic) ?? 0) + 1);
  return counts;
}
