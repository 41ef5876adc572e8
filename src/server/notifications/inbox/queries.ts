import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/** One person's notices, newest first, with the count of all and of the unread. */
export function selectNotices(db: Kysely<DB>, userId: string, query: { unread?: boolean; limit: number; offset: number }) {
  return db
    .selectFrom('notification')
    .select(['id', 'kind', 'category', 'params', 'link', 'created_at', 'read_at', sql<string>`count(*) over ()`.as('total')])
    .where('user_id', '=', userId)
    .$if(query.unread === true, (qb) => qb.where('read_at', 'is', null))
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
}

export async function countUnread(db: Kysely<DB>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one person's notices read (these, or all); another person's are never touched. */
export async function markRead(db: Kysely<DB>, userId: string, ids?: readonly string[]): Promise<number> {
  const result = await db
    .updateTable('notification')
    .set({ read_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .$if(ids !== undefined, (qb) => qb.where('id', 'in', ids as string[]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function noticeBelongsTo(db: Kysely<DB>, userId: string, id: string) {
  return db.selectFrom('notification').select('id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
}
