// Each person's two-factor secret is sealed at rest: AES-256-GCM under a key the database does not
// hold, bound to the person it belongs to, so that a copy of the database (a dump, a backup, a
// stolen disk) does not give anyone the codes of anyone's authenticator.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';

const PREFIX = 'sealed:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const PLAIN_SECRET = /^[A-Z2-7]{32}$/;

type KeySource = Pick<Config, 'secondFactorKey' | 'dataDir'>;

/** Drawn once per process, for an in-memory database, which does not outlive the process either. */
const PROCESS_KEY = randomBytes(32).toString('base64');
const keys = new Map<string, Buffer>();

/**
 * Where the key is kept when SECOND_FACTOR_KEY is not set: a file of the data directory, beside
 * the embedded database's files but not in the database, so that a backup (the tables' rows) or a
 * dump of the database does not carry it.
 */
export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, 'second-factor.key');
}

function keyMaterial(config: KeySource): string {
  if (config.secondFactorKey) return config.secondFactorKey;
  if (config.dataDir === 'memory://') return PROCESS_KEY;
  const file = keyFilePath(config.dataDir);
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // `wx`: of two processes starting at once, one writes the key and the other reads it.
    fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** The AES key, derived from the configured key (or the kept one) for this use alone. */
function sealingKey(config: KeySource): Buffer {
  const material = keyMaterial(config);
  let key = keys.get(material);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', material, 'crossroads', 'second-factor secret v1', 32));
    keys.set(material, key);
  }
  return key;
}

/** The secret as the database keeps it: sealed, bound to its person (a row copied to another person does not open). */
export function sealSecret(config: KeySource, userId: string, secret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(config), iv);
  cipher.setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
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
  if (!stored.startsWith(PREFIX)) throw new Error('The two-factor secret is in an unknown form.');
  const payload = Buffer.from(stored.slice(PREFIX.length), 'base64url');
  if (payload.length < IV_BYTES + TAG_BYTES) throw new Error('The sealed two-factor secret is too short.');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(config), payload.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(payload.subarray(payload.length - TAG_BYTES));
  return Buffer.concat([decipher.update(payload.subarray(IV_BYTES, payload.length - TAG_BYTES)), decipher.final()]).toString(
    'utf8',
  );
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
