import { parse } from 'csv-parse/sync';
import { EUROSTAT_KEY_INPUTS_CSV, MAY_2015_PUBLISHED_KEY_CSV } from '../data/eu-relocation-2015.js';
import type { Criterion, KeyDefinition } from './schemas.js';

type Row = Record<string, string>;
const rows = (csv: string): Row[] => parse(csv, { columns: true, skip_empty_lines: true, trim: true });

/** The 32 States of the 2015 relocation data, ISO alpha-3 to alpha-2. */
export const EU_ISO2: Record<string, string> = {
  AUT: 'AT',
  BEL: 'BE',
  BGR: 'BG',
  HRV: 'HR',
  CYP: 'CY',
  CZE: 'CZ',
  DNK: 'DK',
  EST: 'EE',
  FIN: 'FI',
  FRA: 'FR',
  DEU: 'DE',
  GRC: 'GR',
  HUN: 'HU',
  IRL: 'IE',
  ITA: 'IT',
  LVA: 'LV',
  LTU: 'LT',
  LUX: 'LU',
  MLT: 'MT',
  NLD: 'NL',
  POL: 'PL',
  PRT: 'PT',
  ROU: 'RO',
  SVK: 'SK',
  SVN: 'SI',
  ESP: 'ES',
  SWE: 'SE',
  GBR: 'GB',
  ISL: 'IS',
  LIE: 'LI',
  NOR: 'NO',
  CHE: 'CH',
};

const ASYLUM_YEARS = [2010, 2011, 2012, 2013, 2014];

/**
 * The inputs of the 2015 key per State, as the Commission defined them: population and GDP,
 * the unemployment rate, and asylum applications per million inhabitants averaged over 2010–2014.
 * A year without data counts as zero over the five years (Croatia, a member only since July 2013,
 * has none for 2010–2012); this reproduces the published figure for Croatia best.
 */
export function euInputs(iso3s: readonly string[]) {
  const byIso3 = new Map(rows(EUROSTAT_KEY_INPUTS_CSV).map((row) => [row.iso3 as string, row]));
  return iso3s.map((iso3) => {
    const row = byIso3.get(iso3);
    if (!row) throw new Error(`No 2015 key inputs for ${iso3}.`);
    const population = Number(row.population_1jan_2014);
    const applicants = ASYLUM_YEARS.reduce((acc, year) => acc + Number(row[`asylum_applicants_${year}`] || 0), 0);
    return {
      iso2: EU_ISO2[iso3] as string,
      values: {
        population,
        gdp: Number(row.gdp_current_prices_meur_2014),
        unemployment_rate: Number(row.unemployment_rate_pct_2014),
        asylum_per_million: Number(((applicants / ASYLUM_YEARS.length / population) * 1e6).toFixed(3)),
      },
    };
  });
}

function euCriteria(cap: number | null): Criterion[] {
  return [
    { code: 'population', label: 'Population (1 January 2014)', weight: 0.4, direction: 'proportional', cap: null },
    { code: 'gdp', label: 'GDP 2014 (million EUR)', weight: 0.4, direction: 'proportional', cap: null },
    { code: 'unemployment_rate', label: 'Unemployment rate 2014 (%)', weight: 0.1, direction: 'inverse', cap },
    {
      code: 'asylum_per_million',
      label: 'Asylum applications per million inhabitants, mean 2010–2014',
      weight: 0.1,
      direction: 'inverse',
      cap,
    },
  ];
}

export interface Preset {
  id: string;
  name: string;
  description: string;
  notes: string[];
  definition: KeyDefinition;
}

const VINTAGE_NOTE =
  'Inputs from Eurostat as extracted in 2019: later revisions of GDP and population make the shares differ from the published ones by up to 0.2 percentage points.';
const RESETTLEMENT_NOTE =
  'The Commission counted resettled refugees with spontaneous asylum applications; the shipped data holds the applications only.';
const CROATIA_NOTE = 'Croatia has no asylum data for 2010–2012: those years count as zero in its five-year mean.';

// COM(2015) 450 relocated from Italy, Greece and Hungary to the other Member States bound by it.
const SEPTEMBER_GROUP = [
  'AUT',
  'BEL',
  'BGR',
  'HRV',
  'CYP',
  'CZE',
  'EST',
  'FIN',
  'FRA',
  'DEU',
  'LVA',
  'LTU',
  'LUX',
  'MLT',
  'NLD',
  'POL',
  'PRT',
  'ROU',
  'SVK',
  'SVN',
  'ESP',
  'SWE',
];

/** The two 2015 EU relocation keys, computed from the shipped inputs. */
export const PRESETS: readonly Preset[] = [
  {
    id: 'eu-2015-05',
    name: 'EU relocation key, May 2015 (European Agenda on Migration)',
    description:
      'COM(2015) 240: population 40 %, GDP 40 %, unemployment rate 10 % (inverse), asylum applications per million inhabitants 2010–2014 10 % (inverse), no cap; the 25 States of the published key, sharing the 40,000 persons of the first relocation proposal.',
    notes: [VINTAGE_NOTE, RESETTLEMENT_NOTE, CROATIA_NOTE],
    definition: {
      criteria: euCriteria(null),
      states: euInputs(rows(MAY_2015_PUBLISHED_KEY_CSV).map((row) => row.iso3 as string)),
      total: 40_000,
    },
  },
  {
    id: 'eu-2015-09',
    name: 'EU relocation key, September 2015 (COM(2015) 450)',
    description:
      'The May criteria with the unemployment and asylum effects each capped at 30 % of the population-and-GDP share, what the caps remove spread again by population and GDP; the 22 States receiving the 120,000 persons relocated from Italy, Greece and Hungary.',
    notes: [VINTAGE_NOTE, RESETTLEMENT_NOTE, CROATIA_NOTE],
    definition: { criteria: euCriteria(0.3), states: euInputs(SEPTEMBER_GROUP), total: 120_000 },
  },
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}
