import { sql } from 'kysely';
import type { Db } from '../indicators/queries.js';

const ASYLUM = ['refugees_hosted', 'asylum_seekers'];
const ORIGIN = ['refugees_by_origin', 'asylum_seekers_by_origin'];

/** Years with refugees or asylum seekers by country of asylum, newest first. */
export async function selectYears(db: Db): Promise<number[]> {
  const result = await sql<{ year: number }>`
    select distinct extract(year from o.period)::int as year
    from warning_observation o join warning_indicator i on i.id = o.indicator_id
    where i.code = any(${ASYLUM}::text[])
    order by year desc`.execute(db);
  return result.rows.map((r) => Number(r.year));
}

export interface CountryValue {
  code: string;
  country_iso2: string;
  value: number;
  batch_id: string;
}

/** Every country's refugees and asylum seekers, by asylum and by origin, in one year. */
export async function selectYear(db: Db, year: number): Promise<CountryValue[]> {
  const result = await sql<CountryValue>`
    select i.code, o.country_iso2, o.value, o.batch_id::text as batch_id
    from warning_observation o join warning_indicator i on i.id = o.indicator_id
    where i.code = any(${[...ASYLUM, ...ORIGIN]}::text[]) and o.period = make_date(${year}::int, 1, 1)`.execute(db);
  return result.rows;
}

/** The sum over every country of asylum, per year. */
export async function selectWorldTrend(db: Db) {
  const result = await sql<{ year: number; code: string; total: number }>`
    select extract(year from o.period)::int as year, i.code, sum(o.value) as total
    from warning_observation o join warning_indicator i on i.id = o.indicator_id
    where i.code = any(${ASYLUM}::text[])
    group by 1, 2 order by 1`.execute(db);
  return result.rows;
}

export async function selectBatchProvenance(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('warning_import_batch').select(['id', 'source', 'method']).where('id', 'in', ids).orderBy('id').execute();
}

export function selectCountries(db: Db) {
  return db
    .selectFrom('country')
    .select(['iso2', 'iso3', 'osce_status', 'name_en', 'name_fr', 'name_de', 'name_it', 'name_ru', 'name_es'])
    .execute();
}
