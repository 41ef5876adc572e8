import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { KeyDefinition } from './schemas.js';

export function selectKeys(db: Kysely<DB>) {
  return db
    .selectFrom('solidarity_key as k')
    .innerJoin('solidarity_key_version as v', (join) =>
      join.onRef('v.key_id', '=', 'k.id').onRef('v.version', '=', 'k.current_version'),
    )
    .select(['k.id', 'k.name', 'k.description', 'k.current_version', 'k.updated_at', 'v.total', 'v.state_count'])
    .orderBy('k.name')
    .execute();
}

export function selectKey(db: Kysely<DB>, id: string) {
  return db.selectFrom('solidarity_key').selectAll().where('id', '=', id).executeTakeFirst();
}

export function selectKeyForUpdate(db: Kysely<DB>, id: string) {
  return db.selectFrom('solidarity_key').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function selectKeyVersion(db: Kysely<DB>, keyId: string, version: number) {
  return db
    .selectFrom('solidarity_key_version')
    .select(['version', 'definition', 'total', 'state_count', 'note', 'created_at'])
    .where('key_id', '=', keyId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function selectKeyVersions(db: Kysely<DB>, keyId: string) {
  return db
    .selectFrom('solidarity_key_version')
    .select(['version', 'note', 'created_at'])
    .where('key_id', '=', keyId)
    .orderBy('version', 'desc')
    .execute();
}

export function insertKey(
  db: Kysely<DB>,
  values: { name: string; description: string; basedOn: string | null; actorId: string | null },
) {
  return db
    .insertInto('solidarity_key')
    .values({
      name: values.name,
      description: values.description,
      based_on: values.basedOn,
      current_version: 1,
      created_by: values.actorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function insertKeyVersion(
  db: Kysely<DB>,
  values: { keyId: string; version: number; definition: KeyDefinition; note: string; actorId: string | null },
) {
  return db
    .insertInto('solidarity_key_version')
    .values({
      key_id: values.keyId,
      version: values.version,
      definition: JSON.stringify(values.definition),
      total: values.definition.total,
      state_count: values.definition.states.length,
      note: values.note,
      created_by: values.actorId,
    })
    .execute();
}

export function setCurrentVersion(db: Kysely<DB>, keyId: string, version: number) {
  return db
    .updateTable('solidarity_key')
    .set({ current_version: version, updated_at: new Date() })
    .where('id', '=', keyId)
    .execute();
}
