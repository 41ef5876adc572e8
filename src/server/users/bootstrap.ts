import { type Kysely, sql } from 'kysely';
import { audit, OUTSIDE_REQUEST } from '../audit/record.js';
import { generateOneTimePassword, hashPassword } from '../auth/passwords.js';
import type { DB } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import * as q from './queries.js';

/** Key of the advisory lock that lets one instance alone create the first co-ordinator. */
const BOOTSTRAP_LOCK = 727_002;

export interface FirstCoordinator {
  email: string;
  /** Present when generated: printed once, and must be changed at first sign-in. */
  oneTimePassword?: string;
}

/**
 * Creates the first co-ordinator when there is no user at all: with the configured email and
 * password, or else with a generated one-time password. Returns undefined when users exist.
 */
export async function ensureFirstCoordinator(
  db: Kysely<DB>,
  options: { email?: string | undefined; password?: string | undefined },
): Promise<FirstCoordinator | undefined> {
  return inTransaction(db, async (trx) => {
    await sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`.execute(trx);
    const existing = await trx.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
    if (existing) return undefined;
    const email = options.email ?? 'coordinator@crossroads.local';
    const oneTimePassword = options.password ? undefined : generateOneTimePassword();
    const { id } = await q.insertUser(trx, {
      email,
      name: 'Co-ordinator',
      language: 'en',
      passwordHash: await hashPassword(options.password ?? (oneTimePassword as string)),
      mustChangePassword: !options.password,
    });
    await q.replaceGrants(trx, id, [{ role: 'coordinator', scopeType: 'global' }], null);
    await audit(trx, OUTSIDE_REQUEST, { verb: 'user.bootstrap', recordType: 'user', recordId: id });
    return { email, ...(oneTimePassword ? { oneTimePassword } : {}) };
  });
}
