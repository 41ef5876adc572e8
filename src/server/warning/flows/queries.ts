import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { FlowRole } from './schemas.js';

type Db = Kysely<DB>;

export function selectDrivers(db: Db) {
  return db.selectFrom('displacement_driver').selectAll().orderBy('position').execute();
}
export type DriverRow = Awaited<ReturnType<typeof selectDrivers>>[number];

export function selectRoles(db: Db, iso2: string) {
  return db.selectFrom('country_flow_role').selectAll().where('country_iso2', '=', iso2).orderBy('year', 'desc').execute();
}

/** The countries holding the role in the year. */
export async function selectRoleGroup(db: Db, role: FlowRole, year: number) {
  const rows = await db
    .selectFrom('country_flow_role')
    .select('country_iso2')
    .where('year', '=', year)
    .where(role, '=', true)
    .orderBy('country_iso2')
    .execute();
  return rows.map((r) => r.country_iso2);
}

/** The years with any UNHCR figure behind the roles, the latest first. */
export async function selectRoleYears(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('country_flow_role').select('year').distinct().orderBy('year', 'desc').execute();
  return rows.map((r) => r.year);
}

/** How often reports (by their mission's year) and alerts (by their period's year) on the country name each driver. */
export async function selectDriverCounts(db: Db, iso2: string) {
  const { rows } = await sql<{ year: number; driver: string; reports: number; alerts: number }>`
    with named as (
      select extract(year from m.starts_on)::int as year, d.driver_code as driver, 1 as report, 0 as alert
      from mission_report_driver d
      join mission_report r on r.id = d.report_id
      join mission m on m.id = r.mission_id
      join mission_country c on c.mission_id = m.id and c.country_iso2 = ${iso2}
      union all
      select extract(year from a.period)::int, d.driver_code, 0, 1
      from warning_alert_driver d
      join warning_alert a on a.id = d.alert_id and a.country_iso2 = ${iso2}
    )
    select year, driver, sum(report)::int as reports, sum(alert)::int as alerts
    from named group by year, driver order by year desc, driver`.execute(db);
  return rows;
}

export function selectAlertCountry(db: Db, id: string) {
  return db.selectFrom('warning_alert').select(['id', 'country_iso2']).where('id', '=', id).executeTakeFirst();
}

export async function replaceAlertDrivers(db: Db, id: string, drivers: readonly string[]) {
  await db.deleteFrom('warning_alert_driver').where('alert_id', '=', id).execute();
  if (drivers.length > 0) {
    await db
      .insertInto('warning_alert_driver')
      .values(drivers.map((driver_code) => ({ alert_id: id, driver_code })))
      .execute();
  }
}

export async function selectAlertDrivers(db: Db, id: string) {
  const rows = await db.selectFrom('warning_alert_driver').select('driver_code').where('alert_id', '=', id).execute();
  return rows.map((r) => r.driver_code);
}
