import type { Context } from '../../context.js';
import { csvOf } from '../../files/sheet-writer.js';
import { Problem } from '../../http/problems.js';
import { periodLabel } from './periods.js';
import { type Lang, presentIndicator } from './present.js';
import * as q from './queries.js';
import type { ComparisonView, IndicatorView, ObservationView, SeriesQuery } from './schemas.js';

export function languageOf(ctx: Context, requested?: string): Lang {
  return (requested ?? ctx.actor?.language ?? 'en') as Lang;
}

const list = (text: string | undefined) =>
  text
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The indicator catalogue, named in one language. */
export async function listIndicators(ctx: Context, lang?: string): Promise<IndicatorView[]> {
  const rows = await q.selectIndicators(ctx.db);
  return rows.map((row) => presentIndicator(row, languageOf(ctx, lang)));
}

/** Observations with their provenance, for charts and for partners who reuse them. */
export async function listSeries(ctx: Context, query: SeriesQuery): Promise<ObservationView[]> {
  const indicators = await q.selectIndicators(ctx.db);
  const frequency = new Map(indicators.map((i) => [i.code, i.frequency]));
  const countries = list(query.country)?.map((c) => c.toUpperCase());
  const rows = await q.selectSeries(ctx.db, {
    indicators: list(query.indicator),
    countries,
    from: query.from,
    to: query.to,
    limit: query.limit ?? 10000,
  });
  return rows.map((r) => ({
    indicator: r.indicator_code,
    country: r.country_iso2,
    period: r.period,
    label: periodLabel(r.period, frequency.get(r.indicator_code) ?? 'year'),
    value: Number(r.value),
    source: r.source,
    method: r.method,
    batchId: r.batch_id,
    importedAt: new Date(r.imported_at).toISOString(),
  }));
}

/** The same observations as CSV, with a row of HXL hashtags under the labels when asked. */
export async function exportSeries(ctx: Context, query: SeriesQuery): Promise<string> {
  const rows = await listSeries(ctx, query);
  const units = new Map((await q.selectIndicators(ctx.db)).map((i) => [i.code, i.unit]));
  const header = ['indicator', 'unit', 'country', 'period', 'value', 'source', 'batch', 'method'];
  const hxl = [
    '#indicator+code',
    '#indicator+unit',
    '#country+code',
    '#date',
    '#value',
    '#meta+source',
    '#meta+batch',
    '#meta+method',
  ];
  return csvOf([
    header,
    ...(query.hxl ? [hxl] : []),
    ...rows.map((r) => [r.indicator, units.get(r.indicator) ?? '', r.country, r.label, r.value, r.source, r.batchId, r.method]),
  ]);
}

/** Every country's value of one indicator, for a comparison chart. */
export async function compareCountries(
  ctx: Context,
  query: { indicator: string; period?: string; lang?: string },
): Promise<ComparisonView> {
  const lang = languageOf(ctx, query.lang);
  const indicator = (await q.selectIndicators(ctx.db)).find((i) => i.code === query.indicator);
  if (!indicator) throw new Problem('not_found', `There is no indicator with the code ${query.indicator}.`);
  const countries = await ctx.db
    .selectFrom('country')
    .select(['iso2', 'name_en', 'name_fr', 'name_de', 'name_it', 'name_ru', 'name_es'])
    .execute();
  const names = new Map(countries.map((c) => [c.iso2, c[`name_${lang}`]]));
  const rows = await q.selectComparison(ctx.db, Number(indicator.id), query.period);
  return {
    indicator: presentIndicator(indicator, lang),
    rows: rows
      .map((r) => ({
        country: r.country_iso2,
        name: names.get(r.country_iso2) ?? r.country_iso2,
        period: r.period,
        value: Number(r.value),
      }))
      .sort((a, b) => b.value - a.value),
  };
}
