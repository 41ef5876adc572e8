import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { serverFile } from '../../paths.js';
import { WORLD_BANK_POPULATION_GDP_CSV } from '../data/world-bank-2015-2017.js';

/** One country-year of what the burden indicators need; a missing figure is undefined. */
export interface BurdenObservation {
  iso3: string;
  year: number;
  refugees?: number;
  asylumSeekers?: number;
  seaArrivals?: number;
  population?: number;
  gdpUsd?: number;
}

/**
 * Where the figures come from. Today the extract shipped with this domain; once the early-warning
 * module holds observations per country and period, a source reading them replaces this one.
 */
export interface BurdenSource {
  attribution: string[];
  observations(): BurdenObservation[];
}

type Row = Record<string, string>;
const rows = (csv: string): Row[] => parse(csv, { columns: true, skip_empty_lines: true, trim: true });
const number = (text: string | undefined) => (text === undefined || text === '' ? undefined : Number(text));

let shipped: BurdenObservation[] | undefined;

/** A gzipped CSV of data/ (see data/README.md); the build copies the folder beside the server. */
function shippedCsv(file: string): string {
  return gunzipSync(fs.readFileSync(serverFile(`solidarity/data/${file}`))).toString('utf8');
}

/** The extract shipped in data/: UNHCR refugees and sea arrivals, World Bank population and GDP. */
export const shippedBurdenSource: BurdenSource = {
  attribution: [
    'Refugees and asylum-seekers: UNHCR Refugee Data Finder (CC BY 4.0).',
    'Mediterranean sea arrivals: UNHCR Operational Data Portal (CC BY 3.0 IGO).',
    'Population and GDP (current US$): World Bank, World Development Indicators (CC BY 4.0).',
  ],
  observations() {
    if (shipped) return shipped;
    const byKey = new Map<string, BurdenObservation>();
    const at = (iso3: string, year: number) => {
      const key = `${iso3}-${year}`;
      let observation = byKey.get(key);
      if (!observation) {
        observation = { iso3, year };
        byKey.set(key, observation);
      }
      return observation;
    };
    for (const row of rows(shippedCsv('unhcr_refugees_by_asylum_country_year.csv.gz'))) {
      Object.assign(at(row.iso3 as string, Number(row.year)), {
        refugees: number(row.refugees),
        asylumSeekers: number(row.asylum_seekers),
      });
    }
    for (const row of rows(shippedCsv('unhcr_sea_arrivals_by_country_year.csv.gz')))
      at(row.iso3 as string, Number(row.year)).seaArrivals = number(row.sea_arrivals);
    for (const row of rows(WORLD_BANK_POPULATION_GDP_CSV)) {
      Object.assign(at(row.iso3 as string, Number(row.year)), {
        population: number(row.population),
        gdpUsd: number(row.gdp_usd),
      });
    }
    shipped = [...byKey.values()];
    return shipped;
  },
};

export interface BurdenIndicators {
  iso3: string;
  year: number;
  refugees: number | null;
  asylumSeekers: number | null;
  seaArrivals: number | null;
  population: number;
  gdpUsd: number | null;
  refugeesPer1000: number | null;
  arrivalsPer1000: number | null;
  refugeesPerBillionUsd: number | null;
  arrivalsPerBillionUsd: number | null;
}

const per = (count: number | undefined, base: number | undefined, unit: number) =>
  count === undefined || base === undefined || base <= 0 ? null : (count / base) * unit;

/** Refugees and arrivals per 1,000 inhabitants and per US$ 1 billion of GDP, for each country with a population that year. */
export function computeBurden(observations: readonly BurdenObservation[], year: number): BurdenIndicators[] {
  return observations
    .filter((o) => o.year === year && o.population !== undefined && o.population > 0)
    .map((o) => ({
      iso3: o.iso3,
      year: o.year,
      refugees: o.refugees ?? null,
      asylumSeekers: o.asylumSeekers ?? null,
      seaArrivals: o.seaArrivals ?? null,
      population: o.population as number,
      gdpUsd: o.gdpUsd ?? null,
      refugeesPer1000: per(o.refugees, o.population, 1000),
      arrivalsPer1000: per(o.seaArrivals, o.population, 1000),
      refugeesPerBillionUsd: per(o.refugees, o.gdpUsd, 1e9),
      arrivalsPerBillionUsd: per(o.seaArrivals, o.gdpUsd, 1e9),
    }))
    .sort((a, b) => (b.refugeesPer1000 ?? -1) - (a.refugeesPer1000 ?? -1) || a.iso3.localeCompare(b.iso3));
}

/** The years for which the source has population figures, so that indicators can be computed. */
export function burdenYears(observations: readonly BurdenObservation[]): number[] {
  return [...new Set(observations.filter((o) => o.population !== undefined).map((o) => o.year))].sort();
}
