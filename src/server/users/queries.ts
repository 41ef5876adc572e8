import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { DB } from '../db/schema.js';
import type { GrantInput, UserListQuery } from './schemas.js';

const USER_COLUMNS = [
  'id',
  'email',
  'name',
  'language',
  'must_change_password',
  'disabled_at',
  'last_login_at',
  'created_at',
] as const;

function filtered(db: Kysely<DB>, query: Pick<UserListQuery, 'q' | 'role'>) {
  let select = db.selectFrom('app_user');
  if (query.q) {
    const pattern = `%${query.q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
    select = select.where((eb) => eb.or([eb(sql`lower(name)`, 'like', pattern), eb(sql`lower(email)`, 'like', pattern)]));
  }
  if (query.role) {
    const role = query.role;
    select = select.where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_grant')
          .select('role_grant.id')
          .whereRef('role_grant.user_id', '=', 'app_user.id')
          .where('role_grant.role', '=', role),
      ),
    );
  }
  return select;
}

/** Whether the user has a confirmed second factor (for the co-ordinator's reset). */
function secondFactorOf(eb: ExpressionBuilder<DB, 'app_user'>) {
  return eb
    .exists(
      eb
        .selectFrom('user_second_factor')
        .select('user_second_factor.user_id')
        .whereRef('user_second_factor.user_id', '=', 'app_user.id')
        .where('user_second_factor.confirmed_at', 'is not', null),
    )
    .as('second_factor');
}

/** A user's grants as a JSON array, beside the user's row. */
function grantsOf(eb: ExpressionBuilder<DB, 'app_user'>) {
  return jsonArrayFrom(
    eb
      .selectFrom('role_grant as g')
      .select(['g.role', 'g.scope_type as scopeType', 'g.organisation_id as organisationId', 'g.country_iso2 as countryIso2'])
      .whereRef('g.user_id', '=', 'app_user.id')
      .orderBy('g.role'),
  ).as('grants');
}

/** The roster expert whose account this is, if any, as a JSON object beside the user's row. */
function expertOf(eb: ExpressionBuilder<DB, 'app_user'>) {
  return jsonObjectFrom(eb.selectFrom('expert as e').select(['e.id', 'e.name']).whereRef('e.user_id', '=', 'app_user.id')).as(
    'expert',
  );
}

/** A page of users with their grants and the total count, in one query. */
export function selectUsers(db: Kysely<DB>, query: UserListQuery) {
  return filtered(db, query)
    .select((eb) => [...USER_COLUMNS, grantsOf(eb), expertOf(eb), secondFactorOf(eb), sql<number>`count(*) over ()`.as('total')])
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .limit(query.limit ?? 50)
    .offset(query.offset ?? 0)
    .execute();
}

export async function countUsers(db: Kysely<DB>, query: UserListQuery): Promise<number> {
  const row = await filtered(db, query).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n;
}

export function selectUser(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('app_user')
    .select((eb) => [...USER_COLUMNS, grantsOf(eb), expertOf(eb), secondFactorOf(eb)])
    .where('id', '=', id)
    .executeTakeFirst();
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof selectUser>>>;

export function insertUser(
  db: Kysely<DB>,
  values: { email: string; name: string; language: string; passwordHash: string; mustChangePassword: boolean },
) {
  return db
    .insertInto('app_user')
    .values({
      email: values.email,
      name: values.name,
      language: values.language,
      password_hash: values.passwordHash,
      must_change_password: values.mustChangePassword,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function updateUser(db: Kysely<DB>, id: string, values: { name?: string; language?: string; disabled?: boolean }) {
  return db
    .updateTable('app_user')
    .set({
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.language !== undefined ? { language: values.language } : {}),
      ...(values.disabled !== undefined ? { disabled_at: values.disabled ? sql`coalesce(disabled_at, now())` : null } : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function replaceGrants(db: Kysely<DB>, userId: string, grants: readonly GrantInput[], createdBy: string | null) {
  await db.deleteFrom('role_grant').where('user_id', '=', userId).execute();
  if (grants.length === 0) return;
  await db
    .insertInto('role_grant')
    .values(
      grants.map((g) => ({
        user_id: userId,
        role: g.role,
        scope_type: g.scopeType,
        organisation_id: g.organisationId ?? null,
        country_iso2: g.countryIso2 ?? null,
        created_by: createdBy,
      })),
    )
    .execute();
}

/** Key of the advisory lock under which a change that may remove a co-ordinator counts the others. */
const COORDINATORS_LOCK = 727_006;

/**
 * Serialises, across instances, the changes that could take away a co-ordinator, so that two
 * co-ordinators demoting each other at the same moment cannot both pass the "one must remain" check.
 */
export async function lockCoordinators(db: Kysely<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${COORDINATORS_LOCK})`.execute(db);
}

/** Locks a user's row until the transaction ends: concurrent replacements of their grants queue up. */
export function lockUser(db: Kysely<DB>, id: string) {
  return db.selectFrom('app_user').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Active users holding the co-ordinator role, for the rule that one must always remain. */
export async function countActiveCoordinators(db: Kysely<DB>, exceptUserId?: string): Promise<number> {
  let query = db
    .selectFrom('role_grant')
    .innerJoin('app_user', 'app_user.id', 'role_grant.user_id')
    .select(sql<number>`count(distinct app_user.id)::int`.as('n'))
    .where('role_grant.role', '=', 'coordinator')
    .where('app_user.disabled_at', 'is', null);
  if (exceptUserId) query = query.where('app_user.id', '<>', exceptUserId);
  return (await query.executeTakeFirstOrThrow()).n;
}
