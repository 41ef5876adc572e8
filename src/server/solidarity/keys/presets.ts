import { parse } from 'csv-parse/sync';
import { EUROSTAT_KEY_INPUTS_CSV, GRECH_2016_TABLE_1_CSV, MAY_2015_PUBLISHED_KEY_CSV } from '../data/eu-relocation-2015.js';
import {
  MAY_2015_ALLOCATIONS_CSV,
  RESETTLEMENT_2015_ALLOCATIONS_CSV,
  SEPTEMBER_2015_ALLOCATIONS_CSV,
  SEPTEMBER_2015_PACKAGE_THOUSANDS_CSV,
} from '../data/published-2015.js';
import { computeKey } from './calculator.js';
import { EU_ISO2 } from './eu-states.js';
import type { Criterion, KeyDefinition } from './schemas.js';

type Row = Record<string, string>;
const rows = (csv: string): Row[] => parse(csv, { columns: true, skip_empty_lines: true, trim: true });

export { EU_ISO2 };

const ASYLUM_YEARS = [2010, 2011, 2012, 2013, 2014];

/**
 * The inputs of the 2015 key per State, as the Commission defined them: population and GDP,
 * the unemployment rate, and asylum applications per million inhabitants averaged over 2010–2014.
 * A year without data counts as zero over the five years (Croatia, a member only since July 2013,
 * has none for 2010–2012); this reproduces the published figure for Croatia best.
 */
export function euInputs(iso3s: readonly string[], unemploymentFallback: Record<string, number> = {}) {
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
        unemployment_rate: Number(row.unemployment_rate_pct_2014 || unemploymentFallback[iso3]),
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
  /** What a reader must know: the data's limits, and how close the key comes to the published figures. */
  notes: string[];
  /** Where the inputs come from and which published figures the key is checked against. */
  sources: string[];
  definition: KeyDefinition;
}

const VINTAGE_NOTE =
  'Inputs from Eurostat as extracted in 2019: later revisions of GDP and population make the shares differ from the published ones by up to 0.2 percentage points.';
const RESETTLEMENT_NOTE =
  'The Commission counted resettled refugees with spontaneous asylum applications; the shipped data holds the applications only.';
const CROATIA_NOTE = 'Croatia has no asylum data for 2010–2012: those years count as zero in its five-year mean.';
const EUROSTAT_SOURCE =
  'Inputs: Eurostat population on 1 January 2014, GDP 2014, unemployment rate 2014 and asylum applicants 2010–2014 (2019 extract, GitHub georgeblck/refugee-distribution).';

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
const FRONT_LINE = ['ITA', 'GRC'];
const SEPTEMBER_BENEFICIARIES = ['ITA', 'GRC', 'HUN'];
const iso2s = (iso3s: readonly string[]) => iso3s.map((iso3) => EU_ISO2[iso3] as string);

const number = (n: number) => Math.round(n).toLocaleString('en-US');
const percent = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n * 100).toFixed(1)} %`;

/** The published figure each State of a key is compared with, and how far the key's allocation is from it. */
export interface Deviation {
  state: string;
  iso2: string;
  published: number;
  computed: number;
  relative: number;
}

/**
 * Compares a key's allocations with published ones. `scale` turns the published unit into persons;
 * for figures published rounded, `rounding` (half the unit, in persons) is not counted as deviation.
 */
export function deviations(definition: KeyDefinition, published: string, column: string, scale = 1, rounding = 0): Deviation[] {
  const result = computeKey(definition);
  return rows(published).flatMap((row) => {
    const iso2 = EU_ISO2[row.iso3 as string] as string;
    const state = result.states.find((s) => s.iso2 === iso2);
    if (!state) return [];
    const value = Number(row[column]) * scale;
    const difference = state.allocation - value;
    const beyond = Math.sign(difference) * Math.max(0, Math.abs(difference) - rounding);
    return [{ state: row.member_state as string, iso2, published: value, computed: state.allocation, relative: beyond / value }];
  });
}

function largest(list: Deviation[]): Deviation {
  return list.reduce((worst, d) => (Math.abs(d.relative) > Math.abs(worst.relative) ? d : worst));
}

function deviationNote(what: string, list: Deviation[], rounding = false): string {
  const worst = largest(list);
  return `${what} for the ${list.length} States published within ${(Math.abs(worst.relative) * 100).toFixed(1)} %${rounding ? ' beyond their rounding' : ''}; the largest deviation is ${worst.state}'s: ${number(worst.computed)} against ${number(worst.published)} published (${percent(worst.relative)}).`;
}

const mayDefinition: KeyDefinition = {
  criteria: euCriteria(null),
  states: euInputs(rows(MAY_2015_PUBLISHED_KEY_CSV).map((row) => row.iso3 as string)),
  total: 40_000,
  beneficiaries: iso2s(FRONT_LINE),
};

// The Commission caps each corrective effect at 30 % of the population-and-GDP effect, i.e. at
// 0.3 × (π_pop + π_GDP). The calculator's cap is a multiple of the base share (π_pop + π_GDP) / 2,
// so the Commission's cap is 0.6 there.
const COMMISSION_CAP = 0.6;
const septemberDefinition: KeyDefinition = {
  criteria: euCriteria(COMMISSION_CAP),
  states: euInputs([...SEPTEMBER_GROUP, ...SEPTEMBER_BENEFICIARIES]),
  total: 120_000,
  beneficiaries: iso2s(SEPTEMBER_BENEFICIARIES),
};

// Grech (2016) reads the cap as 30 % of the base share: 0.3 × (π_pop + π_GDP) / 2. His Table 1
// gives the inputs as shares (population, GDP) and raw values (unemployment, asylum per million).
const grechTable = rows(GRECH_2016_TABLE_1_CSV);
const grechDefinition: KeyDefinition = {
  criteria: [
    { code: 'population', label: 'Population share (Grech 2016, Table 1)', weight: 0.4, direction: 'proportional', cap: null },
    { code: 'gdp', label: 'GDP share (Grech 2016, Table 1)', weight: 0.4, direction: 'proportional', cap: null },
    { code: 'unemployment_rate', label: 'Unemployment rate (%)', weight: 0.1, direction: 'inverse', cap: 0.3 },
    {
      code: 'asylum_per_million',
      label: 'Asylum applicants per million inhabitants, mean 2010–2014',
      weight: 0.1,
      direction: 'inverse',
      cap: 0.3,
    },
  ],
  states: grechTable.map((row) => ({
    iso2: EU_ISO2[row.iso3 as string] as string,
    values: {
      population: Number(row.pi_pop),
      gdp: Number(row.pi_gdp),
      unemployment_rate: Number(row.y_unemployment_rate_pct),
      asylum_per_million: Number(row.x_asylum_applicants_per_million_avg_2010_2014),
    },
  })),
  total: 120_000,
};

/** Grech's final shares against the ones computed from his inputs, in percentage points. */
export function grechDeviations() {
  const result = computeKey(grechDefinition);
  return grechTable.map((row, i) => ({
    state: row.country as string,
    published: Number(row.pi_total_final),
    computed: result.states[i]?.share ?? 0,
  }));
}

// The 160,000 of September 2015: per State, the 120,000 of September plus the 40,000 of May, the
// May part shared among the same 22 States (Hungary, relieved in September, receives nothing).
const september = computeKey(septemberDefinition);
const mayAmongSeptemberGroup = computeKey({ ...mayDefinition, beneficiaries: iso2s(SEPTEMBER_BENEFICIARIES) });
const packageDefinition: KeyDefinition = {
  criteria: [
    {
      code: 'persons_2015',
      label: 'Persons under the September (120,000) and May (40,000) 2015 keys',
      weight: 1,
      direction: 'proportional',
      cap: null,
    },
  ],
  states: september.states.map((state) => ({
    iso2: state.iso2,
    values: {
      persons_2015: state.allocation + (mayAmongSeptemberGroup.states.find((s) => s.iso2 === state.iso2)?.allocation ?? 0),
    },
  })),
  total: 160_000,
  beneficiaries: iso2s(SEPTEMBER_BENEFICIARIES),
};

// The European resettlement scheme: the May 2015 key without cap over the 28 Member States and the
// four associated States that joined it in July 2015. Switzerland and Liechtenstein have no
// unemployment rate in the Eurostat extract: Grech's Table 1 gives 3.1 % and 2.1 %.
const ASSOCIATED = ['ISL', 'LIE', 'NOR', 'CHE'];
const EU28 = Object.keys(EU_ISO2).filter((iso3) => !ASSOCIATED.includes(iso3));
const ASSOCIATED_UNEMPLOYMENT = Object.fromEntries(
  grechTable
    .filter((row) => ['CHE', 'LIE'].includes(row.iso3 as string))
    .map((row) => [row.iso3, Number(row.y_unemployment_rate_pct)]),
);
const resettlementDefinition: KeyDefinition = {
  criteria: euCriteria(null),
  states: euInputs([...EU28, ...ASSOCIATED], ASSOCIATED_UNEMPLOYMENT),
  total: 20_000,
};
/** The same key over the 28 Member States alone, as the Commission's Recommendation computed it. */
export const RESETTLEMENT_EU28_DEFINITION: KeyDefinition = {
  ...resettlementDefinition,
  states: euInputs(EU28),
};

const mayDeviations = deviations(mayDefinition, MAY_2015_ALLOCATIONS_CSV, 'allocation');
const septemberDeviations = deviations(septemberDefinition, SEPTEMBER_2015_ALLOCATIONS_CSV, 'allocation');
const packageDeviations = deviations(packageDefinition, SEPTEMBER_2015_PACKAGE_THOUSANDS_CSV, 'thousands', 1000, 50);
const resettlementDeviations = deviations(RESETTLEMENT_EU28_DEFINITION, RESETTLEMENT_2015_ALLOCATIONS_CSV, 'allocation');
const grechWorst = grechDeviations().reduce((worst, d) =>
  Math.abs(d.computed - d.published) > Math.abs(worst.computed - worst.published) ? d : worst,
);

/** The 2015 EU relocation and resettlement keys, computed from the shipped inputs. */
export const PRESETS: readonly Preset[] = [
  {
    id: 'eu-2015-05',
    name: 'EU relocation key, May 2015 (European Agenda on Migration)',
    description:
      'COM(2015) 240 and 286: population 40 %, GDP 40 %, unemployment rate 10 % (inverse), asylum applications per million inhabitants 2010–2014 10 % (inverse), no cap; the 40,000 persons relocated from Italy and Greece, the beneficiaries, shared among the 23 other States of the published key.',
    notes: [
      deviationNote('Reproduces the Commission’s allocations of COM(2015) 286', mayDeviations),
      VINTAGE_NOTE,
      RESETTLEMENT_NOTE,
      CROATIA_NOTE,
    ],
    sources: [
      EUROSTAT_SOURCE,
      'Published key: COM(2015) 240, annex, in percent per State (AFP, 13 May 2015); allocations of COM(2015) 286 for Germany, France and Spain (Euronews, 27 May 2015).',
    ],
    definition: mayDefinition,
  },
  {
    id: 'eu-2015-09',
    name: 'EU relocation key, September 2015 (COM(2015) 450 and 451)',
    description:
      'The May criteria with the unemployment and asylum effects each capped at 30 % of the population-and-GDP effect, 0.3 × (π_pop + π_GDP), what the caps remove spread again by population and GDP; the 120,000 persons relocated from Italy, Greece and Hungary, the beneficiaries, shared among the 22 other States bound by the proposal.',
    notes: [
      deviationNote('Reproduces the Commission’s allocations of COM(2015) 451', septemberDeviations),
      VINTAGE_NOTE,
      RESETTLEMENT_NOTE,
      CROATIA_NOTE,
    ],
    sources: [
      EUROSTAT_SOURCE,
      'Published allocations: COM(2015) 451, annex, as released by the Commission on 9 September 2015 (AFP, AP).',
    ],
    definition: septemberDefinition,
  },
  {
    id: 'eu-2015-09-grech',
    name: 'EU relocation key, September 2015, as read by Grech (2016)',
    description:
      'The September criteria with each corrective effect capped at 30 % of the base share, 0.3 × (π_pop + π_GDP) / 2 — half the Commission’s cap — over the 32 States of Grech’s Table 1, from his own inputs.',
    notes: [
      `Reproduces the final shares of Grech’s Table 1 for all ${grechTable.length} States; the largest deviation is ${grechWorst.state}'s: ${(grechWorst.computed * 100).toFixed(3)} % against ${(grechWorst.published * 100).toFixed(2)} % published (${((grechWorst.computed - grechWorst.published) * 100).toFixed(3)} percentage points, within the table's rounding).`,
      'This reading halves the Commission’s cap: the allocations differ from COM(2015) 451 by up to 4.6 % per State.',
    ],
    sources: [
      'Inputs and shares: P. Grech, “Undesired properties of the European Commission’s refugee distribution key”, European Union Politics 18(2), 2017, doi:10.1177/1465116516649244, Table 1.',
    ],
    definition: grechDefinition,
  },
  {
    id: 'eu-2015-160k',
    name: 'EU relocation, the 160,000 of September 2015',
    description:
      'Per State, the 120,000 of the September 2015 key plus the 40,000 of the May 2015 key shared among the same 22 States; Italy, Greece and Hungary are the beneficiaries.',
    notes: [
      deviationNote('Reproduces the published totals of 160,000 (in thousands, one decimal)', packageDeviations, true),
      'Ireland opted into the May scheme (600 places in the published summary); it is not bound by the September proposal and is left out, as is Hungary’s share of the May key.',
      VINTAGE_NOTE,
    ],
    sources: [
      EUROSTAT_SOURCE,
      'Published totals: the Commission’s figures of 9 September 2015 as summarised by the wire agencies, in thousands per State.',
    ],
    definition: packageDefinition,
  },
  {
    id: 'eu-resettlement-2015',
    name: 'European resettlement scheme, 20,000 places (May 2015)',
    description:
      'Commission Recommendation (EU) 2015/914: the May 2015 key without cap, over the 28 Member States and the associated States that joined the scheme in July 2015 (Iceland, Liechtenstein, Norway, Switzerland).',
    notes: [
      deviationNote(
        'Computed over the 28 Member States alone, as in the Recommendation, reproduces its largest allocations',
        resettlementDeviations,
      ),
      'With the four associated States in the group each Member State’s share is smaller than in the Recommendation, which covered the Member States only.',
      'Switzerland and Liechtenstein have no unemployment rate in the Eurostat extract: the rates of Grech’s Table 1 (3.1 % and 2.1 %) are used.',
      VINTAGE_NOTE,
      RESETTLEMENT_NOTE,
    ],
    sources: [
      EUROSTAT_SOURCE,
      'Published allocations: Commission Recommendation (EU) 2015/914 of 8 June 2015 (C(2015) 3560), as reported by ECRE on 5 June 2015.',
    ],
    definition: resettlementDefinition,
  },
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}
