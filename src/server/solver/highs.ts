import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** What HiGHS answers, reduced to what the optimiser reads. */
export interface SolveResult {
  status: string;
  objective: number;
  columns: Record<string, number>;
}

export interface SolveOptions {
  /** seconds */
  timeLimit: number;
  /** relative MIP gap */
  mipGap: number;
}

// HiGHS's solve() is synchronous and would block the event loop: it runs in a worker thread.
// The worker's code is inline so that the compiled server needs no extra file beside it.
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = import(workerData.highsUrl).then((m) => (m.default ?? m)());
parentPort.on('message', async ({ id, lp, options }) => {
  try {
    const highs = await ready;
    const r = highs.solve(lp, options);
    const columns = {};
    for (const [name, column] of Object.entries(r.Columns ?? {})) columns[name] = column.Primal;
    parentPort.postMessage({ id, result: { status: r.Status, objective: r.ObjectiveValue, columns } });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});`;

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (r: SolveResult) => void; reject: (e: Error) => void }>();

function solverWorker(): Worker {
  if (worker) return worker;
  const highsUrl = pathToFileURL(createRequire(import.meta.url).resolve('highs')).href;
  const created = new Worker(WORKER_CODE, { eval: true, workerData: { highsUrl } });
  created.on('message', (message: { id: number; result?: SolveResult; error?: string }) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.result) waiting.resolve(message.result);
    else waiting.reject(new Error(`The optimiser failed: ${message.error}`));
  });
  created.on('error', (error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
    worker = undefined;
  });
  // An idle solver must not keep the process alive.
  created.unref();
  worker = created;
  return created;
}

/** Solves an LP-format model in the solver thread, always with a time limit and a MIP gap. */
export function solveLp(lp: string, options: SolveOptions): Promise<SolveResult> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const target = solverWorker();
    target.ref();
    target.postMessage({
      id,
      lp,
      options: { time_limit: options.timeLimit, mip_rel_gap: options.mipGap, output_flag: false, log_to_console: false },
    });
  }).finally(() => {
    if (pending.size === 0) worker?.unref();
  }) as Promise<SolveResult>;
}

/** Stops the solver thread (tests and shutdown). */
export async function stopSolver(): Promise<void> {
  const current = worker;
  worker = undefined;
  await current?.terminate();
}
