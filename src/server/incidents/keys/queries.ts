import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB>;

/** The active key, locked until the transaction ends: one rotation at a time. */
export function lockActiveKey(db: Db) {
  return db.selectFrom('incident_key').selectAll().where('retired_at', 'is', null).forUpdate().executeTakeFirst();
}

export async function countSealed(db: Db): Promise<number> {
  const row = await db.selectFrom('incident_sealed').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function selectWrappedKeys(db: Db, lock = false) {
  const select = db.selectFrom('incident_sealed').select(['id', 'wrapped_key']).orderBy('id');
  return lock ? select.forUpdate().execute() : select.execute();
}

export function insertKey(
  db: Db,
  values: { publicKeySpki: Buffer; sealed: Buffer; salt: Buffer; iv: Buffer; iterations: number },
) {
  return db
    .insertInto('incident_key')
    .values({
      public_key_spki: values.publicKeySpki,
      sealed_private_key: values.sealed,
      kdf_salt: values.salt,
      kdf_iterations: values.iterations,
      seal_iv: values.iv,
    })
    .returning(['id', 'created_at', 'kdf_iterations'])
    .executeTakeFirstOrThrow();
}

/** Retires a key: its sealed private key is dropped, its public key kept for the record. */
export function retireKey(db: Db, id: string) {
  return db.updateTable('incident_key').set({ retired_at: new Date(), sealed_private_key: null }).where('id', '=', id).execute();
}

export function setWrappedKey(db: Db, id: string, keyId: string, wrappedKey: Buffer) {
  return db.updateTable('incident_sealed').set({ wrapped_key: wrappedKey, key_id: keyId }).where('id', '=', id).execute();
}
