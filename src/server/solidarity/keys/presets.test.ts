import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { GRECH_2016_TABLE_1_CSV, MAY_2015_PUBLISHED_KEY_CSV } from '../data/eu-relocation-2015.js';
import { computeKey } from './calculator.js';
import { EU_ISO2, findPreset, PRESETS } from './presets.js';
import type { KeyDefinition } from './schemas.js';

const rows = (csv: string): Array<Record<string, string>> => parse(csv, { columns: true, trim: true });

describe('the 2015 EU relocation key', () => {
  it('reproduces the published May 2015 percentages from the shipped inputs', () => {
    const result = computeKey(findPreset('eu-2015-05')!.definition);
    const published = rows(MAY_2015_PUBLISHED_KEY_CSV);
    expect(result.states).toHaveLength(25);
    let squares = 0;
    for (const row of published) {
      const state = result.states.find((s) => s.iso2 === EU_ISO2[row.iso3 as string]);
      const difference = (state?.share ?? 0) * 100 - Number(row.relocation_key_pct);
      squares += difference ** 2;
      // The data vintage (Eurostat revisions since 2015; resettled refugees not in the data)
      // explains differences of up to 0.2 percentage points, Germany's being the largest.
      expect(Math.abs(difference), `${row.member_state}`).toBeLessThan(0.25);
    }
    expect(Math.sqrt(squares / published.length)).toBeLessThan(0.08);
    const byIso = (iso2: string) => result.states.find((s) => s.iso2 === iso2)!.share * 100;
    expect(byIso('DE')).toBeCloseTo(18.62, 1);
    expect(byIso('FR')).toBeCloseTo(14.13, 1);
    expect(byIso('HR')).toBeCloseTo(1.7, 1); // published 1.73: only with the missing years counted as zero
    expect(result.states.reduce((acc, s) => acc + s.allocation, 0)).toBe(40_000);
  });

  it('applies the September 2015 caps exactly as Grech (2016) Table 1 does', () => {
    const table = rows(GRECH_2016_TABLE_1_CSV);
    const definition: KeyDefinition = {
      criteria: [
        { code: 'population', label: 'Population', weight: 0.4, direction: 'proportional', cap: null },
        { code: 'gdp', label: 'GDP', weight: 0.4, direction: 'proportional', cap: null },
        { code: 'unemployment_rate', label: 'Unemployment', weight: 0.1, direction: 'inverse', cap: 0.3 },
        { code: 'asylum', label: 'Asylum per million', weight: 0.1, direction: 'inverse', cap: 0.3 },
      ],
      states: table.map((row) => ({
        iso2: EU_ISO2[row.iso3 as string] as string,
        values: {
          population: Number(row.pi_pop),
          gdp: Number(row.pi_gdp),
          unemployment_rate: Number(row.y_unemployment_rate_pct),
          asylum: Number(row.x_asylum_applicants_per_million_avg_2010_2014),
        },
      })),
      total: 160_000,
    };
    const result = computeKey(definition);
    table.forEach((row, i) => {
      expect(result.states[i]!.share).toBeCloseTo(Number(row.pi_total_final), 3);
      const asylum = result.states[i]!.contributions[3]!;
      expect(asylum.share / 0.1).toBeCloseTo(Number(row.pi_as_capped), 3);
    });
    expect(result.states.find((s) => s.iso2 === 'ES')!.contributions[3]!.capped).toBe(true);
    expect(result.residualShare).toBeCloseTo(0.1606, 3);
  });

  it('ships both presets as valid keys that allocate their whole total', () => {
    for (const preset of PRESETS) {
      const result = computeKey(preset.definition);
      expect(result.states.reduce((acc, s) => acc + s.allocation, 0)).toBe(preset.definition.total);
    }
    const september = computeKey(findPreset('eu-2015-09')!.definition);
    expect(september.states.map((s) => s.iso2)).not.toContain('IT');
    expect(september.states.some((s) => s.contributions.some((c) => c.capped))).toBe(true);
  });
});
