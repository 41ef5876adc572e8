import { type Kysely, sql } from 'kysely';
import type { Backend } from '../db/connection.js';
import type { DB } from '../db/schema.js';
import { dataTables, quoteIdentifier } from './catalogue.js';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupEncoder, type BackupHeader, type Row } from './format.js';

const FETCH_SIZE = 1000;

/** Text forms that do not depend on the server's settings, so that a backup reads the same everywhere. */
export async function useCanonicalTextForms(trx: Kysely<DB>): Promise<void> {
  await sql`set local timezone = 'UTC'`.execute(trx);
  await sql`set local datestyle = 'ISO, YMD'`.execute(trx);
  await sql`set local intervalstyle = 'postgres'`.execute(trx);
  await sql`set local bytea_output = 'hex'`.execute(trx);
  await sql`set local extra_float_digits = 3`.execute(trx);
}

export interface SnapshotSummary {
  tables: number;
  rows: number;
  migrations: string[];
}

/**
 * Writes a consistent snapshot of every table as a backup: everything is read in one
 * REPEATABLE READ, read-only transaction, so the backup shows the database as it was at one
 * instant while the server goes on serving. Rows go out in primary-key order through a cursor.
 */
export async function writeSnapshot(
  db: Kysely<DB>,
  source: Backend,
  write: (chunk: string) => void | Promise<void>,
): Promise<SnapshotSummary> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await sql`set transaction read only`.execute(trx);
      await useCanonicalTextForms(trx);
      const migrations = (await trx.selectFrom('schema_migration').select('name').orderBy('name').execute()).map((m) => m.name);
      const tables = (await dataTables(trx)).map((table) => ({ ...table, columns: table.columns.filter((c) => !c.generated) }));
      const counts: number[] = [];
      for (const table of tables) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.raw(quoteIdentifier(table.name))}`.execute(
          trx,
        );
        counts.push(Number(rows[0]?.n ?? 0));
      }
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        source,
        migrations,
        tables: tables.map((table, i) => ({ name: table.name, columns: table.columns.map((c) => c.name), rows: counts[i] ?? 0 })),
      };
      const encoder = new BackupEncoder();
      await write(encoder.header(header));
      let total = 0;
      for (const table of tables) {
        await write(encoder.table(table.name));
        const select = table.columns.map((c, i) => `${quoteIdentifier(c.name)}::text as c${i}`).join(', ');
        const order = table.primaryKey.length ? ` order by ${table.primaryKey.map(quoteIdentifier).join(', ')}` : '';
        await sql
          .raw(`declare crossroads_backup no scroll cursor for select ${select} from ${quoteIdentifier(table.name)}${order}`)
          .execute(trx);
        for (;;) {
          const { rows } = await sql
            .raw<Record<string, string | null>>(`fetch forward ${FETCH_SIZE} from crossroads_backup`)
            .execute(trx);
          let chunk = '';
          for (const row of rows) {
            const values: Row = table.columns.map((_, i) => row[`c${i}`] ?? null);
            chunk += encoder.row(values);
          }
          if (chunk) await write(chunk);
          total += rows.length;
          if (rows.length < FETCH_SIZE) break;
        }
        await sql.raw('close crossroads_backup').execute(trx);
      }
      await write(encoder.end());
      return { tables: tables.length, rows: total, migrations };
    });
}
