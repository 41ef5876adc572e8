import { Kysely, type LogEvent, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acceptCopySources } from './copy.js';
import { type EmbeddedOpening, lockDataDirectory, openEmbeddedDatabase } from './data-dir.js';
import { type EmbeddedStart, PgliteWorkerDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';

export type Backend = 'pglite' | 'postgres';

/** An open database: the query builder, which backend serves it, and how to close it. */
export interface Database {
  db: Kysely<DB>;
  backend: Backend;
  close(): Promise<void>;
  /** The embedded database only: its whole data directory as an uncompressed tarball. */
  dump?(): Promise<Uint8Array>;
  /** Connections now: open and idle ones and callers waiting for one (PGlite: one, and its queue). */
  usage(): { open: number; idle: number; waiting: number };
  /** Calls `listener` with each query's duration in milliseconds; returns how to stop. */
  onQuery(listener: (milliseconds: number) => void): () => void;
}

/** The query builder's log, fanned out to whoever listens (the metrics). */
function queryLog() {
  const listeners = new Set<(milliseconds: number) => void>();
  return {
    log: (event: LogEvent) => {
      for (const listener of listeners) listener(event.queryDurationMillis);
    },
    onQuery: (listener: (milliseconds: number) => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
  /** Only for an in-memory embedded database (`memory://`): how it starts (see `EmbeddedStart`). */
  embeddedStart?: EmbeddedStart;
  /** The embedded database in dataDir, already opening (see `startEmbeddedDatabase`). */
  embedded?: EmbeddedOpening | undefined;
}

const identity = (value: string) => value;

/** The same value shapes as the embedded database: dates and numerics as text, bigints as numbers. */
function typeParser(oid: number, format?: string): (value: string) => unknown {
  if (oid === pg.types.builtins.DATE || oid === pg.types.builtins.NUMERIC) return identity;
  if (oid === pg.types.builtins.INT8) return Number;
  return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
}

/** Opens PostgreSQL at databaseUrl, or else the embedded PGlite database in dataDir. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      // Just-in-time compilation pays off for long analytical queries; here it only adds its compile
      // time (tens to hundreds of milliseconds) to requests a person waits for. A connection string
      // that sets its own options keeps them.
      options: '-c jit=off',
      types: { getTypeParser: typeParser as typeof pg.types.getTypeParser },
    });
    // An idle client that loses its server must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    acceptCopySources(pool);
    const queries = queryLog();
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: queries.log });
    return {
      db,
      backend: 'postgres',
      close: () => db.destroy(),
      usage: () => ({ open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      onQuery: queries.onQuery,
    };
  }
  const embedded = options.embedded;
  const release = embedded ? embedded.release : options.dataDir === 'memory://' ? () => {} : lockDataDirectory(options.dataDir);
  try {
    const worker = await (embedded
      ? embedded.worker
      : openEmbeddedDatabase(options.dataDir, options.dataDir === 'memory://' ? options.embeddedStart : undefined));
    const queries = queryLog();
    const db = new Kysely<DB>({ dialect: new PgliteWorkerDialect(worker), log: queries.log });
    return {
      db,
      backend: 'pglite',
      dump: () => worker.dump(),
      usage: () => ({ open: 1, idle: worker.queueLength() === 0 ? 1 : 0, waiting: worker.queueLength() }),
      onQuery: queries.onQuery,
      close: async () => {
        try {
          await db.destroy();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * A stand-in for a database that is still opening, so that the server can register its routes
 * meanwhile: query listeners are taken at once, and the rest answers once `opening` has resolved
 * (until then `db` throws: nothing may query a database before it is open and migrated).
 */
export function openingDatabase(backend: Backend, opening: Promise<Database>): Database {
  let open: Database | undefined;
  const listeners = new Map<(milliseconds: number) => void, (() => void) | undefined>();
  opening.then(
    (database) => {
      open = database;
      for (const listener of listeners.keys()) listeners.set(listener, database.onQuery(listener));
    },
    () => {},
  );
  const opened = (): Database => {
    if (!open) throw new Error('The database is still opening.');
    return open;
  };
  return {
    backend,
    get db() {
      return opened().db;
    },
    get dump() {
      return open?.dump;
    },
    usage: () => (open ? open.usage() : { open: 0, idle: 0, waiting: 0 }),
    onQuery: (listener) => {
      listeners.set(listener, open?.onQuery(listener));
      return () => {
        listeners.get(listener)?.();
        listeners.delete(listener);
      };
    },
    close: () =>
      opening.then(
        (database) => database.close(),
        () => {},
      ),
  };
}
