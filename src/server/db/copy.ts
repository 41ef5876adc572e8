import { CompiledQuery, type Kysely } from 'kysely';
import type pg from 'pg';

/**
 * The bytes a `copy … from stdin` statement loads, passed as the statement's only parameter: each
 * driver sends them its own way (PostgreSQL's COPY protocol; PGlite's `/dev/blob`).
 */
export class CopySource {
  constructor(readonly bytes: Uint8Array) {}
}

/** The bytes of a COPY statement, when its parameters are one `CopySource`. */
export function copySourceOf(parameters: readonly unknown[] | undefined): Uint8Array | undefined {
  return parameters?.length === 1 && parameters[0] instanceof CopySource ? parameters[0].bytes : undefined;
}

/**
 * Loads `bytes` with `statement`, a `copy <table> (<columns>) from stdin with (…)`, on the
 * connection of `db` (in its transaction, when it is one).
 */
export async function copyFrom<T>(db: Kysely<T>, statement: string, bytes: Uint8Array): Promise<void> {
  if (!/^copy\s[^;]*\sfrom\s+stdin\b[^;]*$/i.test(statement)) throw new Error('Not a COPY … FROM STDIN statement.');
  await db.executeQuery(CompiledQuery.raw(statement, [new CopySource(bytes)]));
}

const CHUNK = 64 * 1024;

/**
 * A COPY FROM STDIN for the `pg` driver, which runs any object with a `submit` method as a query:
 * the bytes are sent in chunks once the server asks for them, and the promise settles when the
 * server is ready again (with the row count, or the server's error).
 */
class CopyIn {
  callback?: (error: Error | null, result?: { command: string; rowCount: number; rows: [] }) => void;
  private error: Error | null = null;
  private rowCount = 0;
  private settled = false;
  constructor(
    readonly text: string,
    private readonly bytes: Uint8Array,
  ) {}
  submit(connection: { query(text: string): void }) {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: { sendCopyFromChunk(chunk: Uint8Array): void; endCopyFrom(): void }) {
    for (let i = 0; i < this.bytes.length; i += CHUNK) connection.sendCopyFromChunk(this.bytes.subarray(i, i + CHUNK));
    connection.endCopyFrom();
  }
  handleCommandComplete(message: { text?: string }) {
    this.rowCount = Number(/(\d+)$/.exec(message.text ?? '')?.[1] ?? 0);
  }
  // The client forgets a query once it fails: no ready-for-query reaches it after an error.
  handleError(error: Error) {
    this.error ??= error;
    this.settle();
  }
  handleReadyForQuery() {
    this.settle();
  }
  private settle() {
    if (this.settled) return;
    this.settled = true;
    if (this.error) this.callback?.(this.error);
    else this.callback?.(null, { command: 'COPY', rowCount: this.rowCount, rows: [] });
  }
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyData() {}
}

/**
 * Teaches a pool's clients to run a COPY FROM STDIN whose parameter is a `CopySource` (see
 * `copyFrom`); every other query goes through unchanged.
 */
export function acceptCopySources(pool: pg.Pool) {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const bytes = typeof args[0] === 'string' ? copySourceOf(args[1] as unknown[]) : undefined;
      if (!bytes) return query(...args);
      const copy = new CopyIn(args[0] as string, bytes);
      return new Promise((resolve, reject) => {
        copy.callback = (error, result) => (error ? reject(error) : resolve(result));
        query(copy);
      });
    };
  });
}
