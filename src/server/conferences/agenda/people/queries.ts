import { type Insertable, type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { Viewer } from '../../../directory/visibility.js';
import { visibleRecords } from '../../../directory/visibility.js';
import type { ConferenceSessionPersonTable } from '../../tables.js';

/** The people of these sessions, moderators first, each in the organiser's order, with what names them. */
export function selectPeople(db: Kysely<DB>, sessionIds: readonly string[]) {
  return db
    .selectFrom('conference_session_person as p')
    .leftJoin('directory_contact as c', 'c.id', 'p.contact_id')
    .leftJoin('organisation as co', 'co.id', 'c.organisation_id')
    .leftJoin('expert as x', 'x.id', 'p.expert_id')
    .leftJoin('organisation as xo', 'xo.id', 'x.organisation_id')
    .select([
      'p.session_id',
      'p.role',
      'p.contact_id',
      'p.expert_id',
      'p.guest_name',
      'p.guest_affiliation',
      'p.announced',
      'c.name as contact_name',
      'c.visibility as contact_visibility',
      'c.organisation_id as contact_organisation_id',
      'co.name_en as contact_organisation',
      'x.name as expert_name',
      'xo.name_en as expert_organisation',
    ])
    .where('p.session_id', 'in', sessionIds.length ? [...sessionIds] : ['00000000-0000-0000-0000-000000000000'])
    .orderBy('p.session_id')
    .orderBy('p.role')
    .orderBy('p.position')
    .execute();
}
export type PersonRow = Awaited<ReturnType<typeof selectPeople>>[number];

export async function replacePeople(
  db: Kysely<DB>,
  sessionId: string,
  people: ReadonlyArray<Omit<Insertable<ConferenceSessionPersonTable>, 'session_id'>>,
) {
  await db.deleteFrom('conference_session_person').where('session_id', '=', sessionId).execute();
  if (people.length === 0) return;
  await db
    .insertInto('conference_session_person')
    .values(people.map((p) => ({ ...p, session_id: sessionId })))
    .execute();
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** Contacts the viewer may see whose name holds the words typed. */
export function searchContacts(db: Kysely<DB>, viewer: Viewer, q: string, limit: number) {
  return db
    .selectFrom('directory_contact as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select(['c.id', 'c.name', 'o.name_en as organisation', 'o.acronym'])
    .where(visibleRecords(viewer, 'c'))
    .where(sql<boolean>`directory_fold(c.name) like directory_fold(${like(q)})`)
    .orderBy('c.name')
    .orderBy('c.id')
    .limit(limit)
    .execute();
}

/** Experts of the roster whose name holds the words typed. */
export function searchExperts(db: Kysely<DB>, q: string, limit: number) {
  return db
    .selectFrom('expert as x')
    .innerJoin('organisation as o', 'o.id', 'x.organisation_id')
    .select(['x.id', 'x.name', 'o.name_en as organisation', 'o.acronym'])
    .where(sql<boolean>`directory_fold(x.name) like directory_fold(${like(q)})`)
    .orderBy('x.name')
    .orderBy('x.id')
    .limit(limit)
    .execute();
}

/** Contacts by id, with what decides who sees them. */
export function selectContacts(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('directory_contact')
    .select(['id', 'visibility', 'organisation_id'])
    .where('id', 'in', [...ids])
    .execute();
}

export function selectExperts(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('expert')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
}
