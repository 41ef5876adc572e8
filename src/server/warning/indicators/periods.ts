export type Frequency = 'month' | 'quarter' | 'year';

/**
 * The first day of the period of the given frequency that contains a date written as `YYYY`,
 * `YYYY-MM`, `YYYY-Qn`, `YYYY-MM-DD` (or `YYYY/MM`), or null when the text is not a date.
 * A year alone cannot name a month or a quarter.
 */
export function periodStart(text: string, frequency: Frequency): string | null {
  const t = text.trim();
  let year: number;
  let month: number | null = null;
  const yearOnly = /^(\d{4})(?:\.0+)?$/.exec(t);
  const quarter = /^(\d{4})-?Q([1-4])$/i.exec(t);
  const date = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?(?:T.*)?$/.exec(t);
  if (yearOnly) year = Number(yearOnly[1]);
  else if (quarter) {
    year = Number(quarter[1]);
    month = (Number(quarter[2]) - 1) * 3 + 1;
  } else if (date) {
    year = Number(date[1]);
    month = Number(date[2]);
    const day = date[3] === undefined ? 1 : Number(date[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  } else return null;
  if (year < 1900 || year > 2200) return null;
  if (frequency === 'year') return `${year}-01-01`;
  if (month === null) return null;
  const first = frequency === 'quarter' ? Math.floor((month - 1) / 3) * 3 + 1 : month;
  return `${year}-${String(first).padStart(2, '0')}-01`;
}

/** How a period reads: 2015, 2015-Q2 or 2015-03. */
export function periodLabel(period: string, frequency: Frequency): string {
  const year = period.slice(0, 4);
  if (frequency === 'year') return year;
  const month = Number(period.slice(5, 7));
  return frequency === 'quarter' ? `${year}-Q${Math.floor((month - 1) / 3) + 1}` : period.slice(0, 7);
}

/** Reads a number as a spreadsheet writes it: `1,234`, `1 234`, `12.5`; empty or NA is null. */
export function readNumber(text: string): number | null | 'invalid' {
  const t = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (t === '' || /^(na|n\/a|-|\.\.)$/i.test(t)) return null;
  const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? t.replace(/,/g, '') : t;
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(plain)) return 'invalid';
  const n = Number(plain);
  return Number.isFinite(n) ? n : 'invalid';
}
