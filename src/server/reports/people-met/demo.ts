import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The drivers each demonstration report names, and whom its team met, by mission code. */
const REPORTS: Record<string, { drivers: string[]; people: Array<[name: string, fn: string, organisation: string]> }> = {
  'RFFM-2016-01': {
    drivers: ['conflict', 'conflict_violence', 'persecution_political'],
    people: [
      ['Head of the Idomeni field office', 'Protection officer', 'UNHCR'],
      ['Mayor of Paionia', 'Mayor', 'Municipality of Paionia'],
    ],
  },
  'RFFM-2016-02': {
    drivers: ['economic', 'economic_poverty', 'conflict'],
    people: [['Prefect of Agrigento', 'Prefect', 'Prefecture of Agrigento']],
  },
  'RFFM-2017-01': { drivers: ['conflict', 'conflict_destruction'], people: [] },
  'RFFM-2022-01': {
    drivers: ['conflict', 'conflict_destruction', 'persecution_identity'],
    people: [['Head of the border reception point', 'Head of unit', 'General Inspectorate for Immigration']],
  },
  'RFFM-2023-01': { drivers: ['environmental', 'environmental_slow_onset', 'economic_food'], people: [] },
  'RFFM-2024-01': { drivers: ['persecution', 'persecution_gender', 'economic_poverty'], people: [] },
};

/** Adds the drivers and the people met to the demonstration reports; run once, with the reports. */
export async function seedReportContextDemo(db: Kysely<DB>): Promise<void> {
  const reports = await db
    .selectFrom('mission_report as r')
    .innerJoin('mission as m', 'm.id', 'r.mission_id')
    .select(['r.id', 'm.code'])
    .execute();
  for (const report of reports) {
    const demo = REPORTS[report.code];
    if (!demo) continue;
    await db
      .insertInto('mission_report_driver')
      .values(demo.drivers.map((driver_code) => ({ report_id: report.id, driver_code })))
      .execute();
    if (demo.people.length === 0) continue;
    await db
      .insertInto('mission_report_person_met')
      .values(
        demo.people.map(([name, fn, organisation], position) => ({
          report_id: report.id,
          position,
          name,
          function: fn,
          organisation_name: organisation,
        })),
      )
      .execute();
  }
}
