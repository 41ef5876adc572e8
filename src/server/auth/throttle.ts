import type { SignInPressure } from './queries.js';

export interface ThrottleLimits {
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerAddress: number;
  loginWindowMinutes: number;
  loginDelaySeconds: number;
  loginMaxDelaySeconds: number;
}

/** The wait a count of failures calls for: none below the limit, then doubling up to the longest wait. */
export function delayAfter(failures: number, limits: ThrottleLimits): number {
  if (failures < limits.loginMaxFailuresPerAccount) return 0;
  const doublings = Math.min(failures - limits.loginMaxFailuresPerAccount, 32);
  return Math.min(limits.loginDelaySeconds * 2 ** doublings, limits.loginMaxDelaySeconds);
}

/**
 * How many seconds an attempt must still wait, or 0 when it may go ahead. An address over its own
 * limit waits out the window. An account never locks: an address that has been failing on it
 * waits after the account's last failure, a growing delay; an address that has not meets only
 * the count of distinct addresses failing on the account, so one attacker cannot keep the owner
 * out, and many addresses still gain only one guess per delay between them.
 */
export function signInWait(pressure: SignInPressure, limits: ThrottleLimits): { seconds: number; scope: 'address' | 'account' } {
  if (pressure.byAddress >= limits.loginMaxFailuresPerAddress) {
    return { seconds: limits.loginWindowMinutes * 60, scope: 'address' };
  }
  const failing = pressure.byAccountFromAddress > 0;
  const count = failing ? pressure.byAccount : pressure.addressesOnAccount;
  const since = (failing ? pressure.sinceLastOnAccount : pressure.sinceLastNewAddress) ?? Number.POSITIVE_INFINITY;
  const remaining = delayAfter(count, limits) - since;
  return { seconds: remaining > 0 ? Math.ceil(remaining) : 0, scope: 'account' };
}
