import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { copySourceOf } from './copy.js';
import type { PgliteWorker } from './embedded.js';

export { EmbeddedDatabaseError, type EmbeddedStart, PgliteWorker } from './embedded.js';

/** A FIFO lock: PGlite has a single connection, so a transaction must hold it until it ends. */
class ConnectionLock {
  private tail: Promise<void> = Promise.resolve();
  /** How many callers wait for the connection (the embedded database's queue). */
  waiting = 0;

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.waiting++;
    const acquired = this.tail.then(() => {
      this.waiting--;
      return release;
    });
    this.tail = this.tail.then(() => next);
    return acquired;
  }
}

class WorkerConnection implements DatabaseConnection {
  constructor(private readonly pglite: PgliteWorker) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // A COPY FROM STDIN reads its bytes as PGlite's blob device.
    const bytes = copySourceOf(compiled.parameters);
    const reply = bytes
      ? await this.pglite.copy(compiled.sql.replace(/\sfrom\s+stdin\b/i, " from '/dev/blob'"), bytes)
      : await this.pglite.query(compiled.sql, compiled.parameters);
    return { rows: (reply.rows ?? []) as R[], numAffectedRows: BigInt(reply.affectedRows ?? 0) };
  }

  // biome-ignore lint/correctness/useYield: streaming is refused before any row is produced
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not supported on the embedded database.');
  }
}

class WorkerDriver implements Driver {
  private readonly lock = new ConnectionLock();
  private readonly connection: WorkerConnection;
  private release: (() => void) | undefined;

  constructor(private readonly pglite: PgliteWorker) {
    this.connection = new WorkerConnection(pglite);
    pglite.queueLength = () => this.lock.waiting;
  }

  async init(): Promise<void> {
    await this.pglite.ready;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    this.release = await this.lock.acquire();
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const level = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await connection.executeQuery(CompiledQuery.raw(`begin${level}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    await this.pglite.close();
  }
}

/** Kysely dialect for PGlite running in a worker thread; access is serialised through one connection. */
export class PgliteWorkerDialect implements Dialect {
  constructor(private readonly pglite: PgliteWorker) {}

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new WorkerDriver(this.pglite);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
