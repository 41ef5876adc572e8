import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import { openPrivateKey, type SealingSource, sealPrivateKey } from './key-sealing.js';
import { publicPemOf } from './signature.js';

export interface SigningKeys {
  privateKey: KeyObject;
  publicPem: string;
}

/**
 * The organisation's certificate key: from the configuration when it names one, else the
 * installation's own, drawn by the first instance that needs it and shared through the database.
 * The private key never leaves this module's callers: it is not logged, audited or sent, and the
 * database keeps it sealed (key-sealing.ts).
 */
export async function signingKeys(
  db: Kysely<DB>,
  config: Pick<Config, 'trainingSigningKey'> & SealingSource,
): Promise<SigningKeys> {
  if (config.trainingSigningKey) {
    return { privateKey: createPrivateKey(config.trainingSigningKey), publicPem: publicPemOf(config.trainingSigningKey) };
  }
  let row = await db
    .selectFrom('training_signing_key')
    .select(['private_pem', 'public_pem'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (!row) {
    const pair = generateKeyPairSync('ed25519');
    await db
      .insertInto('training_signing_key')
      .values({
        id: 1,
        private_pem: sealPrivateKey(config, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
        public_pem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    row = await db
      .selectFrom('training_signing_key')
      .select(['private_pem', 'public_pem'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
  }
  return { privateKey: createPrivateKey(openPrivateKey(config, row.private_pem)), publicPem: row.public_pem };
}
