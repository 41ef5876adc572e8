import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The emails reported as failed, newest first, with whom they were for and what they told of. */
export function selectFailed(db: Kysely<DB>, limit: number, offset: number) {
  return db
    .selectFrom('notification_email as e')
    .innerJoin('app_user as u', 'u.id', 'e.user_id')
    .select([
      'e.id',
      'e.attempts',
      'e.last_error',
      'e.created_at',
      'u.id as user_id',
      'u.name',
      'u.email',
      sql<string[]>`array(
        select n.kind from notification n
        where n.id = e.notification_id
           or n.id in (select h.notification_id from notification_email h where h.digest_id = e.id)
        order by n.created_at)`.as('kinds'),
      sql<string>`count(*) over ()`.as('total'),
    ])
    .where('e.status', '=', 'failed')
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** A failed email is due again, with its attempts counted afresh. */
export async function requeue(db: Kysely<DB>, id: number): Promise<boolean> {
  const result = await db
    .updateTable('notification_email')
    .set({ status: 'pending', attempts: 0, next_attempt_at: sql`now()`, lease_until: null, claimed_by: null })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
