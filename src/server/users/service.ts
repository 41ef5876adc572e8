import { type Kysely, sql } from 'kysely';
import { assertAllowed, holds } from '../access/check.js';
import { ROLE_SCOPES, ROLES, SENSITIVE_ROLES } from '../access/roles.js';
import { audit } from '../audit/record.js';
import { generateOneTimePassword, hashPassword } from '../auth/passwords.js';
import { deleteUserSessions } from '../auth/queries.js';
import type { Context } from '../context.js';
import type { DB } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { Problem } from '../http/problems.js';
import { tellPasswordReset } from '../notifications/devices.js';
import * as q from './queries.js';
import type { CreateUserBody, GrantInput, GrantsBody, UpdateUserBody, UserListQuery, UserView } from './schemas.js';

function present(ctx: Context, row: q.UserRow): UserView {
  const canManage = holds(ctx.actor, 'user.manage');
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    language: row.language as UserView['language'],
    mustChangePassword: row.must_change_password,
    disabled: row.disabled_at !== null,
    lastLoginAt: row.last_login_at ? new Date(row.last_login_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
    grants: row.grants as UserView['grants'],
    expert: row.expert ? { id: row.expert.id, name: row.expert.name } : null,
    secondFactor: Boolean(row.second_factor),
    actions: canManage
      ? [
          'edit',
          'grant',
          'reset_password',
          // One's own factor is not reset here: another co-ordinator does it.
          ...(row.second_factor && row.id !== ctx.actor?.userId ? (['reset_second_factor'] as const) : []),
        ]
      : [],
    grantableRoles: !canManage
      ? []
      : row.id === ctx.actor?.userId
        ? ROLES.filter((r) => !SENSITIVE_ROLES.includes(r))
        : [...ROLES],
  };
}

const grantKey = (g: GrantInput) => [g.role, g.scopeType, g.organisationId ?? '', g.countryIso2 ?? ''].join('|');

/**
 * The sensitive grants among `grants` that `held` does not already have. Granting one needs a
 * reason, and someone other than the person who receives it.
 */
function checkSensitiveGrants(
  ctx: Context,
  userId: string | null,
  grants: readonly GrantInput[],
  held: readonly GrantInput[],
  reason: string | undefined,
): GrantInput[] {
  const heldKeys = new Set(held.map(grantKey));
  const added = grants.filter((g) => SENSITIVE_ROLES.includes(g.role) && !heldKeys.has(grantKey(g)));
  if (added.length === 0) return added;
  if (userId !== null && userId === ctx.actor?.userId) {
    throw new Problem('forbidden', 'You cannot grant yourself this role: another co-ordinator must grant it to you.');
  }
  if (!reason?.trim()) {
    const message = 'Say why this role is granted; the reason is recorded in the audit log.';
    throw new Problem('validation', message, { errors: [{ pointer: '/reason', code: 'reason_required', message }] });
  }
  return added;
}

async function loadUser(ctx: Context, db: Kysely<DB>, id: string): Promise<UserView> {
  const row = await q.selectUser(db, id);
  if (!row) throw new Problem('not_found', 'There is no user with this identifier.');
  return present(ctx, row);
}

/** Users matching the filter, a page at a time, with their grants. */
export async function listUsers(ctx: Context, query: UserListQuery) {
  assertAllowed(ctx.actor, 'user.read');
  const rows = await q.selectUsers(ctx.db, query);
  // The window count comes with the rows; past the last page there are none to carry it.
  const total = rows[0] ? Number(rows[0].total) : (query.offset ?? 0) > 0 ? await q.countUsers(ctx.db, query) : 0;
  return { items: rows.map((row) => present(ctx, row)), total, limit: query.limit ?? 50, offset: query.offset ?? 0 };
}

/** One user with their grants. */
export async function getUser(ctx: Context, id: string): Promise<UserView> {
  assertAllowed(ctx.actor, 'user.read');
  return loadUser(ctx, ctx.db, id);
}

function checkGrants(grants: readonly GrantInput[]): void {
  grants.forEach((grant, index) => {
    if (!ROLE_SCOPES[grant.role].includes(grant.scopeType)) {
      const allowed = ROLE_SCOPES[grant.role].join(' or ');
      throw new Problem('validation', `The role ${grant.role} is granted on the scope ${allowed}.`, {
        errors: [{ pointer: `/grants/${index}/scopeType`, message: `Use ${allowed}.` }],
      });
    }
    const needsOrganisation = grant.scopeType === 'organisation';
    const needsCountry = grant.scopeType === 'country';
    if (needsOrganisation !== Boolean(grant.organisationId) || needsCountry !== Boolean(grant.countryIso2)) {
      throw new Problem(
        'validation',
        'A grant names an organisation only for the organisation scope, and a country only for the country scope.',
        {
          errors: [{ pointer: `/grants/${index}`, message: 'The scope and its organisation or country do not match.' }],
        },
      );
    }
  });
}

/** Creates an account with a one-time password that must be changed at first sign-in. */
export async function createUser(ctx: Context, input: CreateUserBody): Promise<{ user: UserView; oneTimePassword: string }> {
  assertAllowed(ctx.actor, 'user.manage');
  const grants = input.grants ?? [];
  checkGrants(grants);
  const sensitiveGranted = checkSensitiveGrants(ctx, null, grants, [], input.reason);
  const reason = sensitiveGranted.length > 0 ? { reason: input.reason?.trim(), sensitiveGranted } : {};
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const user = await inTransaction(ctx.db, async (trx) => {
    const id = await insertAccount(ctx, trx, { ...input, grants }, passwordHash, reason);
    return loadUser(ctx, trx, id);
  });
  return { user, oneTimePassword };
}

/**
 * Inserts an account that must change its password at first sign-in, with its grants, audited;
 * inside the caller's transaction (the roster invites an expert to an account this way). The
 * grants are checked by the caller; the password is hashed before the transaction opens.
 */
export async function insertAccount(
  ctx: Context,
  trx: Kysely<DB>,
  input: { email: string; name: string; language?: UserView['language'] | undefined; grants: readonly GrantInput[] },
  passwordHash: string,
  details: Record<string, unknown> = {},
): Promise<string> {
  assertAllowed(ctx.actor, 'user.manage');
  const { id } = await q.insertUser(trx, {
    email: input.email.trim(),
    name: input.name.trim(),
    language: input.language ?? 'en',
    passwordHash,
    mustChangePassword: true,
  });
  await q.replaceGrants(trx, id, input.grants, ctx.actor?.userId ?? null);
  await audit(trx, ctx, { verb: 'user.create', recordType: 'user', recordId: id, details: { grants: input.grants, ...details } });
  return id;
}

/** Renames, changes the language of, or disables an account; disabling ends its sessions. */
export async function updateUser(ctx: Context, id: string, input: UpdateUserBody): Promise<UserView> {
  assertAllowed(ctx.actor, 'user.manage');
  return inTransaction(ctx.db, async (trx) => {
    if (input.disabled === true) {
      if (id === ctx.actor?.userId) throw new Problem('conflict', 'You cannot disable your own account.');
      await q.lockCoordinators(trx);
      if ((await q.countActiveCoordinators(trx, id)) === 0) {
        throw new Problem('conflict', 'At least one active co-ordinator must remain.');
      }
    }
    const result = await q.updateUser(trx, id, {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.language !== undefined ? { language: input.language } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
    });
    if (Number(result.numUpdatedRows) === 0) throw new Problem('not_found', 'There is no user with this identifier.');
    if (input.disabled === true) await deleteUserSessions(trx, id);
    await audit(trx, ctx, { verb: 'user.update', recordType: 'user', recordId: id, details: { fields: Object.keys(input) } });
    return loadUser(ctx, trx, id);
  });
}

/**
 * Replaces a user's grants as a whole; at least one active co-ordinator always remains, and a
 * sensitive role is newly granted only to someone else, with a reason (see SENSITIVE_ROLES).
 */
export async function setGrants(ctx: Context, id: string, input: GrantsBody): Promise<UserView> {
  assertAllowed(ctx.actor, 'user.manage');
  const { grants } = input;
  checkGrants(grants);
  return inTransaction(ctx.db, async (trx) => {
    // The co-ordinators' lock first, then the user's row, in the same order as updateUser.
    const keepsCoordinator = grants.some((g) => g.role === 'coordinator');
    if (!keepsCoordinator) await q.lockCoordinators(trx);
    // Two replacements of the same user's grants at once would otherwise leave the union of both.
    const existing = await q.lockUser(trx, id);
    if (!existing) throw new Problem('not_found', 'There is no user with this identifier.');
    const held = (await q.selectUser(trx, id))?.grants as GrantInput[] | undefined;
    const sensitiveGranted = checkSensitiveGrants(ctx, id, grants, held ?? [], input.reason);
    if (!keepsCoordinator && (await q.countActiveCoordinators(trx, id)) === 0) {
      throw new Problem('conflict', 'At least one active co-ordinator must remain.');
    }
    await q.replaceGrants(trx, id, grants, ctx.actor?.userId ?? null);
    const details = sensitiveGranted.length > 0 ? { grants, reason: input.reason?.trim(), sensitiveGranted } : { grants };
    await audit(trx, ctx, { verb: 'user.grant', recordType: 'user', recordId: id, details });
    return loadUser(ctx, trx, id);
  });
}

/** Issues a new one-time password and ends the user's sessions. */
export async function resetPassword(ctx: Context, id: string): Promise<{ user: UserView; oneTimePassword: string }> {
  assertAllowed(ctx.actor, 'user.manage');
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const user = await inTransaction(ctx.db, async (trx) => {
    const result = await trx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, must_change_password: true, password_changed_at: sql`now()`, updated_at: sql`now()` })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new Problem('not_found', 'There is no user with this identifier.');
    await deleteUserSessions(trx, id);
    await audit(trx, ctx, { verb: 'user.reset_password', recordType: 'user', recordId: id });
    await tellPasswordReset(trx, id);
    return loadUser(ctx, trx, id);
  });
  return { user, oneTimePassword };
}
