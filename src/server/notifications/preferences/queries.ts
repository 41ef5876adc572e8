import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { DeliveryMode } from '../tables.js';

export function selectPreferences(db: Kysely<DB>, userId: string) {
  return db.selectFrom('notification_preference').select(['category', 'mode']).where('user_id', '=', userId).execute();
}

export function upsertPreferences(db: Kysely<DB>, userId: string, rows: ReadonlyArray<{ category: string; mode: DeliveryMode }>) {
  return db
    .insertInto('notification_preference')
    .values(rows.map((row) => ({ user_id: userId, category: row.category, mode: row.mode })))
    .onConflict((oc) =>
      oc
        .constraint('notification_preference_pk')
        .doUpdateSet((eb) => ({ mode: eb.ref('excluded.mode'), updated_at: sql`now()` })),
    )
    .execute();
}

export function userExists(db: Kysely<DB>, userId: string) {
  return db.selectFrom('app_user').select('id').where('id', '=', userId).executeTakeFirst();
}
