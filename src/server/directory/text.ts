/**
 * Text as the directory compares it: lower case, without accents. The database folds the same way
 * (directory_fold in the migration); this copy matches names in memory during an import.
 */
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ħ: 'h',
  ŧ: 't',
  ı: 'i',
  ð: 'd',
  ĳ: 'ij',
};

export function fold(value: string): string {
  return value
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßæœþøđłħŧıðĳ]/g, (c) => SPECIAL[c] ?? c)
    .replace(/[’ʼ`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a search as typed, for directory_query: letters and digits only, at most 12 words. */
export function searchWords(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12)
    .map((w) => w.slice(0, 60));
}
