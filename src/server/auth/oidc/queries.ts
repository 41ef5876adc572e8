import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type {} from './tables.js';

/** Keeps the checks of a sign-in that has gone to the provider, for a few minutes. */
export function insertAttempt(
  db: Kysely<DB>,
  values: { stateHash: Buffer; nonce: string; codeVerifier: string; returnTo: string | null; minutes: number },
) {
  return db
    .insertInto('sso_attempt')
    .values({
      state_hash: values.stateHash,
      nonce: values.nonce,
      code_verifier: values.codeVerifier,
      return_to: values.returnTo,
      expires_at: sql`now() + make_interval(mins => ${values.minutes})`,
    })
    .execute();
}

export function deleteExpiredAttempts(db: Kysely<DB>) {
  return db.deleteFrom('sso_attempt').where('expires_at', '<=', sql<Date>`now()`).execute();
}

/** Takes the attempt for a state, once: a second answer with the same state finds nothing. */
export function takeAttempt(db: Kysely<DB>, stateHash: Buffer) {
  return db
    .deleteFrom('sso_attempt')
    .where('state_hash', '=', stateHash)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning(['nonce', 'code_verifier', 'return_to'])
    .executeTakeFirst();
}

/** The account linked to the provider's account, if any. */
export function selectLinkedUser(db: Kysely<DB>, issuer: string, subject: string) {
  return db
    .selectFrom('sso_identity as i')
    .innerJoin('app_user as u', 'u.id', 'i.user_id')
    .select(['u.id', 'u.disabled_at'])
    .where('i.issuer', '=', issuer)
    .where('i.subject', '=', subject)
    .executeTakeFirst();
}

export function selectUserByEmail(db: Kysely<DB>, email: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'disabled_at', 'must_change_password'])
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export function insertIdentity(db: Kysely<DB>, values: { issuer: string; subject: string; userId: string }) {
  return db
    .insertInto('sso_identity')
    .values({ issuer: values.issuer, subject: values.subject, user_id: values.userId })
    .execute();
}

export function touchIdentity(db: Kysely<DB>, issuer: string, subject: string) {
  return db
    .updateTable('sso_identity')
    .set({ last_sign_in_at: sql`now()` })
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .execute();
}

/** An account opened by single sign-on: no password, no role. */
export function insertUser(db: Kysely<DB>, values: { email: string; name: string; language: string }) {
  return db
    .insertInto('app_user')
    .values({
      email: values.email,
      name: values.name,
      language: values.language,
      password_hash: null,
      must_change_password: false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A one-time password never replaced is withdrawn once the person has signed in through the provider. */
export function withdrawOneTimePassword(db: Kysely<DB>, userId: string) {
  return db
    .updateTable('app_user')
    .set({ password_hash: null, must_change_password: false, updated_at: sql`now()` })
    .where('id', '=', userId)
    .where('must_change_password', '=', true)
    .execute();
}
