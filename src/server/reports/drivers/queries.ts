import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export type Db = Kysely<DB>;

export function selectAllDrivers(db: Db) {
  return db.selectFrom('displacement_driver').selectAll().orderBy('position').execute();
}

export async function selectReportDrivers(db: Db, reportId: string) {
  const rows = await db.selectFrom('mission_report_driver').select('driver_code').where('report_id', '=', reportId).execute();
  return new Set(rows.map((r) => r.driver_code));
}

export async function replaceReportDrivers(db: Db, reportId: string, drivers: readonly string[]) {
  await db.deleteFrom('mission_report_driver').where('report_id', '=', reportId).execute();
  if (drivers.length === 0) return;
  await db
    .insertInto('mission_report_driver')
    .values(drivers.map((driver_code) => ({ report_id: reportId, driver_code })))
    .execute();
}
