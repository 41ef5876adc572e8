import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB>;

export function insertFeedToken(db: Db, values: { user_id: string; token_hash: Buffer; label: string }) {
  return db.insertInto('calendar_feed_token').values(values).returning(['id', 'label', 'created_at']).executeTakeFirstOrThrow();
}

export function selectFeedTokens(db: Db, userId: string) {
  return db
    .selectFrom('calendar_feed_token')
    .select(['id', 'label', 'created_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

export function revokeFeedToken(db: Db, userId: string, id: string) {
  return db
    .updateTable('calendar_feed_token')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** The live token's owner with their grants; nothing for a revoked token or a disabled account. */
export async function selectFeedOwner(db: Db, tokenHash: Buffer) {
  const owner = await db
    .selectFrom('calendar_feed_token as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.language'])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!owner) return undefined;
  const grants = await db
    .selectFrom('role_grant')
    .select(['role', 'scope_type', 'organisation_id', 'country_iso2'])
    .where('user_id', '=', owner.id)
    .execute();
  return { ...owner, grants };
}

export function selectDeploymentsOf(db: Db, expertIds: readonly string[]) {
  if (expertIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('deployment as d')
    .innerJoin('expert as e', 'e.id', 'd.expert_id')
    .leftJoin('mission as m', 'm.id', 'd.mission_id')
    .select(['d.id', 'd.title', 'd.starts_on', 'd.ends_on', 'e.name as expert_name', 'm.status', 'm.code'])
    .where('d.expert_id', 'in', expertIds)
    .orderBy('d.starts_on')
    .execute();
}
