import { Problem } from '../../http/problems.js';
import { type Frequency, periodStart, readNumber } from '../indicators/periods.js';

export type ImportFormat =
  | 'unhcr_population'
  | 'unhcr_applications'
  | 'sea_arrivals_year'
  | 'sea_arrivals_month'
  | 'hxl'
  | 'mapping';

/** One value an import proposes, before it is compared with what is stored. */
export interface Candidate {
  row: number;
  indicator: string;
  country: string;
  period: string;
  value: number;
}

/** A row that was not taken, with the reason a person reads in the report. */
export interface RowIssue {
  row: number;
  reason: string;
}

export interface Parsed {
  format: ImportFormat;
  source: string;
  rowCount: number;
  candidates: Candidate[];
  rejected: RowIssue[];
  skipped: RowIssue[];
}

/** What parsing needs to know of the database: countries by ISO code or English name, indicators by code. */
export interface Lookups {
  country(text: string): string | undefined;
  frequency(indicator: string): Frequency | undefined;
}

/** Columns chosen in the interface, by the label in the file's first row. */
export interface ColumnMapping {
  country: string;
  period: string;
  value: string;
  indicator?: string;
}

const UNHCR_SOURCE = 'UNHCR Refugee Data Finder';
const PORTAL_SOURCE = 'UNHCR Operational Data Portal';
const MONTHLY_COUNTRIES: Record<string, string> = { italy: 'IT', greece: 'GR', spain: 'ES', cyprus: 'CY', malta: 'MT' };
// UNHCR's codes for an unknown or stateless country of asylum: such rows cannot be placed on a country.
const UNHCR_UNKNOWN = new Set(['UNK', 'UKN', 'XXA', 'STA']);

const norm = (s: string) => s.trim().toLowerCase();

/** Recognises the file from its first rows: UNHCR tables, the sea-arrival series, or HXL hashtags. */
export function detectFormat(cells: string[][], mapping?: ColumnMapping): ImportFormat {
  const header = (cells[0] ?? []).map(norm);
  if (mapping) return 'mapping';
  if (cells[1]?.some((c) => c.trim().startsWith('#'))) return 'hxl';
  if (header.includes('coa_iso') && header.includes('refugees')) return 'unhcr_population';
  if (header.includes('coa_iso') && header.includes('applied')) return 'unhcr_applications';
  if (header.join(',') === 'country_name,year,individuals') return 'sea_arrivals_year';
  if (header.includes('month') && header.includes('year') && header.some((h) => h.endsWith('_all'))) return 'sea_arrivals_month';
  throw new Problem(
    'validation',
    'The file was not recognised: use a UNHCR Refugee Data Finder table, a UNHCR sea-arrivals series, a sheet with HXL hashtags (#country+code, #date, #indicator+code, #value) in its second row, or choose its columns.',
  );
}

class Collector {
  readonly candidates = new Map<string, Candidate>();
  readonly rejected: RowIssue[] = [];
  readonly skipped: RowIssue[] = [];
  private readonly today = new Date().toISOString().slice(0, 10);
  constructor(private readonly lookups: Lookups) {}

  /** Adds (or, for tables summed by UNHCR's dimensions, adds to) one value. */
  put(row: number, indicator: string, countryText: string, dateText: string, valueText: string, sum = false) {
    const frequency = this.lookups.frequency(indicator);
    if (!frequency) return this.rejected.push({ row, reason: `There is no indicator with the code “${indicator}”.` });
    const country = this.lookups.country(countryText);
    if (!country)
      return this.rejected.push({ row, reason: `“${countryText}” is not a known country (ISO 3166-1 code or English name).` });
    const period = periodStart(dateText, frequency);
    if (!period) return this.rejected.push({ row, reason: `“${dateText}” is not a date for a ${frequency}ly indicator.` });
    // A value for a period that has not begun cannot have been observed: it is a typing error.
    if (period > this.today) {
      return this.rejected.push({
        row,
        reason: `“${dateText}” is in the future: a value is recorded once its period has begun.`,
      });
    }
    const value = readNumber(valueText);
    if (value === 'invalid') return this.rejected.push({ row, reason: `“${valueText}” is not a number.` });
    if (value === null) {
      if (!sum) this.skipped.push({ row, reason: 'No value.' });
      return;
    }
    const key = `${indicator}|${country}|${period}`;
    const existing = this.candidates.get(key);
    if (existing && !sum) {
      return this.rejected.push({
        row,
        reason: `A second value for ${indicator}, ${country}, ${period} (first in row ${existing.row}).`,
      });
    }
    if (existing) existing.value += value;
    else this.candidates.set(key, { row, indicator, country, period, value });
  }
}

function columnIndex(header: string[], name: string): number {
  const index = header.findIndex((h) => norm(h) === norm(name));
  if (index < 0) throw new Problem('validation', `The file has no column “${name}”.`);
  return index;
}

/** Turns a sheet's cells into the values it proposes, with every rejected or skipped row and why. */
export function parseObservations(
  cells: string[][],
  lookups: Lookups,
  options: { format?: ImportFormat; mapping?: ColumnMapping; indicator?: string; source?: string } = {},
): Parsed {
  const format = options.format ?? detectFormat(cells, options.mapping);
  const header = cells[0] ?? [];
  const c = new Collector(lookups);
  let first = 1;
  let source = options.source ?? UNHCR_SOURCE;

  if (format === 'unhcr_population' || format === 'unhcr_applications') {
    const year = columnIndex(header, 'year');
    const coa = columnIndex(header, 'coa_iso');
    const columns =
      format === 'unhcr_population'
        ? ([
            ['refugees_hosted', columnIndex(header, 'refugees')],
            ['asylum_seekers', columnIndex(header, 'asylum_seekers')],
          ] as const)
        : ([['new_asylum_applications', columnIndex(header, 'applied')]] as const);
    for (let i = 1; i < cells.length; i++) {
      const r = cells[i] as string[];
      const code = (r[coa] ?? '').trim();
      if (UNHCR_UNKNOWN.has(code)) {
        c.skipped.push({ row: i + 1, reason: `The country of asylum is unknown (${code}).` });
        continue;
      }
      for (const [indicator, index] of columns) c.put(i + 1, indicator, code, r[year] ?? '', r[index] ?? '', true);
    }
  } else if (format === 'sea_arrivals_year') {
    source = options.source ?? PORTAL_SOURCE;
    for (let i = 1; i < cells.length; i++) {
      const [country = '', year = '', individuals = ''] = cells[i] as string[];
      c.put(i + 1, 'sea_arrivals', country, year, individuals);
    }
  } else if (format === 'sea_arrivals_month') {
    source = options.source ?? PORTAL_SOURCE;
    const month = columnIndex(header, 'month');
    const year = columnIndex(header, 'year');
    const columns = header
      .map((h, index) => [MONTHLY_COUNTRIES[norm(h).replace(/_all$/, '')], index, norm(h).endsWith('_all')] as const)
      .filter(([iso2, , all]) => iso2 && all) as Array<readonly [string, number, boolean]>;
    for (let i = 1; i < cells.length; i++) {
      const r = cells[i] as string[];
      const date = `${(r[year] ?? '').trim()}-${(r[month] ?? '').trim()}`;
      for (const [iso2, index] of columns) c.put(i + 1, 'sea_arrivals_monthly', iso2, date, r[index] ?? '');
    }
  } else {
    let country: number;
    let period: number;
    let value: number;
    let indicator: number;
    let sourceColumn = -1;
    if (format === 'hxl') {
      first = 2;
      const tags = (cells[1] ?? []).map((t) => norm(t).replace(/\s+/g, ''));
      const find = (...names: string[]) => tags.findIndex((t) => names.some((n) => t === n || t.startsWith(`${n}+`)));
      country = find('#country+code', '#country');
      period = find('#date');
      value = find('#value', '#indicator+num', '#indicator+value');
      indicator = find('#indicator+code', '#indicator');
      sourceColumn = find('#meta+source');
      if (country < 0 || period < 0 || value < 0) {
        throw new Problem('validation', 'The HXL row must tag a country (#country+code), a date (#date) and a value (#value).');
      }
    } else {
      const mapping = options.mapping as ColumnMapping;
      country = columnIndex(header, mapping.country);
      period = columnIndex(header, mapping.period);
      value = columnIndex(header, mapping.value);
      indicator = mapping.indicator ? columnIndex(header, mapping.indicator) : -1;
    }
    if (indicator < 0 && !options.indicator) {
      throw new Problem(
        'validation',
        'Say which indicator the values are for: a column of indicator codes, or one indicator for the whole file.',
      );
    }
    for (let i = first; i < cells.length; i++) {
      const r = cells[i] as string[];
      const code = indicator >= 0 ? (r[indicator] ?? '').trim() : (options.indicator as string);
      c.put(i + 1, code, r[country] ?? '', r[period] ?? '', r[value] ?? '');
    }
    if (sourceColumn >= 0 && !options.source) {
      const sources = new Set(
        cells
          .slice(first)
          .map((r) => (r[sourceColumn] ?? '').trim())
          .filter(Boolean),
      );
      source = [...sources].join('; ').slice(0, 500) || 'Imported file';
    } else source = options.source ?? 'Imported file';
  }
  return {
    format,
    source,
    rowCount: Math.max(0, cells.length - first),
    candidates: [...c.candidates.values()],
    rejected: c.rejected,
    skipped: c.skipped,
  };
}
