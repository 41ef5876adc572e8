import { describe, expect, it } from 'vitest';
import { periodLabel, periodStart, readNumber } from '../indicators/periods.js';
import { detectFormat, type Lookups, parseObservations } from './formats.js';

const FREQUENCIES: Record<string, 'year' | 'month'> = {
  refugees_hosted: 'year',
  asylum_seekers: 'year',
  refugees_by_origin: 'year',
  asylum_seekers_by_origin: 'year',
  new_asylum_applications: 'year',
  repeat_asylum_applications: 'year',
  appeal_asylum_applications: 'year',
  other_asylum_applications: 'year',
  new_asylum_applications_cases: 'year',
  sea_arrivals: 'year',
  sea_arrivals_monthly: 'month',
};
const COUNTRIES: Record<string, string> = {
  GR: 'GR',
  GRC: 'GR',
  GREECE: 'GR',
  TUR: 'TR',
  IT: 'IT',
  ITALY: 'IT',
  SYR: 'SY',
  IRQ: 'IQ',
  DEU: 'DE',
  USA: 'US',
};

const lookups: Lookups = {
  country: (text) => COUNTRIES[text.trim().toUpperCase()],
  frequency: (code) => FREQUENCIES[code],
};

describe('periods', () => {
  it('reads the period that contains a date, for each frequency', () => {
    expect(periodStart('2015', 'year')).toBe('2015-01-01');
    expect(periodStart('2015-07-14', 'year')).toBe('2015-01-01');
    expect(periodStart('2015-07-14', 'quarter')).toBe('2015-07-01');
    expect(periodStart('2015-Q4', 'quarter')).toBe('2015-10-01');
    expect(periodStart('2015/3', 'month')).toBe('2015-03-01');
    expect(periodStart('2015', 'month')).toBeNull();
    expect(periodStart('2015-13', 'month')).toBeNull();
    expect(periodStart('soon', 'year')).toBeNull();
    expect(periodLabel('2015-10-01', 'quarter')).toBe('2015-Q4');
  });

  it('reads numbers as spreadsheets write them', () => {
    expect(readNumber('1,234,567')).toBe(1234567);
    expect(readNumber('1 234')).toBe(1234);
    expect(readNumber('12.5')).toBe(12.5);
    expect(readNumber('NA')).toBeNull();
    expect(readNumber('')).toBeNull();
    expect(readNumber('12 apples')).toBe('invalid');
  });
});

describe('file formats', () => {
  it('sums a UNHCR population table to country of asylum and to country of origin, and says what it left out', () => {
    const cells = [
      ['year', 'coo_name', 'coo', 'coo_iso', 'coa_name', 'coa', 'coa_iso', 'refugees', 'asylum_seekers', 'idps'],
      ['2015', 'Syria', 'SYR', 'SYR', 'Turkey', 'TUR', 'TUR', '2503549', '0', ''],
      ['2015', 'Iraq', 'IRQ', 'IRQ', 'Turkey', 'TUR', 'TUR', '37799', '100', ''],
      ['2015', 'Syria', 'SYR', 'SYR', 'Unknown', 'UKN', 'UNK', '5', '', ''],
      ['2015', 'Various', 'XXA', 'XXA', 'Greece', 'GRE', 'GRC', '7', '3', ''],
    ];
    expect(detectFormat(cells)).toBe('unhcr_population');
    const parsed = parseObservations(cells, lookups);
    expect(parsed.rejected).toEqual([]);
    const value = (indicator: string, country: string) =>
      parsed.candidates.find((c) => c.indicator === indicator && c.country === country)?.value;
    expect(value('refugees_hosted', 'TR')).toBe(2541348);
    expect(value('asylum_seekers', 'TR')).toBe(100);
    expect(value('refugees_hosted', 'GR')).toBe(7);
    // The refugee in an unknown country of asylum counts for Syria as origin.
    expect(value('refugees_by_origin', 'SY')).toBe(2503554);
    expect(value('asylum_seekers_by_origin', 'IQ')).toBe(100);
    expect(parsed.skipped).toEqual([{ row: 4, reason: 'The country of asylum is unknown (UNK).' }]);
    expect(parsed.method).toContain('1 rows with an unknown country of asylum are in the origin figures only');
    expect(parsed.method).toContain('(XXA 1)');
    expect(parsed.method).toContain('Columns not imported: coo_name, coo, coa_name, coa, idps.');
  });

  it('keeps UNHCR application types and persons and cases apart, and refuses a table without them', () => {
    const header = ['year', 'coo_iso', 'coa_iso', 'procedure_type', 'app_type', 'dec_level', 'app_pc', 'applied'];
    const cells = [
      header,
      ['2015', 'SYR', 'DEU', 'G', 'N', 'NA', 'P', '400000'],
      ['2015', 'IRQ', 'DEU', 'G', 'N', 'NA', 'P', '41898'],
      ['2015', 'SYR', 'DEU', 'G', 'R', 'RA', 'P', '34732'],
      ['2015', 'SYR', 'DEU', 'G', 'J', 'JR', 'P', '10'],
      ['2015', 'SYR', 'DEU', 'G', 'A', 'AR', 'P', '5'],
      ['2015', 'SYR', 'DEU', 'G', 'V', 'FI', 'P', '2'],
      ['2015', 'SYR', 'USA', 'G', 'N', 'FI', 'C', '90'],
    ];
    const parsed = parseObservations(cells, lookups);
    const value = (indicator: string, country: string) =>
      parsed.candidates.find((c) => c.indicator === indicator && c.country === country)?.value;
    expect(value('new_asylum_applications', 'DE')).toBe(441898);
    expect(value('repeat_asylum_applications', 'DE')).toBe(34732);
    expect(value('appeal_asylum_applications', 'DE')).toBe(15);
    expect(value('other_asylum_applications', 'DE')).toBe(2);
    expect(value('new_asylum_applications', 'US')).toBeUndefined();
    expect(value('new_asylum_applications_cases', 'US')).toBe(90);
    expect(parsed.method).toContain('appeal_asylum_applications ← app_type A+J (2 rows)');
    expect(parsed.method).toContain('Columns not imported: coo_iso, procedure_type, dec_level.');

    const bad = parseObservations([header, ['2015', 'SYR', 'DEU', 'G', 'N', 'NA', 'X', '1']], lookups);
    expect(bad.rejected).toEqual([{ row: 2, reason: '“X” in app_pc is neither P (persons) nor C (cases).' }]);
    const old = [
      ['year', 'coa_name', 'coa', 'coa_iso', 'applied'],
      ['2015', 'Germany', 'GFR', 'DEU', '476630'],
    ];
    expect(() => parseObservations(old, lookups)).toThrow(/app_type .* and app_pc/);
  });

  it('reads the monthly sea-arrival series per country, skipping what is not available', () => {
    const cells = [
      ['month', 'year', 'month-year', 'italy_all', 'greece_all', 'greece_sea'],
      ['10', '2015', 'Oct-2015', '8916', '211663', '210000'],
      ['11', '2015', 'Nov-2015', 'NA', '151249', '150000'],
    ];
    const parsed = parseObservations(cells, lookups);
    expect(parsed.format).toBe('sea_arrivals_month');
    expect(parsed.candidates.map((c) => [c.country, c.period, c.value])).toEqual([
      ['IT', '2015-10-01', 8916],
      ['GR', '2015-10-01', 211663],
      ['GR', '2015-11-01', 151249],
    ]);
    expect(parsed.skipped).toEqual([{ row: 3, reason: 'No value.' }]);
  });

  it('follows a column mapping and refuses a second value for the same period', () => {
    const cells = [
      ['Land', 'Jahr', 'Ankünfte'],
      ['Greece', '2016', '173450'],
      ['GRC', '2016', '1'],
    ];
    const parsed = parseObservations(cells, lookups, {
      mapping: { country: 'Land', period: 'Jahr', value: 'Ankünfte' },
      indicator: 'sea_arrivals',
    });
    expect(parsed.candidates).toEqual([
      { row: 2, indicator: 'sea_arrivals', country: 'GR', period: '2016-01-01', value: 173450 },
    ]);
    expect(parsed.rejected).toEqual([{ row: 3, reason: 'A second value for sea_arrivals, GR, 2016-01-01 (first in row 2).' }]);
  });
});

describe('dates', () => {
  it('refuses a value for a period that has not begun, and keeps the current one', () => {
    const now = new Date();
    const thisMonth = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
    const nextMonth = `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, '0')}`;
    const cells = [
      ['indicator', 'country', 'period', 'value'],
      ['#indicator+code', '#country+code', '#date', '#value'],
      ['sea_arrivals_monthly', 'GR', thisMonth, '10'],
      ['sea_arrivals_monthly', 'GR', nextMonth, '10'],
      ['sea_arrivals', 'IT', String(now.getUTCFullYear() + 1), '10'],
    ];
    const parsed = parseObservations(cells, lookups);
    expect(parsed.candidates.map((c) => c.row)).toEqual([3]);
    expect(parsed.rejected).toEqual([
      { row: 4, reason: `“${nextMonth}” is in the future: a value is recorded once its period has begun.` },
      { row: 5, reason: `“${now.getUTCFullYear() + 1}” is in the future: a value is recorded once its period has begun.` },
    ]);
  });
});
