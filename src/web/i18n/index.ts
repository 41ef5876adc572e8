import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES as LANGUAGE_CODES, type LanguageCode } from '../../server/reference/values.js';
import { loadProblemDetails } from './problems';

export type Language = LanguageCode;

/** Each language named in itself. */
const NAMES: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
  it: 'Italiano',
  ru: 'Русский',
  es: 'Español',
};

/** The six OSCE languages (the one list is the server's reference module), each named in itself. */
export const LANGUAGES: ReadonlyArray<{ code: Language; name: string }> = LANGUAGE_CODES.map((code) => ({
  code,
  name: NAMES[code],
}));

const STORAGE_KEY = 'crossroads.language';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((language) => language.code === value);
}

function storedChoice(): Language | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function browserLanguage(): Language | undefined {
  for (const tag of navigator.languages ?? []) {
    const code = tag.slice(0, 2).toLowerCase();
    if (isLanguage(code)) return code;
  }
  return undefined;
}

/** The language of the interface: i18next's current one, narrowed to the six. */
export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}

type Words = Record<string, unknown>;

/**
 * The words of the interface, loaded one language at a time: the shared files (`./<language>.json`)
 * and each domain's (`../<domain>/i18n/<language>.json`, merged under the domain's folder name),
 * which the build gathers into one file per language (see vite.config.ts). A visitor downloads
 * the words of the language they read, not those of all six.
 */
const SHARED_WORDS = import.meta.glob<Words>('./*.json', { import: 'default' });
const DOMAIN_WORDS = import.meta.glob<Words>('../*/i18n/*.json', { import: 'default' });
const loading = new Map<Language, Promise<void>>();

/** Fetches a language's words once and adds them to i18next; later calls wait for the same load. */
export function loadLanguage(language: Language): Promise<void> {
  let load = loading.get(language);
  if (!load) {
    load = (async () => {
      const shared = SHARED_WORDS[`./${language}.json`];
      if (shared) i18n.addResourceBundle(language, 'translation', await shared(), true, false);
      const domains = Object.entries(DOMAIN_WORDS).flatMap(([file, words]) => {
        const match = /^\.\.\/([^/]+)\/i18n\/([a-z]{2})\.json$/.exec(file);
        return match?.[2] === language ? [{ domain: match[1] as string, words }] : [];
      });
      for (const { domain, words } of await Promise.all(domains.map(async (d) => ({ ...d, words: await d.words() })))) {
        i18n.addResourceBundle(language, 'translation', { [domain]: words }, true, false);
      }
    })();
    // A failed download (the network, say) may be tried again on the next choice.
    load.catch(() => loading.delete(language));
    loading.set(language, load);
  }
  return load;
}

async function switchTo(language: Language): Promise<void> {
  await loadLanguage(language);
  await i18n.changeLanguage(language);
}

/** Switches the interface (once the language's words have arrived) and remembers the person's choice on this device. */
export function chooseLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be disabled; the choice then lasts until the page is reloaded.
  }
  void switchTo(language);
}

/** A signed-in person's own language applies unless they chose another on this device. */
export function adoptAccountLanguage(language: string): void {
  if (!storedChoice() && isLanguage(language) && language !== currentLanguage()) void switchTo(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  void loadProblemDetails(language);
});

const initialLanguage: Language = storedChoice() ?? browserLanguage() ?? 'en';

void i18n.use(initReactI18next).init({
  resources: {},
  partialBundledLanguages: true,
  lng: initialLanguage,
  fallbackLng: 'en',
  supportedLngs: LANGUAGES.map((language) => language.code),
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
  showSupportNotice: false,
});
void loadProblemDetails(i18n.resolvedLanguage ?? 'en');

/** Settles once the first language's words are in: the application renders after it. */
export const languageReady: Promise<void> = loadLanguage(initialLanguage);

export default i18n;
