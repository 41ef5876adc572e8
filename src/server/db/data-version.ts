import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.js';

declare module './schema.js' {
  interface DB {
    /** A counter per table, raised by a trigger on every statement that changes it (see its migration). */
    data_version: { name: string; version: number };
  }
}

/** The counters of the named tables, as one text to compare ('' while none has changed since its trigger was made). */
export async function dataVersion(db: Kysely<DB>, tables: readonly string[]): Promise<string> {
  const { rows } = await sql<{ version: string | null }>`
    select string_agg(name || ':' || version, ',' order by name) as version
      from data_version where name = any(${[...tables]}::text[])`.execute(db);
  return rows[0]?.version ?? '';
}

/**
 * Answers computed from some tables (a public aggregate), each kept with the tables' counters it
 * was computed at and given again while they have not moved: a request then costs one read of a
 * few rows instead of the aggregate, and a change made by any instance is seen by the next request.
 * Requests that arrive while an answer is being computed share it. At most `max` answers are kept
 * (the least recently used goes first).
 */
export function versionedCache<V>(tables: readonly string[], max: number) {
  // Apart for each database handle: two databases (tests open many) can have the same counters,
  // and a transaction's answers, which a rollback could undo, die with it.
  const byDatabase = new WeakMap<Kysely<DB>, Map<string, { version: string; value: Promise<V> }>>();
  return async (db: Kysely<DB>, key: string, compute: () => Promise<V>): Promise<V> => {
    const entries = byDatabase.get(db) ?? new Map<string, { version: string; value: Promise<V> }>();
    byDatabase.set(db, entries);
    const version = await dataVersion(db, tables);
    const hit = entries.get(key);
    entries.delete(key);
    if (hit && hit.version === version) {
      entries.set(key, hit);
      return hit.value;
    }
    const value = compute();
    entries.set(key, { version, value });
    for (const oldest of entries.keys()) {
      if (entries.size <= max) break;
      entries.delete(oldest);
    }
    // A failed computation is not kept: the next request tries again.
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    return value;
  };
}
