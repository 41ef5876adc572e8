// The embedded database's worker thread as the calling thread sees it. Kept apart from the query
// builder's dialect so that the server can start the worker before it loads the query builder.
import { Worker } from 'node:worker_threads';
import { serverFile } from '../paths.js';

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
    this.worker = new Worker(serverFile('db/pglite-worker.mjs'), {
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
