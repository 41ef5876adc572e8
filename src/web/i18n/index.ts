import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES as LANGUAGE_CODES, type LanguageCode } from '../../server/reference/values.js';
import de from './de.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import it from './it.json';
import { loadProblemDetails } from './problems';
import ru from './ru.json';

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

/** Switches the interface and remembers the person's choice on this device. */
export function chooseLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be disabled; the choice then lasts until the page is reloaded.
  }
  void i18n.changeLanguage(language);
}

/** A signed-in person's own language applies unless they chose another on this device. */
export function adoptAccountLanguage(language: string): void {
  if (!storedChoice() && isLanguage(language) && language !== currentLanguage()) void i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  void loadProblemDetails(language);
});

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: en },
    fr: { translation: fr },
    de: { translation: de },
    it: { translation: it },
    ru: { translation: ru },
    es: { translation: es },
  },
  lng: storedChoice() ?? browserLanguage() ?? 'en',
  fallbackLng: 'en',
  supportedLngs: LANGUAGES.map((language) => language.code),
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
  showSupportNotice: false,
});
void loadProblemDetails(i18n.resolvedLanguage ?? 'en');

export default i18n;
