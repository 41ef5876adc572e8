import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

/** A column as a backup sees it. Generated columns are left out of backups: they are recomputed. */
export interface ColumnInfo {
  name: string;
  /** The column's type as PostgreSQL spells it, for casting text back on restore. */
  type: string;
  number: number;
  generated: boolean;
  /** `a` for generated always as identity, `d` for by default, empty otherwise. */
  identity: string;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  /** The other tables this one refers to: they are restored first. */
  dependsOn: string[];
  /** Foreign keys of the table to itself (e.g. an organisation's parent), as column-name pairs. */
  selfReferences: Array<{ columns: string[]; referenced: string[] }>;
}

/** Tables the backup carries in its header instead of as data. */
const NOT_DATA = new Set(['schema_migration']);

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Every table of the public schema, from the system catalogue, so that tables added by later
 * migrations are backed up without new code; ordered so that referenced tables come first.
 */
export async function dataTables(db: Kysely<DB>): Promise<TableInfo[]> {
  const columns = await sql<{
    table_name: string;
    column_name: string;
    type: string;
    number: number;
    generated: boolean;
    identity: string;
  }>`
    select c.relname as table_name, a.attname as column_name, format_type(a.atttypid, a.atttypmod) as type,
           a.attnum::int as number, a.attgenerated::text = 's' as generated, a.attidentity::text as identity
    from pg_class c
    join pg_attribute a on a.attrelid = c.oid
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
      and a.attnum > 0 and not a.attisdropped
    order by c.relname, a.attnum`.execute(db);
  const constraints = await sql<{
    kind: string;
    table_name: string;
    referenced: string | null;
    keys: string;
    refkeys: string | null;
  }>`
    select con.contype::text as kind, src.relname as table_name, dst.relname as referenced,
           array_to_string(con.conkey, ',') as keys, array_to_string(con.confkey, ',') as refkeys
    from pg_constraint con
    join pg_class src on src.oid = con.conrelid
    left join pg_class dst on dst.oid = con.confrelid
    where con.connamespace = 'public'::regnamespace and con.contype in ('p', 'f')
    order by con.conname`.execute(db);

  const tables = new Map<string, TableInfo>();
  for (const column of columns.rows) {
    if (NOT_DATA.has(column.table_name)) continue;
    let table = tables.get(column.table_name);
    if (!table) {
      table = { name: column.table_name, columns: [], primaryKey: [], dependsOn: [], selfReferences: [] };
      tables.set(column.table_name, table);
    }
    table.columns.push({
      name: column.column_name,
      type: column.type,
      number: Number(column.number),
      generated: column.generated,
      identity: column.identity ?? '',
    });
  }
  const names = (table: TableInfo, keys: string | null) =>
    (keys ?? '').split(',').map((n) => table.columns.find((c) => c.number === Number(n))?.name ?? '');
  for (const constraint of constraints.rows) {
    const table = tables.get(constraint.table_name);
    if (!table) continue;
    if (constraint.kind === 'p') table.primaryKey = names(table, constraint.keys);
    else if (constraint.referenced === constraint.table_name) {
      table.selfReferences.push({ columns: names(table, constraint.keys), referenced: names(table, constraint.refkeys) });
    } else if (constraint.referenced && tables.has(constraint.referenced) && !table.dependsOn.includes(constraint.referenced)) {
      table.dependsOn.push(constraint.referenced);
    }
  }
  return inDependencyOrder([...tables.values()]);
}

function inDependencyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: TableInfo, path: string[]) => {
    const seen = state.get(table.name);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      throw new Error(
        `The tables ${[...path, table.name].join(' → ')} refer to each other in a cycle; a backup cannot order them.`,
      );
    }
    state.set(table.name, 'visiting');
    for (const name of [...table.dependsOn].sort()) {
      const dependency = byName.get(name);
      if (dependency) visit(dependency, [...path, table.name]);
    }
    state.set(table.name, 'done');
    ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table, []);
  return ordered;
}
