// Each person's two-factor secret is sealed at rest: AES-256-GCM under a key the database does not
// hold, bound to the person it belongs to, so that a copy of the database (a dump, a backup, a
// stolen disk) does not give anyone the codes of anyone's authenticator.
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import { isSealed, keptKeyPath, open, type SealingKey, seal } from '../../db/sealing.js';

const PLAIN_SECRET = /^[A-Z2-7]{32}$/;
const KEY_FILE = 'second-factor.key';

type KeySource = Pick<Config, 'secondFactorKey' | 'dataDir'>;

/**
 * Where the key is kept when SECOND_FACTOR_KEY is not set: a file of the data directory, beside
 * the embedded database's files but not in the database, so that a backup (the tables' rows) or a
 * dump of the database does not carry it.
 */
export function keyFilePath(dataDir: string): string {
  return keptKeyPath(dataDir, KEY_FILE);
}

function sealingKey(config: KeySource): SealingKey {
  return { configured: config.secondFactorKey, dataDir: config.dataDir, fileName: KEY_FILE, purpose: 'second-factor secret v1' };
}

/** The secret as the database keeps it: sealed, bound to its person (a row copied to another person does not open). */
export function sealSecret(config: KeySource, userId: string, secret: string): string {
  return seal(sealingKey(config), userId, secret);
}

/** Whether a stored secret is still in the clear, as enrolments before sealing were kept. */
export function isPlainSecret(stored: string): boolean {
  return PLAIN_SECRET.test(stored);
}

/**
 * The secret from what the database keeps: opened when sealed, as it is when still in the clear
 * (sealed at the next start). Throws when it cannot be opened: another key, or another person's.
 */
export function openSecret(config: KeySource, userId: string, stored: string): string {
  if (isPlainSecret(stored)) return stored;
  if (!isSealed(stored)) throw new Error('The two-factor secret is in an unknown form.');
  return open(sealingKey(config), userId, stored);
}

/**
 * The secret, or null when it cannot be opened (a database restored without its key): the person
 * is then refused as for a wrong code, and signs in with a recovery code or has the factor reset.
 */
export function openSecretOrNull(config: KeySource, userId: string, stored: string): string | null {
  try {
    return openSecret(config, userId, stored);
  } catch {
    return null;
  }
}

/**
 * Seals the secrets still in the clear (kept so before sealing existed). Run at each start, after
 * the migrations: the database cannot do it itself, as it never holds the key. Returns how many.
 */
export async function sealPlainSecrets(db: Kysely<DB>, config: KeySource): Promise<number> {
  const rows = await db
    .selectFrom('user_second_factor')
    .select(['user_id', 'secret'])
    .where('secret', 'not like', 'sealed:%')
    .execute();
  let sealed = 0;
  for (const row of rows) {
    if (!isPlainSecret(row.secret)) continue;
    const result = await db
      .updateTable('user_second_factor')
      .set({ secret: sealSecret(config, row.user_id, row.secret) })
      .where('user_id', '=', row.user_id)
      // Untouched since it was read: an enrolment started meanwhile is already sealed.
      .where('secret', '=', row.secret)
      .executeTakeFirst();
    sealed += Number(result.numUpdatedRows);
  }
  return sealed;
}
