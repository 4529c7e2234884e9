/**
 * UI strings the emitter needs (page intros, table headers, sidebar labels). They live in the
 * same Starlight i18n files the components read (`src/content/i18n/<lang>.json`), so each
 * string is defined once per language.
 */
import ru from '../../content/i18n/ru.json' with { type: 'json' };
import en from '../../content/i18n/en.json' with { type: 'json' };
import type { Lang } from '../model.ts';

const dictionaries: Record<Lang, Record<string, string>> = { ru, en };

/**
 * Look up a UI string and fill `{{name}}` placeholders (i18next syntax, as in the components).
 * @throws when the key is missing, so a typo fails the build instead of printing the key.
 */
export function t(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const template = dictionaries[lang][key];
  if (template === undefined) throw new Error(`Missing UI string "${key}" for ${lang}`);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`Missing value "${name}" for UI string "${key}"`);
    return String(vars[name]);
  });
}
