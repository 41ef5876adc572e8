import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ConferenceSessionTable } from '../tables.js';

export function insertSession(db: Kysely<DB>, values: Insertable<ConferenceSessionTable>) {
  return db.insertInto('conference_session').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateSession(db: Kysely<DB>, eventId: string, id: string, values: Updateable<ConferenceSessionTable>) {
  return db.updateTable('conference_session').set(values).where('id', '=', id).where('event_id', '=', eventId).executeTakeFirst();
}

export function deleteSession(db: Kysely<DB>, eventId: string, id: string) {
  return db.deleteFrom('conference_session').where('id', '=', id).where('event_id', '=', eventId).executeTakeFirst();
}

/** The contacts and experts already on a session, kept as they are when the session is edited. */
export async function selectSessionPeople(db: Kysely<DB>, eventId: string, id: string) {
  const session = await db
    .selectFrom('conference_session')
    .select('id')
    .where('id', '=', id)
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  if (!session) return null;
  const rows = await db
    .selectFrom('conference_session_person')
    .select(['contact_id', 'expert_id'])
    .where('session_id', '=', id)
    .execute();
  return {
    contacts: new Set(rows.flatMap((r) => (r.contact_id ? [r.contact_id] : []))),
    experts: new Set(rows.flatMap((r) => (r.expert_id ? [r.expert_id] : []))),
  };
}
