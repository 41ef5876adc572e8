import { parse } from 'csv-parse/sync';
import type { Context } from '../../context.js';
import { versionedCache } from '../../db/data-version.js';
import { UNHCR_REGIONS_CSV } from '../data/unhcr-regions.js';
import { languageOf } from '../indicators/service.js';
import * as q from './queries.js';
import { REGIONS, type TotalsQuery, type TotalsView } from './schemas.js';

type Region = (typeof REGIONS)[number];
const REGION_OF = new Map<string, Region>(
  (parse(UNHCR_REGIONS_CSV, { columns: true }) as Array<{ iso3: string; region: Region }>).map((r) => [r.iso3, r.region]),
);

const empty = () => ({ refugees: 0, asylumSeekers: 0, countries: 0 });

/**
 * World, regional and OSCE totals of refugees and asylum seekers by country of asylum, and the
 * countries of origin with the most refugees abroad, from the imported UNHCR population table.
 */
export async function totals(ctx: Context, query: TotalsQuery): Promise<TotalsView> {
  const lang = languageOf(ctx, query.lang);
  // Aggregates over every observation, on a public page: computed once per change of the data.
  const key = JSON.stringify([query.year ?? null, lang, query.origins ?? null]);
  return cached(ctx.db, key, () => computeTotals(ctx, query, lang));
}

/** The answers of `totals`, kept while the tables they are computed from have not changed. */
const cached = versionedCache<TotalsView>(['warning_observation', 'warning_indicator', 'warning_import_batch', 'country'], 64);

async function computeTotals(ctx: Context, query: TotalsQuery, lang: ReturnType<typeof languageOf>): Promise<TotalsView> {
  const years = await q.selectYears(ctx.db);
  const year = query.year ?? years[0] ?? null;
  const world = empty();
  const osce = empty();
  const regions = new Map<Region, ReturnType<typeof empty>>(REGIONS.map((r) => [r, empty()]));
  const trend = new Map<number, { year: number; refugees: number; asylumSeekers: number }>();
  for (const row of await q.selectWorldTrend(ctx.db)) {
    const entry = trend.get(Number(row.year)) ?? { year: Number(row.year), refugees: 0, asylumSeekers: 0 };
    if (row.code === 'refugees_hosted') entry.refugees = Number(row.total);
    else entry.asylumSeekers = Number(row.total);
    trend.set(entry.year, entry);
  }
  if (year === null) {
    return {
      year,
      years,
      world,
      osce,
      regions: [...regions].map(([region, f]) => ({ region, ...f })),
      trend: [],
      origins: [],
      sources: [],
    };
  }

  const countries = new Map((await q.selectCountries(ctx.db)).map((c) => [c.iso2, c]));
  const values = await q.selectYear(ctx.db, year);
  const counted = new Set<string>();
  const origins = new Map<string, { refugees: number; asylumSeekers: number }>();
  for (const v of values) {
    const value = Number(v.value);
    const country = countries.get(v.country_iso2);
    if (v.code === 'refugees_by_origin' || v.code === 'asylum_seekers_by_origin') {
      const entry = origins.get(v.country_iso2) ?? { refugees: 0, asylumSeekers: 0 };
      if (v.code === 'refugees_by_origin') entry.refugees += value;
      else entry.asylumSeekers += value;
      origins.set(v.country_iso2, entry);
      continue;
    }
    const sums = [world, ...(country?.osce_status === 'participating' ? [osce] : [])];
    const region = country ? REGION_OF.get(country.iso3) : undefined;
    if (region) sums.push(regions.get(region) as ReturnType<typeof empty>);
    const first = !counted.has(v.country_iso2);
    counted.add(v.country_iso2);
    for (const sum of sums) {
      if (v.code === 'refugees_hosted') sum.refugees += value;
      else sum.asylumSeekers += value;
      if (first) sum.countries++;
    }
  }
  const batchIds = [...new Set(values.map((v) => v.batch_id))];
  const sources = (await q.selectBatchProvenance(ctx.db, batchIds)).map((b) => ({
    source: b.source,
    method: b.method,
    batchId: String(b.id),
  }));
  return {
    year,
    years,
    world,
    osce,
    regions: [...regions].map(([region, f]) => ({ region, ...f })),
    trend: [...trend.values()].sort((a, b) => a.year - b.year),
    origins: [...origins]
      .map(([iso2, f]) => ({ country: iso2, name: countries.get(iso2)?.[`name_${lang}`] ?? iso2, ...f }))
      .sort((a, b) => b.refugees - a.refugees || b.asylumSeekers - a.asylumSeekers)
      .slice(0, query.origins ?? 20),
    sources,
  };
}
