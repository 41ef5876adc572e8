// Shared pieces of the benchmarks: a server child process, a load loop, one JSON line per figure, and
// a fresh database on each backend for the benchmarks that call the services directly.
import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');

/** Prints one figure as a JSON line: what, on which backend, its value and unit, and context. */
export function figure(name, value, unit, extra = {}) {
  process.stdout.write(`${JSON.stringify({ bench: name, value: Number(value.toFixed(3)), unit, ...extra })}\n`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts `crossroads serve`; resolves with the milliseconds until /api/health first answered 200. */
export async function startServer(env) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${stderr}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = performance.now() - started;
  return {
    port,
    readyMs,
    pid: child.pid,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function get(port, path, headers) {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, headers, agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode));
    });
    request.on('error', reject);
  });
}

/** Sends GETs from `concurrency` loops for `seconds`; returns requests per second and latency percentiles. */
export async function load(port, path, { headers = {}, concurrency = 16, seconds = 3 } = {}) {
  const latencies = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  // A short warm-up so that the first requests' connection set-up does not skew the figures.
  for (let i = 0; i < concurrency; i++) await get(port, path, headers);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const status = await get(port, path, headers);
        latencies.push(performance.now() - t0);
        if (status !== 200) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pick = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { rps: latencies.length / elapsed, p50: pick(0.5), p99: pick(0.99), errors, requests: latencies.length };
}

/** A module of the built server (BENCH_DIST names another build), to import. */
export const dist = (file) => path.join(process.env.BENCH_DIST ?? path.join(ROOT, 'dist'), 'server', file);

/**
 * The backends a benchmark runs on: PGlite always, PostgreSQL when BENCH_DATABASE_URL or
 * TEST_DATABASE_URL names a server; `onlyVariable` (e.g. BENCH_WARNING_BACKENDS=postgres) narrows them.
 */
export function benchBackends(onlyVariable) {
  const only = onlyVariable ? process.env[onlyVariable]?.split(',') : undefined;
  const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  return ['pglite', ...(server ? ['postgres'] : [])].filter((backend) => !only || only.includes(backend));
}

/**
 * A fresh, migrated database on the backend (in memory for PGlite; a database of its own, dropped
 * by `drop`, on PostgreSQL), with the reference data when asked. `url` is the PostgreSQL address.
 */
export async function openFresh(backend, { name, reference = false }) {
  // The list of domains registers every domain's verbs, which the services' access checks read.
  await import(dist('domains.js'));
  const { openDatabase } = await import(dist('db/connection.js'));
  const { migrate } = await import(dist('db/migrate.js'));
  let database;
  let url;
  let drop = async () => {};
  if (backend === 'pglite') database = await openDatabase({ dataDir: 'memory://' });
  else {
    const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    const databaseName = `crossroads_bench_${name}_${process.pid}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`drop database if exists ${databaseName}`);
    await admin.query(`create database ${databaseName}`);
    await admin.end();
    const parsed = new URL(base);
    parsed.pathname = `/${databaseName}`;
    url = parsed.toString();
    database = await openDatabase({ databaseUrl: url, dataDir: 'unused', poolSize: 4 });
    drop = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${databaseName} with (force)`);
      await c.end();
    };
  }
  await migrate(database.db);
  if (reference) {
    const { seedReferenceData } = await import(dist('reference/seed.js'));
    await seedReferenceData(database.db);
  }
  return { database, url, drop };
}
