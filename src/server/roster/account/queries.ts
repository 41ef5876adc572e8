import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB>;

/** The expert's row, locked until the transaction ends: two links at once cannot both succeed. */
export function lockExpert(db: Db, id: string) {
  return db.selectFrom('expert').select(['id', 'name', 'user_id']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function selectAccount(db: Db, userId: string) {
  return db.selectFrom('app_user').select(['id', 'email', 'name']).where('id', '=', userId).executeTakeFirst();
}

/** The expert an account already belongs to, if any. */
export function selectExpertOfAccount(db: Db, userId: string) {
  return db.selectFrom('expert').select(['id', 'name']).where('user_id', '=', userId).executeTakeFirst();
}

export function setExpertAccount(db: Db, id: string, userId: string | null) {
  return db.updateTable('expert').set({ user_id: userId, updated_at: new Date() }).where('id', '=', id).execute();
}
