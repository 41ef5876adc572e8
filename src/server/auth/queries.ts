import { type Kysely, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DB } from '../db/schema.js';
import { rolesRequiringSecondFactor } from './second-factor/policy.js';

export function selectUserByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('app_user').selectAll().where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
}

export function selectUserById(db: Kysely<DB>, id: string) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The live session for a token hash, with its user; expired and disabled ones are not returned. */
export function selectLiveSession(db: Kysely<DB>, tokenHash: Buffer, idleMinutes: number) {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select((eb) => [
      's.id as session_id',
      's.csrf_token',
      's.last_seen_at',
      's.second_factor_step',
      'u.id as user_id',
      'u.email',
      'u.name',
      'u.language',
      'u.must_change_password',
      // The grants come with the session in one round trip: this runs on every signed-in request.
      jsonArrayFrom(
        eb
          .selectFrom('role_grant as g')
          .select(['g.role', 'g.scope_type as scopeType', 'g.organisation_id as organisationId', 'g.country_iso2 as countryIso2'])
          .whereRef('g.user_id', '=', 'u.id'),
      ).as('grants'),
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('s.last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

export function touchSession(db: Kysely<DB>, sessionId: string) {
  return db.updateTable('user_session').set({ last_seen_at: sql`now()` }).where('id', '=', sessionId).execute();
}

export function insertSession(
  db: Kysely<DB>,
  values: {
    tokenHash: Buffer;
    userId: string;
    csrfToken: string;
    absoluteHours: number;
    address: string;
    userAgent: string | null;
  },
) {
  return db
    .insertInto('user_session')
    .values({
      token_hash: values.tokenHash,
      user_id: values.userId,
      csrf_token: values.csrfToken,
      expires_at: sql`now() + make_interval(hours => ${values.absoluteHours})`,
      address: values.address,
      user_agent: values.userAgent,
      second_factor_step: secondFactorStepOf(values.userId),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function deleteSessionByHash(db: Kysely<DB>, tokenHash: Buffer) {
  return db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
}

export function deleteSession(db: Kysely<DB>, sessionId: string) {
  return db.deleteFrom('user_session').where('id', '=', sessionId).execute();
}

/**
 * Every new session starts here, whatever vouched for the person (password or single sign-on): a
 * person with a second factor must still type a code from it, and one whose roles require a
 * second factor and who has none must enrol, before the session vouches for them.
 */
function secondFactorStepOf(userId: string) {
  const roles = rolesRequiringSecondFactor();
  return sql<'verify' | 'enrol' | null>`(case
    when exists (select 1 from user_second_factor f where f.user_id = ${userId} and f.confirmed_at is not null) then 'verify'
    when exists (select 1 from role_grant g where g.user_id = ${userId} and g.role in (${sql.join(roles)})) then 'enrol'
  end)`;
}

/** Ends every session of a user except, optionally, one. */
export function deleteUserSessions(db: Kysely<DB>, userId: string, exceptSessionId?: string) {
  let query = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '<>', exceptSessionId);
  return query.execute();
}

export function deleteExpiredSessions(db: Kysely<DB>) {
  return db.deleteFrom('user_session').where('expires_at', '<=', sql<Date>`now()`).execute();
}

/**
 * What the recent failures say about one attempt on an account from an address: the address's
 * failures on every account, the account's failures, and whether this address is among those
 * failing on it. An address's first failure on the account counts once in `addressesOnAccount`,
 * so a stranger's hammering from one address never touches the count that other addresses meet.
 */
export async function selectSignInPressure(db: Kysely<DB>, accountKey: string, address: string, windowMinutes: number) {
  const since = sql<Date>`now() - make_interval(mins => ${windowMinutes})`;
  const { rows } = await sql<{
    by_address: number;
    by_account: number;
    by_account_from_address: number;
    addresses_on_account: number;
    since_last_on_account: number | null;
    since_last_new_address: number | null;
  }>`
    with on_account as (
      select address, at from login_failure where account_key = ${accountKey} and at > ${since}
    ), firsts as (
      select min(at) as first_at from on_account group by address
    )
    select
      (select count(*)::int from login_failure where address = ${address} and at > ${since}) as by_address,
      (select count(*)::int from on_account) as by_account,
      (select count(*)::int from on_account where address = ${address}) as by_account_from_address,
      (select count(*)::int from firsts) as addresses_on_account,
      (select extract(epoch from now() - max(at))::float8 from on_account) as since_last_on_account,
      (select extract(epoch from now() - max(first_at))::float8 from firsts) as since_last_new_address
  `.execute(db);
  const row = rows[0];
  return {
    byAddress: Number(row?.by_address ?? 0),
    byAccount: Number(row?.by_account ?? 0),
    byAccountFromAddress: Number(row?.by_account_from_address ?? 0),
    addressesOnAccount: Number(row?.addresses_on_account ?? 0),
    sinceLastOnAccount: row?.since_last_on_account == null ? null : Number(row.since_last_on_account),
    sinceLastNewAddress: row?.since_last_new_address == null ? null : Number(row.since_last_new_address),
  };
}

export type SignInPressure = Awaited<ReturnType<typeof selectSignInPressure>>;

/** Lock spaces (two-key advisory locks) for sign-in attempts per account and per address. */
const ACCOUNT_ATTEMPTS = 727_004;
const ADDRESS_ATTEMPTS = 727_005;

/**
 * Serialises the sign-in attempts on one account and from one address until the transaction
 * ends, across every instance: counting the failures and reserving the next one cannot race.
 * Always account first, then address, so two attempts never wait on each other in a cycle.
 */
export async function lockSignInAttempts(db: Kysely<DB>, accountKey: string, address: string) {
  await sql`select pg_advisory_xact_lock(${ACCOUNT_ATTEMPTS}, hashtext(${accountKey}))`.execute(db);
  await sql`select pg_advisory_xact_lock(${ADDRESS_ATTEMPTS}, hashtext(${address}))`.execute(db);
}

export async function insertLoginFailure(db: Kysely<DB>, accountKey: string, address: string): Promise<number> {
  const row = await db
    .insertInto('login_failure')
    .values({ account_key: accountKey, address })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export function deleteLoginFailure(db: Kysely<DB>, id: number) {
  return db.deleteFrom('login_failure').where('id', '=', id).execute();
}

/** Failures older than a day serve no rate limit any more. */
export function deleteOldLoginFailures(db: Kysely<DB>) {
  return db.deleteFrom('login_failure').where('at', '<', sql<Date>`now() - interval '1 day'`).execute();
}

export function recordLogin(db: Kysely<DB>, userId: string) {
  return db.updateTable('app_user').set({ last_login_at: sql`now()` }).where('id', '=', userId).execute();
}

export function updateAccount(db: Kysely<DB>, userId: string, values: { name?: string; language?: string }) {
  return db
    .updateTable('app_user')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

export function updatePassword(db: Kysely<DB>, userId: string, passwordHash: string, mustChange: boolean) {
  return db
    .updateTable('app_user')
    .set({
      password_hash: passwordHash,
      must_change_password: mustChange,
      password_changed_at: sql`now()`,
      updated_at: sql`now()`,
    })
    .where('id', '=', userId)
    .execute();
}
