import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { ConferenceSessionDocumentTable, SessionDocumentVisibility } from '../../tables.js';

/** The documents of these sessions open at these visibilities, oldest first, without their bytes. */
export function selectDocuments(
  db: Kysely<DB>,
  sessionIds: readonly string[],
  visibilities: readonly SessionDocumentVisibility[],
) {
  if (sessionIds.length === 0 || visibilities.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('conference_session_document')
    .select(['id', 'session_id', 'title', 'visibility', 'file_name', 'media_type', 'byte_size'])
    .where('session_id', 'in', [...sessionIds])
    .where('visibility', 'in', [...visibilities])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** One document of an event, with its bytes. */
export function selectDocumentFile(db: Kysely<DB>, eventId: string, documentId: string) {
  return db
    .selectFrom('conference_session_document as d')
    .innerJoin('conference_session as s', 's.id', 'd.session_id')
    .select(['d.id', 'd.visibility', 'd.file_name', 'd.media_type', 'd.content'])
    .where('d.id', '=', documentId)
    .where('s.event_id', '=', eventId)
    .executeTakeFirst();
}

export function selectSessionOfEvent(db: Kysely<DB>, eventId: string, sessionId: string) {
  return db
    .selectFrom('conference_session')
    .select('id')
    .where('id', '=', sessionId)
    .where('event_id', '=', eventId)
    .executeTakeFirst();
}

export function insertDocument(db: Kysely<DB>, values: Insertable<ConferenceSessionDocumentTable>) {
  return db.insertInto('conference_session_document').values(values).returning('id').executeTakeFirstOrThrow();
}

export function deleteDocument(db: Kysely<DB>, eventId: string, documentId: string) {
  return db
    .deleteFrom('conference_session_document')
    .where('id', '=', documentId)
    .where('session_id', 'in', (eb) => eb.selectFrom('conference_session').select('id').where('event_id', '=', eventId))
    .executeTakeFirst();
}
