// The certificate signing key the installation draws for itself is sealed at rest: AES-256-GCM
// under a key the database does not hold, as the two-factor secrets are, so that a copy of the
// database (a dump, a backup, a stolen disk) does not let anyone sign certificates in the
// organisation's name.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';

const PREFIX = 'sealed:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Binds the sealed key to its row: a value copied elsewhere does not open. */
const BOUND_TO = Buffer.from('training_signing_key:1');

export type SealingSource = Pick<Config, 'trainingSealingKey' | 'dataDir'>;

/** Drawn once per process, for an in-memory database, which does not outlive the process either. */
const PROCESS_KEY = randomBytes(32).toString('base64');
const derived = new Map<string, Buffer>();

/**
 * Where the sealing key is kept when TRAINING_SEALING_KEY is not set: a file of the data directory,
 * beside the embedded database's files but not in the database. It must be backed up with the
 * data, apart from the database's dumps: without it the stored signing key cannot be opened.
 */
export function sealingKeyFilePath(dataDir: string): string {
  return path.join(dataDir, 'training-signing.key');
}

function keyMaterial(config: SealingSource): string {
  if (config.trainingSealingKey) return config.trainingSealingKey;
  if (config.dataDir === 'memory://') return PROCESS_KEY;
  const file = sealingKeyFilePath(config.dataDir);
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

function aesKey(config: SealingSource): Buffer {
  const material = keyMaterial(config);
  let key = derived.get(material);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', material, 'crossroads', 'training signing key v1', 32));
    derived.set(material, key);
  }
  return key;
}

/** Whether the stored private key is still in the clear, as keys drawn before sealing were kept. */
export function isPlainKey(stored: string): boolean {
  return stored.startsWith('-----BEGIN');
}

/** The private key (PKCS #8 PEM) as the database keeps it. */
export function sealPrivateKey(config: SealingSource, pem: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', aesKey(config), iv);
  cipher.setAAD(BOUND_TO);
  const body = Buffer.concat([cipher.update(pem, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

/** The private key from what the database keeps; throws when it cannot be opened (another sealing key). */
export function openPrivateKey(config: SealingSource, stored: string): string {
  if (isPlainKey(stored)) return stored;
  if (!stored.startsWith(PREFIX)) throw new Error('The stored certificate signing key is in an unknown form.');
  const payload = Buffer.from(stored.slice(PREFIX.length), 'base64url');
  if (payload.length < IV_BYTES + TAG_BYTES) throw new Error('The sealed certificate signing key is too short.');
  const decipher = createDecipheriv('aes-256-gcm', aesKey(config), payload.subarray(0, IV_BYTES));
  decipher.setAAD(BOUND_TO);
  decipher.setAuthTag(payload.subarray(payload.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(payload.subarray(IV_BYTES, payload.length - TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new Error(
      'The stored certificate signing key cannot be opened: the sealing key (TRAINING_SEALING_KEY or the data ' +
        'directory’s training-signing.key) is not the one it was sealed with. Restore that key from the backup.',
    );
  }
}

/**
 * Seals the signing key when it is still in the clear (drawn before sealing existed). Run at each
 * start, after the migrations: the database cannot do it itself, as it never holds the key.
 * Returns whether it sealed one.
 */
export async function sealStoredSigningKey(db: Kysely<DB>, config: SealingSource): Promise<boolean> {
  const row = await db.selectFrom('training_signing_key').select('private_pem').where('id', '=', 1).executeTakeFirst();
  if (!row || !isPlainKey(row.private_pem)) return false;
  const result = await db
    .updateTable('training_signing_key')
    .set({ private_pem: sealPrivateKey(config, row.private_pem) })
    .where('id', '=', 1)
    // Untouched since it was read: another instance starting at once may have sealed it already.
    .where('private_pem', '=', row.private_pem)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
