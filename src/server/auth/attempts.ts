import type { Context } from '../context.js';
import { inTransaction } from '../db/transaction.js';
import * as q from './queries.js';
import { signInWait } from './throttle.js';

/** An attempt let through: the failure it reserved (given back on success) and the address's failures on the account with it. */
export interface ReservedAttempt {
  id: number;
  failures: number;
}

/** An attempt held back: how long to wait, and whether the address or the account is the cause. */
export type HeldAttempt = ReturnType<typeof signInWait>;

/**
 * The sign-in throttle's gate, shared by every check of a secret (a password at sign-in or to
 * change it or remove a factor, a code of the second step): under a lock on the account and the
 * address, either the wait the failures so far call for, or a failure reserved before the secret
 * is checked, so that a burst of parallel guesses stops at the limit. The caller gives the
 * reservation back (`q.deleteLoginFailure`) when the secret was right.
 */
export function reserveAttempt(ctx: Context, accountKey: string): Promise<ReservedAttempt | HeldAttempt> {
  const { config } = ctx;
  return inTransaction(ctx.db, async (trx) => {
    await q.lockSignInAttempts(trx, accountKey, ctx.address);
    const pressure = await q.selectSignInPressure(trx, accountKey, ctx.address, config.loginWindowMinutes);
    const wait = signInWait(pressure, config);
    if (wait.seconds > 0) return wait;
    return { id: await q.insertLoginFailure(trx, accountKey, ctx.address), failures: pressure.byAccountFromAddress + 1 };
  });
}

/** Whether the attempt must wait. */
export function isHeld(attempt: ReservedAttempt | HeldAttempt): attempt is HeldAttempt {
  return 'seconds' in attempt;
}
