import { describe, expect, it } from 'vitest';
import { periodLabel, periodStart, readNumber } from '../indicators/periods.js';
import { detectFormat, type Lookups, parseObservations } from './formats.js';

const FREQUENCIES: Record<string, 'year' | 'month'> = {
  refugees_hosted: 'year',
  asylum_seekers: 'year',
  sea_arrivals: 'year',
  sea_arrivals_monthly: 'month',
};
const COUNTRIES: Record<string, string> = { GR: 'GR', GRC: 'GR', GREECE: 'GR', TUR: 'TR', IT: 'IT', ITALY: 'IT' };

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
  it('sums a UNHCR population table to country of asylum and year, skipping unknown countries', () => {
    const cells = [
      ['year', 'coo_name', 'coo', 'coo_iso', 'coa_name', 'coa', 'coa_iso', 'refugees', 'asylum_seekers'],
      ['2015', 'Syria', 'SYR', 'SYR', 'Turkey', 'TUR', 'TUR', '2503549', '0'],
      ['2015', 'Iraq', 'IRQ', 'IRQ', 'Turkey', 'TUR', 'TUR', '37799', '100'],
      ['2015', 'Syria', 'SYR', 'SYR', 'Unknown', 'UKN', 'UNK', '5', ''],
    ];
    expect(detectFormat(cells)).toBe('unhcr_population');
    const parsed = parseObservations(cells, lookups);
    expect(parsed.candidates).toEqual([
      { row: 2, indicator: 'refugees_hosted', country: 'TR', period: '2015-01-01', value: 2541348 },
      { row: 2, indicator: 'asylum_seekers', country: 'TR', period: '2015-01-01', value: 100 },
    ]);
    expect(parsed.skipped).toEqual([{ row: 4, reason: 'The country of asylum is unknown (UNK).' }]);
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
