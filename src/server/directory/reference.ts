import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { LANGUAGES, type LanguageCode } from '../reference/values.js';
import { fold, searchWords } from './text.js';

type Lang = LanguageCode;

export interface Named {
  code: string;
  names: Record<Lang, string>;
}

/** The reference lists the directory names things with, loaded once per request or import. */
export interface Reference {
  countries: Map<string, Named & { iso3: string }>;
  keyAreas: Map<string, Named>;
  competences: Map<string, Named & { dimension: string }>;
  languages: Map<string, Named>;
  dimensions: Map<string, Named>;
}

type NameRow = { name_en: string; name_fr: string; name_de: string; name_it: string; name_ru: string; name_es: string };
const namesOf = (row: NameRow): Record<Lang, string> => ({
  en: row.name_en,
  fr: row.name_fr,
  de: row.name_de,
  it: row.name_it,
  ru: row.name_ru,
  es: row.name_es,
});

let cached: { at: number; db: Kysely<DB>; value: Promise<Reference & { translations: Map<string, Set<string>> }> } | undefined;

/** The reference lists with their translation index, read again after a minute (reference data is editable). */
export function cachedReference(db: Kysely<DB>) {
  if (!cached || cached.db !== db || Date.now() - cached.at > 60_000) {
    const value = loadReference(db).then((ref) => ({ ...ref, translations: translationIndex(ref) }));
    cached = { at: Date.now(), db, value };
    value.catch(() => {
      cached = undefined;
    });
  }
  return cached.value;
}

export async function loadReference(db: Kysely<DB>): Promise<Reference> {
  const [countries, keyAreas, competences, languages, dimensions] = await Promise.all([
    db.selectFrom('country').selectAll().execute(),
    db.selectFrom('key_area').selectAll().execute(),
    db.selectFrom('competence').selectAll().execute(),
    db.selectFrom('language').selectAll().execute(),
    db.selectFrom('dimension').selectAll().execute(),
  ]);
  return {
    countries: new Map(countries.map((c) => [c.iso2, { code: c.iso2, iso3: c.iso3, names: namesOf(c) }])),
    keyAreas: new Map(keyAreas.map((k) => [k.code, { code: k.code, names: namesOf(k) }])),
    competences: new Map(competences.map((k) => [k.code, { code: k.code, dimension: k.dimension_code, names: namesOf(k) }])),
    languages: new Map(languages.map((k) => [k.code, { code: k.code, names: namesOf(k) }])),
    dimensions: new Map(dimensions.map((k) => [k.code, { code: k.code, names: namesOf(k) }])),
  };
}

/** The English names of the codes, for the search document (other languages are matched through them). */
export function englishNames(list: Map<string, Named>, codes: readonly string[]): string {
  return codes
    .map((code) => list.get(code)?.names.en ?? '')
    .filter(Boolean)
    .join(' ');
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * English words that carry no topic: an alternative such as "and" would match nearly every record.
 * (PostgreSQL's English stop words of three letters or more, and the joining words of the names.)
 */
const ENGLISH_FILLERS = new Set(
  'all along and any are but can for from had has have her his how its not off our out own per she than that the their them then there these they this those too via was were what when where which who why will with you'.split(
    ' ',
  ),
);

/** Whether two folded words are forms of one word: a long common beginning and short endings ("торговля", "торговлей"). */
function sameWord(a: string, b: string): boolean {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n >= STEM && a.length - n <= 3 && b.length - n <= 3;
}
const STEM = 6;

/** The words grouped by their first letters: the forms of a word (sameWord) are in one group. */
function stemGroups(words: Iterable<string>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const word of words) {
    if (word.length < STEM) continue;
    const stem = word.slice(0, STEM);
    groups.set(stem, [...(groups.get(stem) ?? []), word]);
  }
  return groups;
}

/** The forms of `word` among the grouped words, itself excepted. */
function otherForms(word: string, groups: Map<string, string[]>): string[] {
  return (groups.get(word.slice(0, STEM)) ?? []).filter((other) => other !== word && sameWord(other, word));
}

/** Whether a foreign word and an English word look alike: they begin alike ("réfugiés", "refugees"). */
function cognate(foreign: string, english: string): boolean {
  return Math.min(foreign.length, english.length) >= 5 && foreign.slice(0, 5) === english.slice(0, 5);
}

/** The words of `a` that `b` also holds, in some form. */
function common(a: string[], b: string[]): string[] {
  return a.filter((x) => b.some((y) => fold(x) === fold(y) || sameWord(fold(x), fold(y))));
}

/**
 * For each word of a name in French, German, Italian, Russian or Spanish, the English words it
 * stands for: the search document holds English names, so "Сербия" is also looked for as "Serbia".
 * A word is given, of the English name's words, those it looks like ("réfugiés": refugees); else
 * those every name holding the word (in any of its forms) shares ("людьми", in three names about
 * trafficking: trafficking); else all of them ("Сербия": Serbia). Giving every word of every name
 * would make "Menschenhandel" also mean "routes" and "crime", and match nearly everything.
 */
export function translationIndex(ref: Reference): Map<string, Set<string>> {
  // Every foreign word, with the English words of each name it appears in.
  const seen = new Map<string, string[][]>();
  for (const list of [ref.countries, ref.keyAreas, ref.competences] as Map<string, Named>[]) {
    for (const item of list.values()) {
      const english = item.names.en.match(WORD)?.filter((w) => w.length > 2 && !ENGLISH_FILLERS.has(fold(w))) ?? [];
      const own = new Set((item.names.en.match(WORD) ?? []).map(fold));
      const words = new Set(
        LANGUAGES.flatMap((lang) => (item.names[lang].match(WORD) ?? []).map(fold)).filter((w) => w.length >= 3 && !own.has(w)),
      );
      for (const word of words) seen.set(word, [...(seen.get(word) ?? []), english]);
    }
  }
  const groups = stemGroups(seen.keys());
  const index = new Map<string, Set<string>>();
  for (const [word, own] of seen) {
    const names = [...own, ...otherForms(word, groups).flatMap((other) => seen.get(other) ?? [])];
    const alike = new Set(names.flat().filter((e) => cognate(word, fold(e))));
    const shared = names.length > 1 ? names.reduce(common) : [];
    index.set(word, alike.size > 0 ? alike : new Set(shared.length > 0 ? shared : names.flat()));
  }
  return index;
}

/** The words of each translation index grouped by stem, made once per index. */
const indexGroups = new WeakMap<Map<string, Set<string>>, Map<string, string[]>>();

/** The English words a folded word stands for: its own entry, else that of another form of it. */
function translationsOf(word: string, index: Map<string, Set<string>>): Set<string> | undefined {
  const own = index.get(word);
  if (own) return own;
  let groups = indexGroups.get(index);
  if (!groups) {
    groups = stemGroups(index.keys());
    indexGroups.set(index, groups);
  }
  const [other] = otherForms(word, groups);
  return other === undefined ? undefined : index.get(other);
}

/** The words of a search with their English alternatives, as directory_query takes them. */
export function withTranslations(words: string[], index: Map<string, Set<string>>): string[] {
  return words.map((word) => {
    const alternatives = translationsOf(fold(word), index);
    return alternatives && alternatives.size <= 12 ? [word, ...alternatives].join(' ') : word;
  });
}

/** An index from every folded name and code of a list to its code, for reading spreadsheets. */
export function nameIndex(list: Map<string, Named & { iso3?: string }>): Map<string, string> {
  const index = new Map<string, string>();
  for (const item of list.values()) {
    index.set(fold(item.code), item.code);
    if (item.iso3) index.set(fold(item.iso3), item.code);
    for (const lang of LANGUAGES) index.set(fold(item.names[lang]), item.code);
  }
  return index;
}

/** The text a contact or activity is also found by: its organisation, topics and countries by name. */
export function searchTextOf(
  ref: Reference,
  parts: { organisation: string; keyAreas?: readonly string[]; competences?: readonly string[]; countries?: readonly string[] },
): string {
  return [
    parts.organisation,
    englishNames(ref.keyAreas, parts.keyAreas ?? []),
    englishNames(ref.competences, parts.competences ?? []),
    englishNames(ref.countries, parts.countries ?? []),
  ]
    .filter(Boolean)
    .join(' ');
}

/** The words of a search as directory_query takes them, each with its English alternatives. */
export async function searchTerms(db: Kysely<DB>, text: string | undefined): Promise<string[]> {
  const words = searchWords(text);
  if (words.length === 0) return words;
  return withTranslations(words, (await cachedReference(db)).translations);
}
