// @vitest-environment node
import { describe, expect, it } from 'vitest';

/**
 * Every translation file of the web client, the shared ones (`src/web/i18n/*.json`) and each
 * domain's (`src/web/<domain>/i18n/*.json`), found by pattern so that a new domain is checked
 * without being listed here.
 */
const FILES: Record<string, unknown> = {
  ...import.meta.glob('./*.json', { eager: true, import: 'default' }),
  // The server's problem details, loaded per language by the pages (problems.ts).
  ...import.meta.glob('./problems/*.json', { eager: true, import: 'default' }),
  ...import.meta.glob('../*/i18n/*.json', { eager: true, import: 'default' }),
};

const LANGUAGES = ['en', 'fr', 'de', 'it', 'ru', 'es'] as const;
type Language = (typeof LANGUAGES)[number];

/** Share of a translation's strings that may equal English: codes, names, "OK", cognates. */
const MAX_SAME_AS_ENGLISH = 0.15;

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{\s*([^}]+?)\s*\}\}/g;

type Strings = Map<string, string>;

function flatten(value: unknown, prefix: string, into: Strings): Strings {
  if (typeof value === 'string') {
    into.set(prefix, value);
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.set(prefix, `<not a string: ${JSON.stringify(value)}>`);
  }
  return into;
}

/** The plural forms i18next asks for in a language: all Intl categories are allowed, those whole numbers reach are required. */
function pluralForms(language: Language): { allowed: Set<string>; required: Set<string> } {
  const rules = new Intl.PluralRules(language);
  const allowed = new Set<string>(['zero', ...rules.resolvedOptions().pluralCategories]);
  const required = new Set<string>(['other']);
  for (let n = 0; n <= 1000; n++) required.add(rules.select(n));
  return { allowed, required };
}

function placeholders(text: string): Set<string> {
  return new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''));
}

/**
 * The base keys English marks as plural: those with both `<base>_one` and `<base>_other` forms,
 * the two English needs. A code that merely ends in `_other` (`violent_attack_other`) is no plural.
 */
function pluralBases(english: Strings): Set<string> {
  const bases = new Set<string>();
  for (const key of english.keys()) {
    const base = key.slice(0, -'_other'.length);
    if (key.endsWith('_other') && english.has(`${base}_one`)) bases.add(base);
  }
  return bases;
}

/** The key a translated string is compared with: itself, or the base of a plural variant. */
function baseOf(key: string, bases: Set<string>): string {
  const base = key.replace(PLURAL_SUFFIX, '');
  return base !== key && bases.has(base) ? base : key;
}

/** The English strings a key's translation renders: the string itself, or all forms of a plural. */
function englishFor(key: string, english: Strings, bases: Set<string>): string[] {
  const base = baseOf(key, bases);
  if (base === key) return english.has(key) ? [english.get(key) ?? ''] : [];
  return [...english].filter(([other]) => baseOf(other, bases) === base).map(([, text]) => text);
}

const folders = new Map<string, Partial<Record<Language, Strings>>>();
for (const [path, content] of Object.entries(FILES)) {
  const match = /^(.*)\/([a-z]+)\.json$/.exec(path);
  if (!match) continue;
  const dir = match[1] ?? '';
  const folder = dir.startsWith('./') || dir === '.' ? `src/web/i18n${dir.slice(1)}` : `src/web/${dir.slice('../'.length)}`;
  const language = match[2] as Language;
  const entry = folders.get(folder) ?? {};
  entry[language] = flatten(content, '', new Map());
  folders.set(folder, entry);
}

describe('web translations', () => {
  it('finds the shared files and several domains', () => {
    expect([...folders.keys()]).toContain('src/web/i18n');
    expect(folders.size).toBeGreaterThan(2);
  });

  for (const [folder, files] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
    describe(folder, () => {
      it('has exactly the six OSCE languages', () => {
        expect(Object.keys(files).sort()).toEqual([...LANGUAGES].sort());
      });

      const english = files.en;
      if (!english) return;
      const bases = pluralBases(english);
      const englishKeys = new Set([...english.keys()].map((key) => baseOf(key, bases)));

      it('English has no empty string', () => {
        expect([...english].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
      });

      for (const language of LANGUAGES.filter((code) => code !== 'en')) {
        describe(language, () => {
          const translation = files[language];
          if (!translation) return;

          it('has the same keys as English', () => {
            const keys = new Set([...translation.keys()].map((key) => baseOf(key, bases)));
            expect({
              missing: [...englishKeys].filter((key) => !keys.has(key)).sort(),
              extra: [...keys].filter((key) => !englishKeys.has(key)).sort(),
            }).toEqual({ missing: [], extra: [] });
          });

          it("has this language's plural forms where English has plurals", () => {
            const { allowed, required } = pluralForms(language);
            const problems: string[] = [];
            for (const base of bases) {
              const forms = new Set(
                [...translation.keys()]
                  .filter((key) => key !== base && baseOf(key, bases) === base)
                  .map((key) => key.slice(base.length + 1)),
              );
              for (const form of required) if (!forms.has(form)) problems.push(`${base}_${form} missing`);
              for (const form of forms) if (!allowed.has(form)) problems.push(`${base}_${form} is not a ${language} plural form`);
              if (translation.has(base)) problems.push(`${base} without a plural suffix`);
            }
            expect(problems).toEqual([]);
          });

          it('has no empty string', () => {
            expect([...translation].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
          });

          it("keeps English's placeholders and adds none", () => {
            const problems: string[] = [];
            for (const [key, text] of translation) {
              const sources = englishFor(key, english, bases);
              if (sources.length === 0) continue;
              const found = placeholders(text);
              const known = new Set(sources.flatMap((source) => [...placeholders(source)]));
              // A plural form must keep what the English `_other` form shows (it always has {{count}}).
              const needed = placeholders(english.get(`${baseOf(key, bases)}_other`) ?? sources[0] ?? '');
              for (const name of needed) if (!found.has(name)) problems.push(`${key}: {{${name}}} missing`);
              for (const name of found) if (!known.has(name)) problems.push(`${key}: {{${name}}} not in English`);
            }
            expect(problems).toEqual([]);
          });

          it('is translated: few strings are the same as English', () => {
            const same = [...translation].filter(([key, text]) => englishFor(key, english, bases).includes(text));
            const share = same.length / translation.size;
            expect(
              share <= MAX_SAME_AS_ENGLISH,
              `${same.length} of ${translation.size} strings (${Math.round(share * 100)} %) are the same as English, ` +
                `more than ${MAX_SAME_AS_ENGLISH * 100} %: ${same.map(([key]) => key).join(', ')}`,
            ).toBe(true);
          });
        });
      }
    });
  }
});
