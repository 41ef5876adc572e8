import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Candidate } from '../imports/formats.js';

export type Db = Kysely<DB>;

export function selectIndicators(db: Db) {
  return db.selectFrom('warning_indicator').selectAll().orderBy('id').execute();
}

export type IndicatorRow = Awaited<ReturnType<typeof selectIndicators>>[number];

export function selectCountryCodes(db: Db) {
  return db.selectFrom('country').select(['iso2', 'iso3', 'name_en', 'osce_status']).execute();
}

export async function insertBatch(
  db: Db,
  values: {
    source: string;
    format: string;
    fileName: string;
    sha256: string;
    rowCount: number;
    skipped: number;
    method: string;
    actorId: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('warning_import_batch')
    .values({
      source: values.source,
      format: values.format,
      file_name: values.fileName,
      file_sha256: values.sha256,
      row_count: values.rowCount,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      skipped: values.skipped,
      method: values.method,
      created_by: values.actorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

export async function finishBatch(db: Db, id: string, counts: { inserted: number; updated: number; unchanged: number }) {
  await db.updateTable('warning_import_batch').set(counts).where('id', '=', id).execute();
}

export async function deleteBatch(db: Db, id: string) {
  await db.deleteFrom('warning_import_batch').where('id', '=', id).execute();
}

/**
 * Writes one chunk of values: new ones are inserted, changed ones replaced with the old value kept
 * as a revision, equal ones left alone (so re-importing a file changes nothing).
 */
export async function applyObservations(
  db: Db,
  batchId: string,
  rows: ReadonlyArray<Candidate & { indicatorId: number }>,
): Promise<{ inserted: number; updated: number }> {
  return applyIncoming(
    db,
    batchId,
    sql`select i.indicator_id, i.country_iso2::char(2) as country_iso2, i.period, i.value
      from unnest(${rows.map((r) => r.indicatorId)}::int2[], ${rows.map((r) => r.country)}::text[],
                  ${rows.map((r) => r.period)}::date[], ${rows.map((r) => r.value)}::float8[])
        as i(indicator_id, country_iso2, period, value)`,
  );
}

/** As `applyObservations`, all the values of a table of the transaction (indicator_id, country_iso2, period, value) at once. */
export function applyObservationsFrom(db: Db, batchId: string, table: string) {
  return applyIncoming(db, batchId, sql`select indicator_id, country_iso2, period, value from ${sql.table(table)}`);
}

async function applyIncoming(db: Db, batchId: string, incoming: RawBuilder<unknown>) {
  const result = await sql<{ updated: string; written: string }>`
    with incoming as (${incoming}),
    saved as (
      insert into warning_observation_revision (indicator_id, country_iso2, period, value, batch_id, replaced_by_batch_id)
      select o.indicator_id, o.country_iso2, o.period, o.value, o.batch_id, ${batchId}::bigint
      from warning_observation o
      join incoming i on i.indicator_id = o.indicator_id and i.country_iso2 = o.country_iso2 and i.period = o.period
      where o.value <> i.value
      returning 1
    ),
    written as (
      insert into warning_observation (indicator_id, country_iso2, period, value, batch_id)
      select indicator_id, country_iso2, period, value, ${batchId}::bigint from incoming
      on conflict (indicator_id, country_iso2, period)
        do update set value = excluded.value, batch_id = excluded.batch_id
        where warning_observation.value <> excluded.value
      returning 1
    )
    select (select count(*) from saved) as updated, (select count(*) from written) as written`.execute(db);
  const row = result.rows[0] as { updated: string; written: string };
  const updated = Number(row.updated);
  return { updated, inserted: Number(row.written) - updated };
}

/**
 * The indicators the values of a table of the transaction (with the row of each value) touch, in the order of their first row,
 * with their countries and earliest period: what the rules are evaluated on.
 */
export async function selectTouchedFrom(db: Db, table: string) {
  const { rows } = await sql<{ indicator_id: number; countries: string[]; from_period: string }>`
    select indicator_id, array_agg(distinct country_iso2::text) as countries, to_char(min(period), 'YYYY-MM-DD') as from_period
    from ${sql.table(table)} v join warning_indicator i on i.id = v.indicator_id
    group by indicator_id, i.code order by min(row), i.code`.execute(db);
  return rows.map((r) => ({ ...r, indicator_id: Number(r.indicator_id) }));
}

export interface SeriesPoint {
  indicator_code: string;
  country_iso2: string;
  period: string;
  value: number;
  source: string;
  batch_id: string;
  imported_at: Date;
  method: string;
}

/** Observations of some indicators and countries, in period order, with their provenance. */
export async function selectSeries(
  db: Db,
  filter: { indicators?: string[]; countries?: string[]; from?: string; to?: string; limit: number },
): Promise<SeriesPoint[]> {
  const result = await sql<SeriesPoint>`
    select i.code as indicator_code, o.country_iso2, to_char(o.period, 'YYYY-MM-DD') as period, o.value,
           b.source, b.id::text as batch_id, b.created_at as imported_at, b.method
    from warning_observation o
    join warning_indicator i on i.id = o.indicator_id
    join warning_import_batch b on b.id = o.batch_id
    where true
      ${filter.indicators ? sql`and i.code = any(${filter.indicators}::text[])` : sql``}
      ${filter.countries ? sql`and o.country_iso2 = any(${filter.countries}::bpchar[])` : sql``}
      ${filter.from ? sql`and o.period >= ${filter.from}::date` : sql``}
      ${filter.to ? sql`and o.period <= ${filter.to}::date` : sql``}
    order by i.code, o.country_iso2, o.period
    limit ${filter.limit}`.execute(db);
  return result.rows;
}

/** The earlier values of one observation, newest first. */
export async function selectRevisions(db: Db, indicatorId: number, country: string, period: string) {
  const result = await sql<{ value: number; source: string; batch_id: string; replaced_by_batch_id: string; replaced_at: Date }>`
    select r.value, b.source, r.batch_id::text as batch_id, r.replaced_by_batch_id::text as replaced_by_batch_id, r.replaced_at
    from warning_observation_revision r join warning_import_batch b on b.id = r.batch_id
    where r.indicator_id = ${indicatorId} and r.country_iso2 = ${country} and r.period = ${period}::date
    order by r.id desc`.execute(db);
  return result.rows;
}

/** Each country's value of one indicator in one period, or in its latest period when none is given. */
export async function selectComparison(db: Db, indicatorId: number, period: string | undefined) {
  const result = await sql<{ country_iso2: string; period: string; value: number }>`
    select distinct on (o.country_iso2) o.country_iso2, to_char(o.period, 'YYYY-MM-DD') as period, o.value
    from warning_observation o
    where o.indicator_id = ${indicatorId} ${period ? sql`and o.period = ${period}::date` : sql``}
    order by o.country_iso2, o.period desc`.execute(db);
  return result.rows;
}

export function selectBatches(db: Db, limit: number) {
  return db
    .selectFrom('warning_import_batch as b')
    .leftJoin('app_user as u', 'u.id', 'b.created_by')
    .select([
      'b.id',
      'b.source',
      'b.format',
      'b.file_name',
      'b.row_count',
      'b.inserted',
      'b.updated',
      'b.unchanged',
      'b.skipped',
      'b.method',
      'b.created_at',
      'u.name as created_by_name',
    ])
    .orderBy('b.id', 'desc')
    .limit(limit)
    .execute();
}
