import { Worker } from 'node:worker_threads';
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

/** An error raised by PostgreSQL inside the worker, with the same fields as the `pg` driver's. */
export class EmbeddedDatabaseError extends Error {
  code?: string;
  detail?: string;
  constraint?: string;
  table?: string;
  column?: string;
}

interface Reply {
  id: number;
  rows?: unknown[];
  affectedRows?: number;
  error?: Record<string, string>;
}

/** How an in-memory embedded database starts: from a dumped data directory, with an engine already compiled. */
export interface EmbeddedStart {
  /** A data directory dumped by PGlite's `dumpDataDir` (an uncompressed tarball). */
  initialData?: Uint8Array | undefined;
  /** PGlite's engine (`pglite.wasm`) as a compiled `WebAssembly.Module`, compiled once by the caller. */
  wasmModule?: object | undefined;
}

/** One PGlite instance in a worker thread; every call is queued, PGlite has one connection. */
export class PgliteWorker {
  private worker: Worker;
  private nextId = 1;
  private stopped: Error | undefined;
  private pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  readonly ready: Promise<void>;
  /** How many callers wait for the single connection; set by the driver. */
  queueLength: () => number = () => 0;

  constructor(dataDir: string, start: EmbeddedStart = {}) {
    this.worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
      workerData: { dataDir, initialData: start.initialData, wasmModule: start.wasmModule },
    });
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (message: { type?: string; error?: { message: string } }) => {
        if (message.type === 'ready') {
          this.worker.off('message', onMessage);
          this.worker.on('message', (reply: Reply) => this.settle(reply));
          resolve();
        } else if (message.type === 'failed') {
          reject(new Error(`The embedded database could not start: ${message.error?.message}`));
        }
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', reject);
    });
    this.worker.on('error', (error) => {
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
    });
    this.worker.on('exit', () => {
      this.stopped = new Error('The embedded database stopped.');
      for (const { reject } of this.pending.values()) reject(this.stopped);
      this.pending.clear();
    });
  }

  private settle(reply: Reply) {
    const waiter = this.pending.get(reply.id);
    if (!waiter) return;
    this.pending.delete(reply.id);
    if (reply.error) {
      const error = new EmbeddedDatabaseError(reply.error.message);
      Object.assign(error, reply.error);
      waiter.reject(error);
    } else {
      waiter.resolve(reply);
    }
  }

  private call(message: Record<string, unknown>): Promise<Reply> {
    // A stopped worker would never answer: fail at once instead of waiting for ever.
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  query(sql: string, params: readonly unknown[]): Promise<Reply> {
    return this.call({ type: 'query', sql, params });
  }

  /** Runs a `copy … from '/dev/blob'` statement on `bytes`. */
  copy(sql: string, bytes: Uint8Array): Promise<Reply> {
    return this.call({ type: 'copy', sql, bytes });
  }

  /** The whole data directory as an uncompressed tarball, which `EmbeddedStart.initialData` starts from. */
  async dump(): Promise<Uint8Array> {
    const reply = await this.call({ type: 'dump' });
    return reply.rows?.[0] as Uint8Array;
  }

  async close(): Promise<void> {
    try {
      await this.call({ type: 'close' });
    } finally {
      await this.worker.terminate();
    }
  }
}

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
