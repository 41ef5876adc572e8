import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ConferenceSessionTable } from '../tables.js';

export function insertSession(db: Kysely<DB>, values: Insertable<ConferenceSessionTable>) {
  return db.insertInto('conference_session').values(values).returning('id').executeTakeFirstOrThrow();
}
