import { sql } from 'kysely';
import type { Db } from '../indicators/queries.js';

/** Alert points per country and year: yellow 1, orange 2, red 3, dismissed alerts not counted. */
export async function selectAlertWeights(db: Db, country?: string) {
  const result = await sql<{ country_iso2: string; year: number; weight: number }>`
    select a.country_iso2, extract(year from a.period)::int as year,
           sum(case a.level when 'red' then 3 when 'orange' then 2 else 1 end)::int as weight
    from warning_alert a
    where a.status <> 'dismissed' ${country ? sql`and a.country_iso2 = ${country}` : sql``}
    group by 1, 2`.execute(db);
  return result.rows;
}

/**
 * The yearly inputs that other domains feed as observations of catalogue indicators: the latest
 * mission alert level in each year (0–3) and the hate incidents verified in each year.
 */
export async function selectRiskInputs(db: Db, country?: string) {
  const result = await sql<{ country_iso2: string; code: string; year: number; value: number }>`
    select distinct on (o.country_iso2, i.code, extract(year from o.period))
           o.country_iso2, i.code, extract(year from o.period)::int as year,
           case when i.code = 'hate_incidents_verified' then sum(o.value) over (partition by o.country_iso2, i.code, extract(year from o.period)) else o.value end as value
    from warning_observation o join warning_indicator i on i.id = o.indicator_id
    where i.code in ('mission_alert_level', 'hate_incidents_verified') ${country ? sql`and o.country_iso2 = ${country}` : sql``}
    order by o.country_iso2, i.code, extract(year from o.period), o.period desc`.execute(db);
  return result.rows;
}

/** The latest year with any observation, and every year with an alert. */
export async function selectYears(db: Db) {
  const result = await sql<{ year: number }>`
    select distinct extract(year from period)::int as year from warning_alert
    union select extract(year from max(period))::int from warning_observation
    order by 1 desc`.execute(db);
  return result.rows.map((r) => r.year).filter((y) => y !== null);
}
