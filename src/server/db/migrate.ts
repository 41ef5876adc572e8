import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.js';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Key of the advisory lock that lets only one instance migrate at a time. */
export const MIGRATION_LOCK = 727_001;

export interface MigrationFile {
  name: string;
  sql: string;
}

/** The migration files in name order. */
export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({ name: file.replace(/\.sql$/, ''), sql: fs.readFileSync(path.join(dir, file), 'utf8') }));
}

/**
 * Applies every pending migration in one transaction under an advisory lock, so that two
 * instances starting at once neither collide nor apply a migration twice. Returns the names applied.
 */
export async function migrate(db: Kysely<DB>, migrations = readMigrations()): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await sql`create table if not exists schema_migration (
      name text primary key,
      applied_at timestamptz not null default now()
    )`.execute(trx);
    const applied = new Set((await trx.selectFrom('schema_migration').select('name').execute()).map((r) => r.name));
    const pending = migrations.filter((m) => !applied.has(m.name));
    for (const migration of pending) {
      await sql.raw(migration.sql).execute(trx);
      await trx.insertInto('schema_migration').values({ name: migration.name }).execute();
    }
    return pending.map((m) => m.name);
  });
}
