import { stringify } from 'csv-stringify/sync';
import { type Kysely, sql } from 'kysely';
import { assertAllowed } from '../access/check.js';
import { audit } from '../audit/record.js';
import type { Context } from '../context.js';
import type { DB } from '../db/schema.js';
import { csvOf } from '../files/sheet-writer.js';
import { groupOf } from './categories.js';
import type { StatDimension, StatisticsQuery, StatisticsView } from './schemas.js';
import { publish, publishedText, SUPPRESSION_RULE } from './suppression.js';

const KEY: Record<StatDimension, ReturnType<typeof sql.raw>> = {
  country: sql.raw('r.country_iso2::text'),
  year: sql.raw('extract(year from r.occurred_on)::int::text'),
  incidentType: sql.raw('r.incident_type'),
  biasMotivation: sql.raw('r.bias_motivation'),
  target: sql.raw('t.target'),
};

function conditions(filter: StatisticsQuery) {
  const parts = [sql`r.status = 'verified'`];
  if (filter.country) parts.push(sql`r.country_iso2 = ${filter.country}`);
  if (filter.year)
    parts.push(sql`r.occurred_on >= ${`${filter.year}-01-01`}::date and r.occurred_on < ${`${filter.year + 1}-01-01`}::date`);
  if (filter.incidentType) parts.push(sql`r.incident_type = ${filter.incidentType}`);
  if (filter.biasMotivation) parts.push(sql`r.bias_motivation = ${filter.biasMotivation}`);
  if (filter.target) parts.push(sql`${filter.target} = any(r.targets)`);
  return sql.join(parts, sql` and `);
}

/**
 * Exact counts of verified incidents by one dimension, and their exact total (never published as
 * they are). One scan: the total is the empty grouping set; by target (an incident may have several)
 * the total counts incidents, not targets, so it is a query of its own.
 */
export async function exactCounts(db: Kysely<DB>, by: StatDimension, filter: StatisticsQuery) {
  const where = conditions(filter);
  if (by === 'target') {
    const [rows, total] = await Promise.all([
      sql<{ key: string; n: number }>`
        select t.target as key, count(*)::int as n
        from incident_report r cross join lateral unnest(r.targets) as t(target)
        where ${where}
        group by 1 order by 1`.execute(db),
      sql<{ n: number }>`select count(*)::int as n from incident_report r where ${where}`.execute(db),
    ]);
    return { rows: rows.rows.map((r) => ({ key: r.key, n: Number(r.n) })), total: Number(total.rows[0]?.n ?? 0) };
  }
  const result = await sql<{ key: string | null; n: number; is_total: boolean }>`
    select ${KEY[by]} as key, count(*)::int as n, grouping(${KEY[by]}) = 1 as is_total
    from incident_report r
    where ${where}
    group by grouping sets ((${KEY[by]}), ())
    order by 1`.execute(db);
  const total = result.rows.find((r) => r.is_total);
  return {
    rows: result.rows.filter((r) => !r.is_total).map((r) => ({ key: String(r.key), n: Number(r.n) })),
    total: Number(total?.n ?? 0),
  };
}

/** Public statistics of verified incidents, every figure through the small-count rule. */
export async function statistics(ctx: Context, query: StatisticsQuery): Promise<StatisticsView> {
  const by = query.by ?? 'country';
  const exact = await exactCounts(ctx.db, by, query);
  return {
    by,
    total: publish(exact.total),
    rows: exact.rows.map((r) => ({ key: r.key, count: publish(r.n) })),
    rule: SUPPRESSION_RULE,
  };
}

/** The same figures as CSV, with "<5" where a count is suppressed. */
export async function statisticsCsv(ctx: Context, query: StatisticsQuery): Promise<string> {
  const view = await statistics(ctx, query);
  const rows = view.rows.map((r) => [r.key, publishedText(r.count)]);
  rows.push(['total', publishedText(view.total)]);
  return stringify([[view.by, 'verified_incidents'], ...rows]);
}

/**
 * The civil-society submission to ODIHR's hate crime report: one row per verified incident with
 * date, location, type, bias motivation, bias indicators, targets and source. No personal data:
 * no contact, no description, no photo, no map point. Audited.
 */
export async function odihrExport(ctx: Context, year?: number): Promise<string> {
  assertAllowed(ctx.actor, 'incident.export');
  let query = ctx.db
    .selectFrom('incident_report as r')
    .innerJoin('country as c', 'c.iso2', 'r.country_iso2')
    .select([
      sql<string>`to_char(r.occurred_on, 'YYYY-MM-DD')`.as('date'),
      'r.date_approximate',
      'c.name_en as country',
      'r.place',
      'r.incident_type',
      'r.property_target',
      'r.bias_motivation',
      'r.bias_indicators',
      'r.targets',
      'r.source',
    ])
    .where('r.status', '=', 'verified')
    .orderBy('r.occurred_on')
    .orderBy('r.id');
  if (year) query = query.where('r.occurred_on', '>=', `${year}-01-01`).where('r.occurred_on', '<', `${year + 1}-01-01`);
  const rows = await query.execute();
  await ctx.db
    .transaction()
    .execute((trx) => audit(trx, ctx, { verb: 'incident.export', details: { rows: rows.length, year: year ?? null } }));
  return csvOf([
    [
      'date',
      'date_approximate',
      'country',
      'location',
      'incident_category',
      'incident_type',
      'property_target',
      'bias_motivation',
      'bias_indicators',
      'targets',
      'source',
    ],
    ...rows.map((r) => [
      r.date,
      r.date_approximate ? 'yes' : 'no',
      r.country,
      r.place,
      groupOf(r.incident_type),
      r.incident_type,
      r.property_target ?? '',
      r.bias_motivation,
      r.bias_indicators.join(';'),
      r.targets.join(';'),
      r.source,
    ]),
  ]);
}
