import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { CATEGORIES, type Category } from '../catalogue.js';

/**
 * The installation's key for unsubscribe links, drawn by the first instance that needs one and
 * shared by all through the database, so that a link stays valid across restarts and instances.
 */
export async function signingKey(db: Kysely<DB>): Promise<Buffer> {
  const found = await db.selectFrom('notification_signing_key').select('secret').where('id', '=', 1).executeTakeFirst();
  if (found) return found.secret;
  await db
    .insertInto('notification_signing_key')
    .values({ id: 1, secret: randomBytes(32) })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const row = await db.selectFrom('notification_signing_key').select('secret').where('id', '=', 1).executeTakeFirstOrThrow();
  return row.secret;
}

function mac(key: Buffer, userId: string, category: Category): Buffer {
  return createHmac('sha256', key).update(`unsubscribe\n${userId}\n${category}`).digest();
}

/** A token that lets its bearer turn one category off for one person, and nothing else. */
export function unsubscribeToken(key: Buffer, userId: string, category: Category): string {
  return `${userId}.${category}.${mac(key, userId, category).toString('base64url')}`;
}

/** The person and category a token names, if the signature holds. */
export function readUnsubscribeToken(key: Buffer, token: string): { userId: string; category: Category } | undefined {
  const [userId, category, signature, ...rest] = token.split('.');
  if (!userId || !category || !signature || rest.length > 0) return undefined;
  if (!(CATEGORIES as readonly string[]).includes(category)) return undefined;
  if (!/^[0-9a-f-]{36}$/.test(userId)) return undefined;
  const expected = mac(key, userId, category as Category);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return { userId, category: category as Category };
}
