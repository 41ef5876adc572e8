import { hash, verify } from '@node-rs/argon2';
import type { Actor } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { isHeld, reserveAttempt } from '../attempts.js';
import { verifyPassword } from '../passwords.js';
import * as authQueries from '../queries.js';
import type { SessionView } from '../schemas.js';
import { presentSession } from '../service.js';
import { rolesRequiringSecondFactor } from './policy.js';
import * as q from './queries.js';
import type { CodeBody, EnrolmentView, RecoveryCodes, RemoveBody, SecondFactorStatus, VerifyBody } from './schemas.js';
import { openSecretOrNull, sealSecret } from './sealing.js';
import { acceptedStep, enrolmentUri, newRecoveryCodes, newSecret, normaliseRecoveryCode } from './totp.js';

// Recovery codes carry about 49 bits of chance each: a lighter argon2id than passwords is enough.
const RECOVERY_HASH = { memoryCost: 4096, timeCost: 2, parallelism: 1, algorithm: 2 } as const;

const SIX_DIGITS = /^\d{6}$/;

function signedIn(ctx: Context): Actor {
  if (!ctx.actor) throw new Problem('unauthenticated');
  return ctx.actor;
}

function wrongCode(pointer: '/code' | '/recoveryCode'): Problem {
  const message = pointer === '/code' ? 'This code is not valid now.' : 'This recovery code is not valid.';
  return new Problem('validation', message, { errors: [{ pointer, code: 'wrong_code', message }] });
}

/** Whether the person has a second factor, whether their roles require one, and their recovery codes left. */
export async function secondFactorStatus(ctx: Context): Promise<SecondFactorStatus> {
  const actor = signedIn(ctx);
  const factor = await q.selectFactor(ctx.db, actor.userId);
  const enrolled = Boolean(factor?.confirmed_at);
  return {
    enrolled,
    required: await q.holdsAnyRole(ctx.db, actor.userId, rolesRequiringSecondFactor()),
    recoveryCodesLeft: enrolled ? await q.countUnusedRecoveryCodes(ctx.db, actor.userId) : 0,
  };
}

/**
 * Starts enrolment: a new secret, shown once as a QR code and as text, kept unconfirmed until a
 * code from it comes back. A session that must still type a code from an existing factor cannot.
 */
export async function startEnrolment(ctx: Context): Promise<EnrolmentView> {
  const actor = signedIn(ctx);
  if (actor.secondFactorStep === 'verify') throw new Problem('second_factor_required');
  const factor = await q.selectFactor(ctx.db, actor.userId);
  if (factor?.confirmed_at) throw new Problem('conflict', 'Two-factor sign-in is already set up for this account.');
  const secret = newSecret();
  await q.upsertPendingFactor(ctx.db, actor.userId, sealSecret(ctx.config, actor.userId, secret));
  const uri = enrolmentUri(secret, actor.email);
  const qrCode = `data:image/svg+xml;base64,${Buffer.from(await (await import('qrcode')).default.toString(uri, { type: 'svg', margin: 1 })).toString('base64')}`;
  return { secret, uri, qrCode };
}

/**
 * Confirms enrolment with a code from the new secret, then hands out ten recovery codes (only
 * their hashes are kept) and lets the session go on.
 */
export async function confirmEnrolment(ctx: Context, input: CodeBody): Promise<RecoveryCodes> {
  const actor = signedIn(ctx);
  if (actor.secondFactorStep === 'verify') throw new Problem('second_factor_required');
  if (!SIX_DIGITS.test(input.code.replace(/\s/g, ''))) throw wrongCode('/code');
  const factor = await q.selectFactor(ctx.db, actor.userId);
  if (!factor) throw new Problem('conflict', 'Start the set-up first: no secret is waiting for confirmation.');
  if (factor.confirmed_at) throw new Problem('conflict', 'Two-factor sign-in is already set up for this account.');
  const secret = openSecretOrNull(ctx.config, actor.userId, factor.secret);
  const step = secret === null ? null : acceptedStep(secret, input.code);
  if (step === null) throw wrongCode('/code');
  const recoveryCodes = newRecoveryCodes();
  // Hashed before the transaction: the embedded database's one connection is not held meanwhile.
  const hashes = await Promise.all(recoveryCodes.map((code) => hash(normaliseRecoveryCode(code), RECOVERY_HASH)));
  await inTransaction(ctx.db, async (trx) => {
    const confirmed = await q.confirmFactor(trx, actor.userId, step);
    if (Number(confirmed.numUpdatedRows) !== 1)
      throw new Problem('conflict', 'Two-factor sign-in is already set up for this account.');
    await q.deleteRecoveryCodes(trx, actor.userId);
    await q.insertRecoveryCodes(trx, actor.userId, hashes);
    await q.completeSessionStep(trx, actor.sessionId);
    await audit(trx, ctx, { verb: 'auth.second_factor_enrol', recordType: 'user', recordId: actor.userId });
  });
  return { recoveryCodes };
}

/** Whether a recovery code matches one still unused, using it up if so. */
async function spendRecoveryCode(ctx: Context, userId: string, typed: string): Promise<boolean> {
  const normalised = normaliseRecoveryCode(typed);
  for (const row of await q.selectUnusedRecoveryCodes(ctx.db, userId)) {
    const matches = await verify(row.code_hash, normalised).catch(() => false);
    if (matches) return q.markRecoveryCodeUsed(ctx.db, row.id);
  }
  return false;
}

/**
 * The second step of signing in: a code from the authenticator (each time step accepted once)
 * or a recovery code (each used once). Attempts count in the sign-in throttle like passwords,
 * and refusals are audited.
 */
export async function verifySecondFactor(ctx: Context, input: VerifyBody): Promise<SessionView> {
  const actor = signedIn(ctx);
  if (actor.secondFactorStep !== 'verify') throw new Problem('conflict', 'This session has no code to confirm.');
  const { config } = ctx;
  const accountKey = actor.email.toLowerCase();
  const reservation = await reserveAttempt(ctx, accountKey);
  if (isHeld(reservation)) {
    throw new Problem('rate_limited', `Too many wrong codes. Try again in ${reservation.seconds} seconds.`, {
      retryAfterSeconds: reservation.seconds,
    });
  }
  const factor = await q.selectFactor(ctx.db, actor.userId);
  let accepted = false;
  if (factor?.confirmed_at) {
    if ('code' in input) {
      const secret = openSecretOrNull(config, actor.userId, factor.secret);
      const step = secret === null ? null : acceptedStep(secret, input.code);
      accepted = step !== null && (await q.claimStep(ctx.db, actor.userId, step));
    } else {
      accepted = await spendRecoveryCode(ctx, actor.userId, input.recoveryCode);
    }
  }
  const method = 'code' in input ? 'code' : 'recovery_code';
  if (!accepted) {
    await inTransaction(ctx.db, (trx) =>
      audit(trx, ctx, { verb: 'auth.second_factor_failed', recordType: 'user', recordId: actor.userId, details: { method } }),
    );
    throw wrongCode('code' in input ? '/code' : '/recoveryCode');
  }
  await inTransaction(ctx.db, async (trx) => {
    await authQueries.deleteLoginFailure(trx, reservation.id);
    await q.completeSessionStep(trx, actor.sessionId);
    await audit(trx, ctx, {
      verb: 'auth.second_factor_verified',
      recordType: 'session',
      recordId: actor.sessionId,
      details: { method },
    });
  });
  return presentSession({ ...actor, secondFactorStep: null });
}

/**
 * Removes one's own second factor after typing one's password again (under the sign-in
 * throttle); refused when one's roles require a second factor.
 */
export async function removeOwnSecondFactor(ctx: Context, input: RemoveBody): Promise<void> {
  const actor = signedIn(ctx);
  if (await q.holdsAnyRole(ctx.db, actor.userId, rolesRequiringSecondFactor())) {
    throw new Problem('forbidden', 'Your role requires two-factor sign-in: it cannot be removed.');
  }
  const user = await authQueries.selectUserById(ctx.db, actor.userId);
  if (!user) throw new Problem('unauthenticated');
  const accountKey = user.email.toLowerCase();
  const reservation = await reserveAttempt(ctx, accountKey);
  if (isHeld(reservation)) {
    throw new Problem('rate_limited', `Too many wrong passwords. Try again in ${reservation.seconds} seconds.`, {
      retryAfterSeconds: reservation.seconds,
    });
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const message = 'The password is not correct.';
    throw new Problem('validation', message, { errors: [{ pointer: '/password', code: 'wrong_password', message }] });
  }
  await inTransaction(ctx.db, async (trx) => {
    await authQueries.deleteLoginFailure(trx, reservation.id);
    const removed = await q.deleteFactor(trx, actor.userId);
    if (Number(removed.numDeletedRows) === 0) throw new Problem('not_found', 'This account has no second factor.');
    await q.deleteRecoveryCodes(trx, actor.userId);
    await audit(trx, ctx, { verb: 'auth.second_factor_remove', recordType: 'user', recordId: actor.userId });
  });
}

/**
 * The co-ordinator's reset of someone else's second factor (a lost phone): the factor and its
 * recovery codes go, and so do the person's sessions; whose roles require one enrols at next sign-in.
 */
export async function resetSecondFactor(ctx: Context, userId: string): Promise<void> {
  const actor = signedIn(ctx);
  if (userId === actor.userId) {
    throw new Problem('forbidden', 'You cannot reset your own second factor: ask another co-ordinator.');
  }
  if (!(await authQueries.selectUserById(ctx.db, userId))) throw new Problem('not_found');
  await inTransaction(ctx.db, async (trx) => {
    const removed = await q.deleteFactor(trx, userId);
    if (Number(removed.numDeletedRows) === 0) throw new Problem('not_found', 'This account has no second factor.');
    await q.deleteRecoveryCodes(trx, userId);
    await q.deleteUserSessions(trx, userId);
    await audit(trx, ctx, { verb: 'auth.second_factor_reset', recordType: 'user', recordId: userId });
  });
}
