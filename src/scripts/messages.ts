/**
 * The page scripts' UI strings: message templates the component writes as `data-msg-*`
 * attributes of the script's root (`t(lang, key, { count: '{count}' })`), filled in here.
 */
export function messages(root: HTMLElement): (name: string, vars?: Record<string, string | number>) => string {
  return (name, vars = {}) => (root.dataset[name] ?? '').replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
