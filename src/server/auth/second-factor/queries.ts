import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

export function selectFactor(db: Kysely<DB>, userId: string) {
  return db.selectFrom('user_second_factor').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** A new, unconfirmed secret for a person (sealed), replacing any earlier one they did not confirm. */
export function upsertPendingFactor(db: Kysely<DB>, userId: string, secret: string) {
  return db
    .insertInto('user_second_factor')
    .values({ user_id: userId, secret })
    .onConflict((oc) =>
      oc
        .column('user_id')
        .doUpdateSet({ secret, last_step: null, created_at: sql`now()` })
        .where('user_second_factor.confirmed_at', 'is', null),
    )
    .execute();
}

export function confirmFactor(db: Kysely<DB>, userId: string, step: number) {
  return db
    .updateTable('user_second_factor')
    .set({ confirmed_at: sql`now()`, last_step: step })
    .where('user_id', '=', userId)
    .where('confirmed_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Takes a time step as the last one used, only when it is later than the last one: two requests
 * with the same code cannot both pass, whatever their timing. Returns whether it was taken.
 */
export async function claimStep(db: Kysely<DB>, userId: string, step: number): Promise<boolean> {
  const row = await db
    .updateTable('user_second_factor')
    .set({ last_step: step })
    .where('user_id', '=', userId)
    .where('confirmed_at', 'is not', null)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export function deleteFactor(db: Kysely<DB>, userId: string) {
  return db.deleteFrom('user_second_factor').where('user_id', '=', userId).executeTakeFirst();
}

export function deleteRecoveryCodes(db: Kysely<DB>, userId: string) {
  return db.deleteFrom('user_recovery_code').where('user_id', '=', userId).execute();
}

export function insertRecoveryCodes(db: Kysely<DB>, userId: string, hashes: string[]) {
  return db
    .insertInto('user_recovery_code')
    .values(hashes.map((code_hash) => ({ user_id: userId, code_hash })))
    .execute();
}

export function selectUnusedRecoveryCodes(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('user_recovery_code')
    .select(['id', 'code_hash'])
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Marks a recovery code used, only if it was not already: returns whether this call used it. */
export async function markRecoveryCodeUsed(db: Kysely<DB>, id: number): Promise<boolean> {
  const row = await db
    .updateTable('user_recovery_code')
    .set({ used_at: sql`now()` })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function countUnusedRecoveryCodes(db: Kysely<DB>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('user_recovery_code')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Whether the user holds any of the roles given. */
export async function holdsAnyRole(db: Kysely<DB>, userId: string, roles: readonly string[]): Promise<boolean> {
  if (roles.length === 0) return false;
  const row = await db
    .selectFrom('role_grant')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('role', 'in', roles as never)
    .executeTakeFirst();
  return row !== undefined;
}

/** The session has taken its second step (or has none to take) and now vouches for its person. */
export function completeSessionStep(db: Kysely<DB>, sessionId: string) {
  return db.updateTable('user_session').set({ second_factor_step: null }).where('id', '=', sessionId).execute();
}

export function deleteUserSessions(db: Kysely<DB>, userId: string) {
  return db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}
