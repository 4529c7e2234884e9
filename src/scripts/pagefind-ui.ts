/**
 * The search dialog's Pagefind UI with the handbook's query normalisation (search-query.ts).
 * astro.config.mjs aliases `@pagefind/default-ui` to this module, so Starlight's search
 * component constructs this class; everything else is Pagefind's own UI.
 */
import { PagefindUI as BaseUI } from '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs';
import { normaliseQuery, type SearchTerms } from './search-query.ts';

const lang = document.documentElement.lang === 'en' ? 'en' : 'ru';
let terms: SearchTerms | undefined;

export class PagefindUI extends BaseUI {
  constructor(options: Record<string, unknown>) {
    const base = String(options.baseUrl ?? '/').replace(/\/$/, '');
    // The words of the question index; until they arrive, queries go to Pagefind as typed.
    fetch(`${base}/pagefind-questions/terms.${lang}.json`)
      .then((r) => (r.ok ? r.json() : undefined))
      .then((t: SearchTerms | undefined) => (terms = t))
      .catch(() => undefined);
    super({ ...options, processTerm: (term: string) => (terms ? normaliseQuery(term, terms) : term) });
  }
}
