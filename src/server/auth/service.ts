import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Actor, heldVerbs } from '../access/check.js';
import type { AuditAction } from '../audit/catalogue.js';
import { audit } from '../audit/record.js';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import type { DB } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { Problem } from '../http/problems.js';
import { tellIfNewDevice } from '../notifications/devices.js';
import { isHeld, reserveAttempt } from './attempts.js';
import { mustUseSingleSignOn } from './oidc/staff.js';
import { hashPassword, passwordWeakness, verifyPassword, WEAKNESS_MESSAGES } from './passwords.js';
import * as q from './queries.js';
import type { SessionView, UpdateAccountBody } from './schemas.js';

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Touching last_seen_at on every request would make every read a write; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

/** The actor behind a session cookie's token, or null when it is unknown, expired or disabled. */
export async function actorFromToken(db: Kysely<DB>, config: Config, token: string): Promise<Actor | null> {
  const session = await q.selectLiveSession(db, hashToken(token), config.sessionIdleMinutes);
  if (!session) return null;
  if (Date.now() - new Date(session.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
    await q.touchSession(db, session.session_id);
  }
  return {
    userId: session.user_id,
    email: session.email,
    name: session.name,
    language: session.language,
    mustChangePassword: session.must_change_password,
    grants: session.grants as Actor['grants'],
    sessionId: session.session_id,
    csrfToken: session.csrf_token,
    secondFactorStep: session.second_factor_step,
  };
}

/** What the browser learns about its session: who, which language, and which verbs it holds. */
export function presentSession(actor: Actor): SessionView {
  return {
    user: { id: actor.userId, email: actor.email, name: actor.name, language: actor.language as SessionView['user']['language'] },
    mustChangePassword: actor.mustChangePassword,
    secondFactorStep: actor.secondFactorStep ?? null,
    csrfToken: actor.csrfToken,
    permissions: heldVerbs(actor),
    grants: actor.grants,
  };
}

export interface SignInInput {
  email: string;
  password: string;
}

/**
 * Checks the credentials under the sign-in throttle (see throttle.ts) and opens a new session.
 * Each attempt first reserves a failure under a lock (so that a burst of parallel guesses stops
 * at the limit), checks the password outside any transaction, and gives the reservation back on
 * success. Any session the browser presented is ended first, so a planted session id is never upgraded.
 */
export async function signIn(ctx: Context, input: SignInInput, details: SessionDetails): Promise<OpenedSession> {
  const accountKey = input.email.trim().toLowerCase();
  const { config } = ctx;
  // Decided on the address alone, before any account is looked at: it tells a stranger nothing.
  if (mustUseSingleSignOn(config, accountKey)) throw new Problem('sso_required');
  const reservation = await reserveAttempt(ctx, accountKey);
  if (isHeld(reservation)) {
    const detail =
      reservation.scope === 'address'
        ? `Too many failed sign-ins from this address. Try again in ${config.loginWindowMinutes} minutes.`
        : `Too many failed sign-ins on this account. Try again in ${reservation.seconds} seconds.`;
    throw new Problem('rate_limited', detail, { retryAfterSeconds: reservation.seconds });
  }
  const user = await q.selectUserByEmail(ctx.db, accountKey);
  const valid = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !valid) {
    if (user) {
      await inTransaction(ctx.db, (trx) =>
        audit(trx, ctx, { verb: 'auth.login_failed', recordType: 'user', recordId: user.id }, { actorId: user.id }),
      );
    }
    throw new Problem('invalid_credentials');
  }
  if (user.disabled_at) {
    await q.deleteLoginFailure(ctx.db, reservation.id);
    throw new Problem('account_disabled');
  }
  return openSession(ctx, user.id, details, {
    verb: 'auth.login',
    alongside: (trx) => q.deleteLoginFailure(trx, reservation.id),
  });
}

export interface SessionDetails {
  userAgent: string | null;
  presentedToken: string | undefined;
}

export interface OpenedSession {
  token: string;
  session: SessionView;
  absoluteHours: number;
}

/**
 * Opens a session for a person who has just proved who they are, by password or by single sign-on:
 * the one way a session begins. Any session the browser presented is ended first, so a planted
 * session id is never upgraded; `alongside` runs in the same transaction as the session's creation.
 */
export async function openSession(
  ctx: Context,
  userId: string,
  details: SessionDetails,
  how: { verb: AuditAction; details?: Record<string, unknown>; alongside?: (trx: Kysely<DB>) => Promise<unknown> },
): Promise<OpenedSession> {
  const { config } = ctx;
  const token = newToken();
  const csrfToken = newToken();
  await inTransaction(ctx.db, async (trx) => {
    await how.alongside?.(trx);
    if (details.presentedToken) await q.deleteSessionByHash(trx, hashToken(details.presentedToken));
    const { id } = await q.insertSession(trx, {
      tokenHash: hashToken(token),
      userId,
      csrfToken,
      absoluteHours: config.sessionAbsoluteHours,
      address: ctx.address,
      userAgent: details.userAgent?.slice(0, 300) ?? null,
    });
    await q.recordLogin(trx, userId);
    await audit(
      trx,
      ctx,
      { verb: how.verb, recordType: 'session', recordId: id, ...(how.details ? { details: how.details } : {}) },
      { actorId: userId },
    );
    await tellIfNewDevice(trx, userId, details.userAgent);
  });
  const actor = await actorFromToken(ctx.db, config, token);
  if (!actor) throw new Problem('internal');
  return { token, session: presentSession(actor), absoluteHours: config.sessionAbsoluteHours };
}

/** Ends the caller's session. */
export async function signOut(ctx: Context): Promise<void> {
  const actor = ctx.actor;
  if (!actor) return;
  await inTransaction(ctx.db, async (trx) => {
    await q.deleteSession(trx, actor.sessionId);
    await audit(trx, ctx, { verb: 'auth.logout', recordType: 'session', recordId: actor.sessionId });
  });
}

export interface ChangePasswordInput {
  currentPassword?: string;
  newPassword: string;
}

/** A refusal of a new password, on its field, with the weakness's code for the page to translate. */
function weakPassword(weakness: { code: string; message: string }): Problem {
  return new Problem('weak_password', weakness.message, {
    errors: [{ pointer: '/newPassword', code: weakness.code, message: weakness.message }],
  });
}

/**
 * Changes the caller's own password and ends their other sessions. A wrong current password is
 * a password guess like a failed sign-in, under the same throttle; after as many as an account
 * tolerates from one address, the session itself ends, so a stolen session cannot go on guessing.
 */
export async function changePassword(ctx: Context, input: ChangePasswordInput): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw new Problem('unauthenticated');
  const user = await q.selectUserById(ctx.db, actor.userId);
  if (!user) throw new Problem('unauthenticated');
  // The change forced at first sign-in or after a reset does not ask again for the one-time
  // password the session was just opened with; such a session can do nothing else meanwhile.
  if (input.currentPassword === undefined) {
    if (!user.must_change_password) {
      const message = 'Type your current password.';
      throw new Problem('validation', message, { errors: [{ pointer: '/currentPassword', code: 'required', message }] });
    }
    return setNewPassword(ctx, actor, user, input.newPassword, {
      same: await verifyPassword(user.password_hash, input.newPassword),
    });
  }
  const { config } = ctx;
  const accountKey = user.email.toLowerCase();
  const reservation = await reserveAttempt(ctx, accountKey);
  if (isHeld(reservation)) {
    throw new Problem('rate_limited', `Too many wrong passwords. Try again in ${reservation.seconds} seconds.`, {
      retryAfterSeconds: reservation.seconds,
    });
  }
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    const endSession = reservation.failures >= config.loginMaxFailuresPerAccount;
    await inTransaction(ctx.db, async (trx) => {
      if (endSession) await q.deleteSession(trx, actor.sessionId);
      await audit(trx, ctx, {
        verb: 'auth.change_password_refused',
        recordType: 'user',
        recordId: actor.userId,
        details: { sessionEnded: endSession },
      });
    });
    if (endSession) throw new Problem('unauthenticated', 'Too many wrong passwords: this session has ended. Sign in again.');
    const message = 'The current password is not correct.';
    throw new Problem('validation', message, { errors: [{ pointer: '/currentPassword', code: 'wrong_password', message }] });
  }
  await q.deleteLoginFailure(ctx.db, reservation.id);
  return setNewPassword(ctx, actor, user, input.newPassword, { same: input.newPassword === input.currentPassword });
}

/** Checks the new password's strength, stores it and ends the person's other sessions. */
async function setNewPassword(
  ctx: Context,
  actor: NonNullable<Context['actor']>,
  user: { email: string; name: string },
  newPassword: string,
  { same }: { same: boolean },
): Promise<void> {
  const weakness = passwordWeakness(newPassword, { email: user.email, name: user.name });
  if (weakness) throw weakPassword(weakness);
  if (same) throw weakPassword({ code: 'same_as_current', message: WEAKNESS_MESSAGES.same_as_current });
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(ctx.db, async (trx) => {
    await q.updatePassword(trx, actor.userId, passwordHash, false);
    await q.deleteUserSessions(trx, actor.userId, actor.sessionId);
    await audit(trx, ctx, { verb: 'auth.change_password', recordType: 'user', recordId: actor.userId });
  });
}

/** Changes the caller's own name or interface language. */
export async function updateAccount(ctx: Context, input: UpdateAccountBody): Promise<SessionView> {
  const actor = ctx.actor;
  if (!actor) throw new Problem('unauthenticated');
  const values = { ...input, ...(input.name !== undefined ? { name: input.name.trim() } : {}) };
  await inTransaction(ctx.db, async (trx) => {
    await q.updateAccount(trx, actor.userId, values);
    await audit(trx, ctx, {
      verb: 'auth.update_account',
      recordType: 'user',
      recordId: actor.userId,
      details: { fields: Object.keys(values) },
    });
  });
  return presentSession({ ...actor, ...values });
}

/** Housekeeping: expired sessions and stale sign-in failures; returns how many of each went. */
export async function purgeExpired(db: Kysely<DB>): Promise<{ sessions: number; loginFailures: number }> {
  const [sessions] = await q.deleteExpiredSessions(db);
  const [failures] = await q.deleteOldLoginFailures(db);
  return { sessions: Number(sessions?.numDeletedRows ?? 0), loginFailures: Number(failures?.numDeletedRows ?? 0) };
}
