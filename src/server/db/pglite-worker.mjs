// The embedded PostgreSQL (PGlite) runs its queries on the thread that calls it, so it lives in
// this worker thread: a heavy query never stalls the HTTP event loop. Plain JavaScript so that the
// same file runs from the sources (tests) and from the build.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';

const identity = (value) => value;

/** Same value shapes as the `pg` driver is configured with: dates as text, numerics as text. */
const parsers = {
  [types.DATE]: identity,
  [types.NUMERIC]: identity,
  [types.INT8]: (value) => Number(value),
};

function serialiseError(error) {
  const plain = { message: String(error?.message ?? error) };
  for (const key of ['code', 'detail', 'hint', 'constraint', 'table', 'column', 'schema', 'severity', 'dataType']) {
    if (error && error[key] !== undefined) plain[key] = error[key];
  }
  return plain;
}

let db;

async function open() {
  const { dataDir, initialData, wasmModule } = workerData;
  db = await PGlite.create({
    dataDir: dataDir === 'memory://' ? undefined : dataDir,
    parsers,
    // An in-memory database may start from a dumped data directory instead of an empty cluster.
    ...(initialData ? { loadDataDir: new Blob([initialData]) } : {}),
    // A module already compiled by the caller saves compiling the engine again for every database.
    ...(wasmModule ? { pgliteWasmModule: wasmModule } : {}),
  });
}

parentPort.on('message', async (message) => {
  if (message.type === 'query') {
    try {
      // Like the `pg` driver: a query without parameters goes through the simple protocol, which
      // also runs scripts of several statements (migrations); the last statement's rows are returned.
      const result =
        message.params.length === 0
          ? (await db.exec(message.sql)).at(-1)
          : await db.query(message.sql, message.params, { rowMode: 'object' });
      parentPort.postMessage({ id: message.id, rows: result?.rows ?? [], affectedRows: result?.affectedRows ?? 0 });
    } catch (error) {
      parentPort.postMessage({ id: message.id, error: serialiseError(error) });
    }
  } else if (message.type === 'copy') {
    try {
      const result = await db.query(message.sql, [], { blob: new Blob([message.bytes]) });
      parentPort.postMessage({ id: message.id, rows: [], affectedRows: result?.affectedRows ?? 0 });
    } catch (error) {
      parentPort.postMessage({ id: message.id, error: serialiseError(error) });
    }
  } else if (message.type === 'dump') {
    try {
      const blob = await db.dumpDataDir('none');
      parentPort.postMessage({ id: message.id, rows: [new Uint8Array(await blob.arrayBuffer())], affectedRows: 0 });
    } catch (error) {
      parentPort.postMessage({ id: message.id, error: serialiseError(error) });
    }
  } else if (message.type === 'close') {
    try {
      await db.close();
      parentPort.postMessage({ id: message.id, rows: [], affectedRows: 0 });
    } catch (error) {
      parentPort.postMessage({ id: message.id, error: serialiseError(error) });
    }
  }
});

open().then(
  () => parentPort.postMessage({ type: 'ready' }),
  (error) => parentPort.postMessage({ type: 'failed', error: serialiseError(error) }),
);
