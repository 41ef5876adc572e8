// The certificate signing key the installation draws for itself is sealed at rest: AES-256-GCM
// under a key the database does not hold, as the two-factor secrets are, so that a copy of the
// database (a dump, a backup, a stolen disk) does not let anyone sign certificates in the
// organisation's name.
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import { isSealed, keptKeyPath, open, SealError, type SealingKey, seal } from '../../db/sealing.js';

/** Binds the sealed key to its row: a value copied elsewhere does not open. */
const BOUND_TO = 'training_signing_key:1';
const KEY_FILE = 'training-signing.key';

export type SealingSource = Pick<Config, 'trainingSealingKey' | 'dataDir'>;

/**
 * Where the sealing key is kept when TRAINING_SEALING_KEY is not set: a file of the data directory,
 * beside the embedded database's files but not in the database. It must be backed up with the
 * data, apart from the database's dumps: without it the stored signing key cannot be opened.
 */
export function sealingKeyFilePath(dataDir: string): string {
  return keptKeyPath(dataDir, KEY_FILE);
}

function sealingKey(config: SealingSource): SealingKey {
  return {
    configured: config.trainingSealingKey,
    dataDir: config.dataDir,
    fileName: KEY_FILE,
    purpose: 'training signing key v1',
  };
}

/** Whether the stored private key is still in the clear, as keys drawn before sealing were kept. */
export function isPlainKey(stored: string): boolean {
  return stored.startsWith('-----BEGIN');
}

/** The private key (PKCS #8 PEM) as the database keeps it. */
export function sealPrivateKey(config: SealingSource, pem: string): string {
  return seal(sealingKey(config), BOUND_TO, pem);
}

/** The private key from what the database keeps; throws when it cannot be opened (another sealing key). */
export function openPrivateKey(config: SealingSource, stored: string): string {
  if (isPlainKey(stored)) return stored;
  if (!isSealed(stored)) throw new Error('The stored certificate signing key is in an unknown form.');
  try {
    return open(sealingKey(config), BOUND_TO, stored);
  } catch (error) {
    if (error instanceof SealError && error.reason === 'wrong key') {
      throw new Error(
        'The stored certificate signing key cannot be opened: the sealing key (TRAINING_SEALING_KEY or the data ' +
          'directory’s training-signing.key) is not the one it was sealed with. Restore that key from the backup.',
      );
    }
    throw error;
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
