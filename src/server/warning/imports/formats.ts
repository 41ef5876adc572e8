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
  /** What the import did to the source: which rows and columns it summed, kept apart, dropped or skipped. */
  method: string;
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

export const UNHCR_SOURCE = 'UNHCR Refugee Data Finder';
const PORTAL_SOURCE = 'UNHCR Operational Data Portal';
const MONTHLY_COUNTRIES: Record<string, string> = { italy: 'IT', greece: 'GR', spain: 'ES', cyprus: 'CY', malta: 'MT' };
// UNHCR's codes for an unknown or stateless country of asylum: such rows cannot be placed on a country.
export const UNHCR_UNKNOWN = new Set(['UNK', 'UKN', 'XXA', 'STA']);

const norm = (s: string) => s.trim().toLowerCase();
const count = (n: number) => n.toLocaleString('en-US');

/**
 * UNHCR's application types (app_type), by the indicator that holds them: N new; R repeat or
 * reopened; A appeal or administrative review and J judicial review; anything else (V various, NR
 * new and repeat, NA new and appeal, RA, FA, SP) as other or mixed types.
 */
const APPLICATION_KIND: Record<string, 'new' | 'repeat' | 'appeal'> = { N: 'new', R: 'repeat', A: 'appeal', J: 'appeal' };
/** app_pc: P persons, C cases (a case may hold several persons): never added together. */
const COUNTED: Record<string, string> = { P: '', C: '_cases' };

/** The columns of a table that an import did not take, for the record of what it did. */
function dropped(header: string[], used: number[]): string {
  const names = header
    .filter((_, i) => !used.includes(i))
    .map((h) => h.trim())
    .filter(Boolean);
  return names.length > 0 ? ` Columns not imported: ${names.join(', ')}.` : '';
}

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

export function columnIndex(header: string[], name: string): number {
  const index = header.findIndex((h) => norm(h) === norm(name));
  if (index < 0) throw new Problem('validation', `The file has no column “${name}”.`);
  return index;
}

/** The columns a UNHCR population table is read from, by index. */
export interface PopulationColumns {
  year: number;
  coa: number;
  coo: number;
  refugees: number;
  seekers: number;
}

/** The columns of a UNHCR population table; a problem names the first one missing. */
export function populationColumns(header: string[]): PopulationColumns {
  return {
    year: columnIndex(header, 'year'),
    coa: columnIndex(header, 'coa_iso'),
    coo: columnIndex(header, 'coo_iso'),
    refugees: columnIndex(header, 'refugees'),
    seekers: columnIndex(header, 'asylum_seekers'),
  };
}

/**
 * What an import of a UNHCR population table did to it: `unknownAsylum` rows whose country of
 * asylum is unknown, and the rows of each origin that is no country, in the order first met.
 */
export function populationMethod(
  header: string[],
  columns: PopulationColumns,
  unknownAsylum: number,
  unknownOrigins: Array<[string, number]>,
): string {
  const origins = unknownOrigins.map(([code, n]) => `${code} ${count(n)}`).join(', ');
  return (
    'Summed over countries of origin to country of asylum and year (refugees → refugees_hosted, asylum_seekers → asylum_seekers), ' +
    'and over countries of asylum to country of origin and year (refugees → refugees_by_origin, asylum_seekers → asylum_seekers_by_origin).' +
    (unknownAsylum > 0 ? ` ${count(unknownAsylum)} rows with an unknown country of asylum are in the origin figures only.` : '') +
    (origins ? ` Rows whose origin is unknown, stateless or various are in the asylum figures only (${origins}).` : '') +
    dropped(header, [columns.year, columns.coa, columns.coo, columns.refugees, columns.seekers])
  );
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

  let method = '';
  if (format === 'unhcr_population') {
    const { year, coa, coo, refugees, seekers } = populationColumns(header);
    const unknownOrigins = new Map<string, number>();
    let unknownAsylum = 0;
    for (let i = 1; i < cells.length; i++) {
      const r = cells[i] as string[];
      const code = (r[coa] ?? '').trim();
      if (UNHCR_UNKNOWN.has(code)) {
        unknownAsylum++;
        c.skipped.push({ row: i + 1, reason: `The country of asylum is unknown (${code}).` });
      } else {
        c.put(i + 1, 'refugees_hosted', code, r[year] ?? '', r[refugees] ?? '', true);
        c.put(i + 1, 'asylum_seekers', code, r[year] ?? '', r[seekers] ?? '', true);
      }
      // The same rows summed the other way, by country of origin; an origin that is unknown,
      // stateless or several ("various") counts in no country's figure, and the batch says so.
      const origin = (r[coo] ?? '').trim();
      if (!UNHCR_UNKNOWN.has(origin) && lookups.country(origin)) {
        c.put(i + 1, 'refugees_by_origin', origin, r[year] ?? '', r[refugees] ?? '', true);
        c.put(i + 1, 'asylum_seekers_by_origin', origin, r[year] ?? '', r[seekers] ?? '', true);
      } else unknownOrigins.set(origin || '(empty)', (unknownOrigins.get(origin || '(empty)') ?? 0) + 1);
    }
    method = populationMethod(header, { year, coa, coo, refugees, seekers }, unknownAsylum, [...unknownOrigins.entries()]);
  } else if (format === 'unhcr_applications') {
    const year = columnIndex(header, 'year');
    const coa = columnIndex(header, 'coa_iso');
    const applied = columnIndex(header, 'applied');
    const type = header.findIndex((h) => norm(h) === 'app_type');
    const counted = header.findIndex((h) => norm(h) === 'app_pc');
    if (type < 0 || counted < 0) {
      throw new Problem(
        'validation',
        'The asylum-applications table needs its app_type (N new, R repeat, A appeal, …) and app_pc (P persons, C cases) columns: without them new applications cannot be told from repeat applications and appeals, nor persons from cases.',
      );
    }
    const rowsBy = new Map<string, { rows: number; types: Set<string> }>();
    for (let i = 1; i < cells.length; i++) {
      const r = cells[i] as string[];
      const code = (r[coa] ?? '').trim();
      if (UNHCR_UNKNOWN.has(code)) {
        c.skipped.push({ row: i + 1, reason: `The country of asylum is unknown (${code}).` });
        continue;
      }
      const appType = (r[type] ?? '').trim().toUpperCase();
      const suffix = COUNTED[(r[counted] ?? '').trim().toUpperCase()];
      if (suffix === undefined) {
        c.rejected.push({ row: i + 1, reason: `“${r[counted] ?? ''}” in app_pc is neither P (persons) nor C (cases).` });
        continue;
      }
      const indicator = `${APPLICATION_KIND[appType] ?? 'other'}_asylum_applications${suffix}`;
      const entry = rowsBy.get(indicator) ?? { rows: 0, types: new Set<string>() };
      entry.rows++;
      entry.types.add(appType || '(empty)');
      rowsBy.set(indicator, entry);
      c.put(i + 1, indicator, code, r[year] ?? '', r[applied] ?? '', true);
    }
    const parts = [...rowsBy.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([indicator, e]) => `${indicator} ← app_type ${[...e.types].sort().join('+')} (${count(e.rows)} rows)`);
    method =
      'Summed over countries of origin, procedure types and decision levels to country of asylum and year, ' +
      'keeping application types apart (N new; R repeat; A appeal and J judicial review; other or mixed types) ' +
      `and persons (P) apart from cases (C, in the *_cases indicators): ${parts.join('; ')}.` +
      dropped(header, [year, coa, applied, type, counted]);
  } else if (format === 'sea_arrivals_year') {
    source = options.source ?? PORTAL_SOURCE;
    method = 'One value per row, as published.';
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
    method =
      'One value per month and country from the columns of all arrivals (sea and land where counted).' +
      dropped(header, [month, year, ...columns.map(([, index]) => index)]);
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
    method =
      'One value per row.' +
      dropped(
        header,
        [country, period, value, indicator, sourceColumn].filter((i) => i >= 0),
      );
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
    method,
    rowCount: Math.max(0, cells.length - first),
    candidates: [...c.candidates.values()],
    rejected: c.rejected,
    skipped: c.skipped,
  };
}
