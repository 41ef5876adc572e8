import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Viewer, visibleRecords } from '../../directory/visibility.js';

type Db = Kysely<DB>;

export function selectPeopleMet(db: Db, reportId: string) {
  return db
    .selectFrom('mission_report_person_met')
    .select(['contact_id', 'name', 'function', 'organisation_name'])
    .where('report_id', '=', reportId)
    .orderBy('position')
    .execute();
}

/** The directory contacts among `ids` the viewer may see, with their function and organisation. */
export async function selectVisibleContacts(db: Db, viewer: Viewer, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ id: string; name: string; title: string | null; organisation: string }>`
    select c.id, c.name, c.title, coalesce(o.acronym, o.name_en) as organisation
    from directory_contact c join organisation o on o.id = c.organisation_id
    where c.id = any(${ids}::uuid[]) and ${visibleRecords(viewer, 'c')}`.execute(db);
  return rows;
}

export async function replacePeopleMet(
  db: Db,
  reportId: string,
  people: ReadonlyArray<{ contact_id: string | null; name: string; function: string; organisation_name: string }>,
) {
  await db.deleteFrom('mission_report_person_met').where('report_id', '=', reportId).execute();
  if (people.length === 0) return;
  await db
    .insertInto('mission_report_person_met')
    .values(people.map((p, position) => ({ ...p, report_id: reportId, position })))
    .execute();
}
