import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { selectActiveKey } from '../queries.js';
import { unsealPrivateKey } from './crypto.js';
import { createIncidentKey, KeyError } from './keys.js';

/** The passphrase of the demonstration's organisation key, printed at start-up: for trying the platform only. */
export const DEMO_PASSPHRASE = 'crossroads demonstration passphrase';

/**
 * The demonstration's organisation key: created when there is none, so that the public form takes
 * reports at once. Answers the lines to print at start-up while the active key is still the
 * demonstration's (nothing once it has been replaced).
 */
export async function ensureDemoKey(db: Kysely<DB>): Promise<string[]> {
  const key = await selectActiveKey(db);
  if (!key) {
    await createIncidentKey(db, DEMO_PASSPHRASE).catch((error: unknown) => {
      if (!(error instanceof KeyError)) throw error; // made meanwhile by another start
    });
  } else {
    if (!key.sealed_private_key || !key.kdf_salt || !key.seal_iv || !key.kdf_iterations) return [];
    const sealed = { sealed: key.sealed_private_key, salt: key.kdf_salt, iv: key.seal_iv, iterations: key.kdf_iterations };
    const opens = await unsealPrivateKey(sealed, DEMO_PASSPHRASE).then(
      () => true,
      () => false,
    );
    if (!opens) return [];
  }
  return [
    'Hate-incident reports: the demonstration’s organisation key opens with the passphrase',
    `    ${DEMO_PASSPHRASE}`,
    'Replace it (page "Organisation key", or crossroads incidents rotate-key) before real reports arrive.',
  ];
}
