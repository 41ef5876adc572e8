import type { Kysely } from 'kysely';
import { audit, OUTSIDE_REQUEST } from '../../audit/record.js';
import type { DB } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { insertKey, selectActiveKey } from '../queries.js';
import {
  createKeyPair,
  DEFAULT_KDF_ITERATIONS,
  passphraseWeakness,
  publicKeyFromSpki,
  rewrapKey,
  unsealPrivateKey,
} from './crypto.js';

export class KeyError extends Error {}

/** Refuses a passphrase too weak to protect the private key. */
function refuseWeak(passphrase: string): void {
  const weakness = passphraseWeakness(passphrase);
  if (weakness) throw new KeyError(weakness);
}

/** Creates the organisation's key pair; only the public key and the sealed private key are stored. */
export async function createIncidentKey(
  db: Kysely<DB>,
  passphrase: string,
  iterations = DEFAULT_KDF_ITERATIONS,
): Promise<{ keyId: string }> {
  refuseWeak(passphrase);
  if (await selectActiveKey(db)) throw new KeyError('A key already exists; use rotate-key to replace it.');
  const pair = await createKeyPair(passphrase, iterations);
  return inTransaction(db, async (trx) => {
    const row = await insertKey(trx, pair);
    await audit(trx, OUTSIDE_REQUEST, { verb: 'incident.key.create', recordType: 'incident_key', recordId: row.id });
    return { keyId: row.id };
  });
}

/**
 * Replaces the key pair: opens the old private key with the old passphrase, wraps every stored
 * item key again under the new public key, and retires the old key (dropping its sealed private
 * key), all in one transaction. The items themselves are not re-encrypted.
 */
export async function rotateIncidentKey(
  db: Kysely<DB>,
  oldPassphrase: string,
  newPassphrase: string,
  iterations = DEFAULT_KDF_ITERATIONS,
): Promise<{ keyId: string; rewrapped: number }> {
  refuseWeak(newPassphrase);
  const current = await selectActiveKey(db);
  if (!current?.sealed_private_key || !current.kdf_salt || !current.seal_iv || !current.kdf_iterations) {
    throw new KeyError('There is no key to rotate; create one with keygen.');
  }
  let oldPrivate: Awaited<ReturnType<typeof unsealPrivateKey>>;
  try {
    oldPrivate = await unsealPrivateKey(
      { sealed: current.sealed_private_key, salt: current.kdf_salt, iv: current.seal_iv, iterations: current.kdf_iterations },
      oldPassphrase,
    );
  } catch {
    throw new KeyError('The old passphrase does not open the current key.');
  }
  const pair = await createKeyPair(newPassphrase, iterations);
  const newPublic = publicKeyFromSpki(pair.publicKeySpki);
  return inTransaction(db, async (trx) => {
    await trx
      .updateTable('incident_key')
      .set({ retired_at: new Date(), sealed_private_key: null })
      .where('id', '=', current.id)
      .execute();
    const row = await insertKey(trx, pair);
    const items = await trx.selectFrom('incident_sealed').select(['id', 'wrapped_key']).forUpdate().execute();
    for (const item of items) {
      await trx
        .updateTable('incident_sealed')
        .set({ wrapped_key: rewrapKey(oldPrivate, newPublic, item.wrapped_key), key_id: row.id })
        .where('id', '=', item.id)
        .execute();
    }
    await audit(trx, OUTSIDE_REQUEST, {
      verb: 'incident.key.rotate',
      recordType: 'incident_key',
      recordId: row.id,
      details: { retired: current.id, rewrapped: items.length },
    });
    return { keyId: row.id, rewrapped: items.length };
  });
}
