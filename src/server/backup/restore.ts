import { type Kysely, sql } from 'kysely';
import { audit, OUTSIDE_REQUEST } from '../audit/record.js';
import { MIGRATION_LOCK, migrate, readMigrations } from '../db/migrate.js';
import type { DB } from '../db/schema.js';
import { type ColumnInfo, dataTables, quoteIdentifier, type TableInfo } from './catalogue.js';
import { BackupError, type BackupHeader, type BackupTable, openSections, type Row, verifyBackup } from './format.js';
import { useCanonicalTextForms } from './snapshot.js';

export interface RestoreOptions {
  /** Replace whatever the database holds; without it a database holding data is refused. */
  replace?: boolean;
}

export interface RestoreResult {
  header: BackupHeader;
  tables: number;
  rows: number;
  replaced: boolean;
  /** Migrations newer than the backup, applied after its data was loaded. */
  migrated: string[];
}

const BATCH_ROWS = 500;
const BATCH_CHARS = 1 << 20;

async function appliedMigrations(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ present: boolean }>`select to_regclass('public.schema_migration') is not null as present`.execute(
    db,
  );
  if (!rows[0]?.present) return [];
  return (await db.selectFrom('schema_migration').select('name').execute()).map((m) => m.name);
}

/** Whether anyone ever used the database: an account, or anything in the audit log. Shipped reference data does not count. */
async function holdsData(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ used: boolean }>`
    select exists (select 1 from app_user) or exists (select 1 from audit_log) as used`.execute(db);
  return Boolean(rows[0]?.used);
}

/** Parents before children, for a table that refers to itself (e.g. organisations and their parents). */
function parentsFirst(rows: Row[], table: TableInfo, columns: string[]): Row[] {
  if (table.selfReferences.length === 0) return rows;
  const index = (name: string) => columns.indexOf(name);
  const links = table.selfReferences.map((ref) => ({ own: ref.columns.map(index), target: ref.referenced.map(index) }));
  const keyOf = (row: Row, positions: number[]) => JSON.stringify(positions.map((p) => row[p] ?? null));
  const byKey = links.map((link) => new Map(rows.map((row, i) => [keyOf(row, link.target), i])));
  const ordered: Row[] = [];
  const placed = new Uint8Array(rows.length);
  const place = (i: number) => {
    if (placed[i]) return;
    placed[i] = 1; // marked first, so that a cycle in the data ends here and the database reports it
    const row = rows[i] as Row;
    links.forEach((link, l) => {
      if (link.own.some((p) => row[p] === null)) return;
      const parent = byKey[l]?.get(keyOf(row, link.own));
      if (parent !== undefined) place(parent);
    });
    ordered.push(row);
  };
  for (let i = 0; i < rows.length; i++) place(i);
  return ordered;
}

async function insertBatch(trx: Kysely<DB>, table: TableInfo, columns: ColumnInfo[], rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map((c) => quoteIdentifier(c.name)).join(', ');
  const values = columns.map((c, i) => `(r->>${i})::${c.type}`).join(', ');
  const overriding = columns.some((c) => c.identity === 'a') ? ' overriding system value' : '';
  await sql`${sql.raw(`insert into ${quoteIdentifier(table.name)} (${names})${overriding} select ${values}`)}
    from json_array_elements(${JSON.stringify(rows)}::json) as e(r)`.execute(trx);
}

function matchColumns(section: BackupTable, table: TableInfo | undefined): ColumnInfo[] {
  if (!table) throw new BackupError(`The backup holds the table ${section.name}, which this database does not have.`);
  return section.columns.map((name) => {
    const column = table.columns.find((c) => c.name === name && !c.generated);
    if (!column) throw new BackupError(`The backup holds the column ${section.name}.${name}, which this database does not have.`);
    return column;
  });
}

/** Sets every identity and serial sequence past the highest value restored. */
async function resetSequences(trx: Kysely<DB>): Promise<void> {
  const { rows } = await sql<{ table_name: string; column_name: string; sequence: string }>`
    select c.relname as table_name, a.attname as column_name,
           pg_get_serial_sequence(quote_ident(c.relname), a.attname) as sequence
    from pg_class c
    join pg_attribute a on a.attrelid = c.oid
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`.execute(trx);
  for (const { table_name, column_name, sequence } of rows) {
    const max = `(select max(${quoteIdentifier(column_name)}) from ${quoteIdentifier(table_name)})`;
    await sql`select setval(${sequence}::regclass, coalesce(${sql.raw(max)}, 0) + 1, false)`.execute(trx);
  }
}

/**
 * Restores a backup, all or nothing. The file is read twice: once to check it whole (a damaged
 * file is refused before anything is touched), then to load it in one transaction. The schema
 * is first brought to the backup's migrations, the rows go in with their own identifiers, the
 * sequences are moved past them, and migrations newer than the backup run last.
 */
export async function restoreBackup(
  db: Kysely<DB>,
  open: () => AsyncIterable<string>,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const header = await verifyBackup(open());
  const known = readMigrations();
  const knownNames = new Set(known.map((m) => m.name));
  const unknown = header.migrations.filter((name) => !knownNames.has(name));
  if (unknown.length) {
    throw new BackupError(
      `The backup was made by a newer version of Crossroads (migrations ${unknown.join(', ')}): upgrade before restoring it.`,
    );
  }
  const applied = await appliedMigrations(db);
  const beyond = applied.filter((name) => !header.migrations.includes(name));
  if (beyond.length) {
    throw new BackupError(
      `This database has migrations the backup predates (${beyond.join(', ')}): restore into a new, empty database.`,
    );
  }
  const replace = options.replace ?? false;
  const refuse = () =>
    new BackupError('The database already holds data. Restore into an empty database, or replace its whole content (--replace).');
  if (applied.length && !replace && (await holdsData(db))) throw refuse();

  await migrate(
    db,
    known.filter((m) => header.migrations.includes(m.name)),
  );
  const loaded = await db.transaction().execute(async (trx) => {
    // Servers starting now wait: their migrations take the same lock.
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await useCanonicalTextForms(trx);
    if (!replace && (await holdsData(trx))) throw refuse();
    const tables = await dataTables(trx);
    const byName = new Map(tables.map((t) => [t.name, t]));
    const list = tables.map((t) => quoteIdentifier(t.name)).join(', ');
    // Like pg_dump --disable-triggers: the rows come back as they were, and the append-only
    // guard of the audit log must let the old log be emptied and the saved one loaded.
    for (const table of tables) await sql.raw(`alter table ${quoteIdentifier(table.name)} disable trigger user`).execute(trx);
    if (tables.length) await sql.raw(`truncate table ${list}`).execute(trx);
    let rows = 0;
    const { sections } = await openSections(open());
    for await (const section of sections) {
      const table = byName.get(section.table.name);
      const columns = matchColumns(section.table, table);
      if (!table) continue;
      if (table.selfReferences.length) {
        const all: Row[] = [];
        for await (const row of section.rows) all.push(row);
        const ordered = parentsFirst(all, table, section.table.columns);
        for (let i = 0; i < ordered.length; i += BATCH_ROWS) {
          await insertBatch(trx, table, columns, ordered.slice(i, i + BATCH_ROWS));
        }
        rows += all.length;
        continue;
      }
      let batch: Row[] = [];
      let chars = 0;
      for await (const row of section.rows) {
        batch.push(row);
        chars += row.reduce((n, v) => n + (v?.length ?? 4), 0);
        if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) {
          await insertBatch(trx, table, columns, batch);
          rows += batch.length;
          batch = [];
          chars = 0;
        }
      }
      await insertBatch(trx, table, columns, batch);
      rows += batch.length;
    }
    await resetSequences(trx);
    for (const table of tables) await sql.raw(`alter table ${quoteIdentifier(table.name)} enable trigger user`).execute(trx);
    await audit(trx, OUTSIDE_REQUEST, {
      verb: 'backup.restore',
      recordType: 'database',
      details: {
        backupCreatedAt: header.createdAt,
        source: header.source,
        tables: header.tables.length,
        rows,
        replaced: replace,
      },
    });
    return rows;
  });
  const migrated = await migrate(db, known);
  return { header, tables: header.tables.length, rows: loaded, replaced: replace, migrated };
}
