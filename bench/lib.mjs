// Shared pieces of the benchmarks: a server child process, a load loop, one JSON line per figure, and
// a fresh database on each backend for the benchmarks that call the services directly.
import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = path.join(ROOT, 'dist', 'server', 'crossroads.mjs');

/**
 * `npm run bench -- --quick`: every suite at a size that lets the whole run finish in a few
 * minutes, for a run before each landing. The figures are noisier; the ratios still compare.
 */
export const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';

/** A size for the full run or for the quick one; an environment variable set by hand wins. */
export function sized(variable, full, quick) {
  const value = process.env[variable];
  return value === undefined || value === '' ? (QUICK ? quick : full) : Number(value);
}

/** How many times each repeated figure is measured: its median and spread are printed. */
export const REPEATS = Math.max(5, Number(process.env.BENCH_REPEATS ?? 5));

/** The machine's load average (1, 5, 15 minutes): figures taken on a busy machine say so. */
export function loadAverage() {
  return os.loadavg().map((value) => Number(value.toFixed(2)));
}

/** Median, minimum, maximum and interquartile range of a list of measurements. */
export function summarise(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => {
    const index = (sorted.length - 1) * q;
    const low = Math.floor(index);
    const high = Math.ceil(index);
    return sorted[low] + (sorted[high] - sorted[low]) * (index - low);
  };
  return { median: at(0.5), min: sorted[0], max: sorted[sorted.length - 1], q1: at(0.25), q3: at(0.75), n: sorted.length };
}

/** Runs `measure` REPEATS times (after `warmUp`, untimed) and returns the values it returned. */
export async function repeat(measure, { times = REPEATS, warmUp } = {}) {
  if (warmUp) await warmUp();
  const values = [];
  for (let i = 0; i < times; i++) values.push(await measure(i));
  return values;
}

/** Prints a repeated figure: its median as the value, with the spread and the load average. */
export function figureSeries(name, values, unit, extra = {}) {
  const s = summarise(values);
  const round = (v) => Number(v.toFixed(3));
  figure(name, s.median, unit, {
    ...extra,
    repeats: s.n,
    min: round(s.min),
    max: round(s.max),
    iqr: [round(s.q1), round(s.q3)],
    load: loadAverage(),
  });
  return s;
}

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

/**
 * Sends GETs from `concurrency` loops for `seconds` and returns requests per second and latency
 * percentiles. A warm-up of `warmUpSeconds` comes first, untimed: the window's clock starts only
 * once it is over, so a slow warm-up (a first query plan, a cold cache) cannot eat the window.
 */
export async function load(port, path, { headers = {}, concurrency = 16, seconds = 3, warmUpSeconds = 0.5 } = {}) {
  const warmUntil = performance.now() + warmUpSeconds * 1000;
  // Every loop's connection is opened during the warm-up, and at least one request each is sent.
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      do await get(port, path, headers);
      while (performance.now() < warmUntil);
    }),
  );
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
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
 * A quick run measures one: the server when there is one (where production runs), else PGlite.
 */
export function benchBackends(onlyVariable) {
  const only = onlyVariable ? process.env[onlyVariable]?.split(',') : undefined;
  const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!only && QUICK) return [server ? 'postgres' : 'pglite'];
  return ['pglite', ...(server ? ['postgres'] : [])].filter((backend) => !only || only.includes(backend));
}

/**
 * A fresh, migrated database on the backend (in memory for PGlite; a database of its own, dropped
 * by `drop`, on PostgreSQL), with the reference data when asked. `url` is the PostgreSQL address.
 */
/**
 * The migrated databases every `openFresh` starts from, built once per run (per backend, and with
 * or without the reference data): each suite then pays a copy instead of the migrations, as the
 * tests do. An embedded one is a dump of its data directory; on the server, a template database,
 * dropped by `dropTemplates` when the run ends.
 */
const templates = new Map();

async function template(backend, reference) {
  const key = `${backend}:${reference}`;
  if (!templates.has(key)) {
    templates.set(
      key,
      (async () => {
        const { openDatabase } = await import(dist('db/connection.js'));
        const { migrate } = await import(dist('db/migrate.js'));
        const { seedReferenceData } = await import(dist('reference/seed.js'));
        const prepare = async (database) => {
          await migrate(database.db);
          if (reference) await seedReferenceData(database.db);
        };
        if (backend === 'pglite') {
          const database = await openDatabase({ dataDir: 'memory://' });
          try {
            await prepare(database);
            return { initialData: await database.dump() };
          } finally {
            await database.close();
          }
        }
        const databaseName = `crossroads_bench_template_${reference ? 'reference' : 'bare'}_${process.pid}`;
        await onServer(`drop database if exists ${databaseName}`);
        await onServer(`create database ${databaseName}`);
        const database = await openDatabase({ databaseUrl: serverUrl(databaseName), dataDir: 'unused', poolSize: 2 });
        try {
          await prepare(database);
        } finally {
          await database.close();
        }
        return { databaseName };
      })(),
    );
  }
  return templates.get(key);
}

const serverUrl = (databaseName) => {
  const parsed = new URL(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL);
  parsed.pathname = `/${databaseName}`;
  return parsed.toString();
};

async function onServer(statement) {
  const client = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Drops the template databases of this run from the server. */
export async function dropTemplates() {
  for (const [key, made] of templates) {
    if (!key.startsWith('postgres:')) continue;
    const { databaseName } = await made;
    await onServer(`drop database if exists ${databaseName} with (force)`);
  }
  templates.clear();
}

export async function openFresh(backend, { name, reference = false }) {
  // The list of domains registers every domain's verbs, which the services' access checks read.
  await import(dist('domains.js'));
  const { openDatabase } = await import(dist('db/connection.js'));
  const made = await template(backend, reference);
  if (backend === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://', embeddedStart: { initialData: made.initialData } });
    return { database, url: undefined, drop: async () => {} };
  }
  const databaseName = `crossroads_bench_${name}_${process.pid}`;
  await onServer(`drop database if exists ${databaseName}`);
  await onServer(`create database ${databaseName} template ${made.databaseName}`);
  const url = serverUrl(databaseName);
  const database = await openDatabase({ databaseUrl: url, dataDir: 'unused', poolSize: 4 });
  const drop = () => onServer(`drop database if exists ${databaseName} with (force)`);
  return { database, url, drop };
}

/** The label row and the HXL row of a 3W sheet of activities, as the directory's import reads it. */
const ACTIVITY_HEADER = [
  ['Organisation code', 'Activity', 'Key areas', 'Countries', 'Place', 'Start', 'End', 'Status', 'Target groups'],
  ['#org+code', '#activity+name', '#sector', '#country+code', '#loc+name', '#date+start', '#date+end', '#status', '#beneficiary'],
];

/**
 * The rows of a 3W sheet of `count` activities (its two header rows first), spread over the
 * organisations, key areas and countries given, each activity in two countries; `title(i)` and
 * `place(i)` name the i-th.
 */
export function activitySheetRows(count, { organisations, keyAreas, countries, title, place }) {
  const rows = ACTIVITY_HEADER.map((row) => [...row]);
  for (let i = 0; i < count; i++) {
    rows.push([
      organisations[i % organisations.length],
      title(i),
      keyAreas[i % keyAreas.length],
      `${countries[i % countries.length]}; ${countries[(i * 7) % countries.length]}`,
      place(i),
      '2026-01-01',
      '2026-12-31',
      ['planned', 'ongoing', 'completed'][i % 3],
      'refugees; migrants',
    ]);
  }
  return rows;
}

/** An XLSX workbook of `rows` on a sheet named 3W: streamed to `file` when one is given, else returned as bytes. */
export async function activityWorkbook(rows, file) {
  const { default: ExcelJS } = await import('exceljs');
  if (!file) {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('3W').addRows(rows);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const sheet = workbook.addWorksheet('3W');
  for (const row of rows) sheet.addRow(row).commit();
  await workbook.commit();
  return undefined;
}
