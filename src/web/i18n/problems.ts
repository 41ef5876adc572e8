import i18n from 'i18next';

/**
 * The server's problem details in the six languages (`problems/<language>.json`, the English one
 * written from the server's catalogue by `scripts/problem-details.mjs`). Each language is a chunk of
 * its own, loaded when the language is chosen, so that the first page carries none of them.
 */
const BUNDLES = import.meta.glob<Record<string, Record<string, string>>>('./problems/*.json', { import: 'default' });

const loaded = new Set<string>();

export async function loadProblemDetails(language: string): Promise<void> {
  const load = BUNDLES[`./problems/${language}.json`];
  if (!load || loaded.has(language)) return;
  loaded.add(language);
  try {
    i18n.addResourceBundle(language, 'translation', { problemDetail: await load() }, true, true);
  } catch {
    // The sentence as sent (English) is shown until the language's details arrive.
    loaded.delete(language);
  }
}

/**
 * A problem detail in the reader's language: the catalogue's sentence under `key` with its
 * parameters, else the English sentence the server sent.
 */
export function translatedDetail(
  key: string | undefined,
  params: Record<string, string> | undefined,
  sent: string | undefined,
): string | undefined {
  if (!key) return sent;
  const path = `problemDetail.${key}`;
  const language = i18n.resolvedLanguage ?? 'en';
  if (!i18n.exists(path, { lng: language, fallbackLng: [] })) {
    void loadProblemDetails(language);
    return sent;
  }
  return i18n.t(path, { ...params, lng: language, defaultValue: sent ?? '' });
}
