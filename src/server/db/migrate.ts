import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { serverPath } from '../paths.js';
import type { DB } from './schema.js';

const MIGRATIONS_DIR = serverPath('db/migrations');
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

/** A migration's checksum: SHA-256 of its text with line endings made LF, so a checkout's line endings are no edit. */
export function migrationChecksum(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

/** A migration that was changed after it was applied: migrations are never edited, a change is a new one. */
export class ChangedMigrationError extends Error {
  constructor(readonly migrations: string[]) {
    super(
      `Migration ${migrations.join(', ')} was changed after it was applied to this database. ` +
        'Applied migrations are never edited: restore the file as it was and put the change in a new migration.',
    );
    this.name = 'ChangedMigrationError';
  }
}

/**
 * Applies every pending migration in one transaction under an advisory lock, so that two
 * instances starting at once neither collide nor apply a migration twice. Before anything is applied,
 * every migration already applied is compared with its file by checksum; a changed one stops
 * start-up with its name (one applied before checksums were kept has its checksum recorded).
 * Returns the names applied.
 */
export async function migrate(db: Kysely<DB>, migrations = readMigrations()): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await sql`create table if not exists schema_migration (
      name text primary key,
      applied_at timestamptz not null default now()
    )`.execute(trx);
    await sql`alter table schema_migration add column if not exists checksum text`.execute(trx);
    const rows = await trx.selectFrom('schema_migration').select(['name', 'checksum']).execute();
    const applied = new Map(rows.map((r) => [r.name, r.checksum]));
    const changed = migrations
      .filter((m) => {
        const recorded = applied.get(m.name);
        return recorded != null && recorded !== migrationChecksum(m.sql);
      })
      .map((m) => m.name);
    if (changed.length > 0) throw new ChangedMigrationError(changed);
    for (const migration of migrations) {
      if (applied.has(migration.name) && applied.get(migration.name) == null) {
        await trx
          .updateTable('schema_migration')
          .set({ checksum: migrationChecksum(migration.sql) })
          .where('name', '=', migration.name)
          .execute();
      }
    }
    const pending = migrations.filter((m) => !applied.has(m.name));
    for (const migration of pending) {
      await sql.raw(migration.sql).execute(trx);
      await trx
        .insertInto('schema_migration')
        .values({ name: migration.name, checksum: migrationChecksum(migration.sql) })
        .execute();
    }
    return pending.map((m) => m.name);
  });
}
