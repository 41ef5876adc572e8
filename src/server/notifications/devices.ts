import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { notify } from './notify.js';

/**
 * Remembers the device of a sign-in (a hash of its browser's description, not the description)
 * and tells the person when it is one their account has not been used from before. The first
 * sign-in of an account tells nothing: every device is new then.
 */
export async function tellIfNewDevice(trx: Kysely<DB>, userId: string, userAgent: string | null): Promise<boolean> {
  const deviceHash = createHash('sha256')
    .update(userAgent?.trim() || 'unknown')
    .digest();
  const known = await trx.selectFrom('notification_known_device').select('device_hash').where('user_id', '=', userId).execute();
  if (known.some((row) => Buffer.compare(row.device_hash, deviceHash) === 0)) return false;
  await trx
    .insertInto('notification_known_device')
    .values({ user_id: userId, device_hash: deviceHash })
    .onConflict((oc) => oc.constraint('notification_known_device_pk').doNothing())
    .execute();
  if (known.length === 0) return false;
  await notify(trx, { kind: 'account.new_device', to: { users: [userId] }, link: '/change-password' });
  return true;
}

/** Tells a person that a co-ordinator reset their password. */
export async function tellPasswordReset(trx: Kysely<DB>, userId: string) {
  await notify(trx, { kind: 'account.password_reset', to: { users: [userId] }, link: '/change-password' });
}
