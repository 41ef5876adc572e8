// Platform figures: cold and warm start, and an authenticated read route against a bare route of
// the same server in the same run (the ratio is the figure that counts), on PGlite and PostgreSQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { figure, load, startServer } from './lib.mjs';

const ADMIN = { CROSSROADS_ADMIN_EMAIL: 'bench@example.org', CROSSROADS_ADMIN_PASSWORD: 'Benchmark passphrase 2026' };
const seconds = Number(process.env.BENCH_SECONDS ?? 3);

async function signIn(port) {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.CROSSROADS_ADMIN_EMAIL, password: ADMIN.CROSSROADS_ADMIN_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

async function throughput(backend, port) {
  const cookie = await signIn(port);
  const bare = await load(port, '/api/problems', { seconds });
  const read = await load(port, '/api/users?limit=20', { headers: { cookie }, seconds });
  for (const [route, r] of [
    ['bare', bare],
    ['authenticated_read', read],
  ]) {
    figure(`http.${route}.rps`, r.rps, 'req/s', { backend, requests: r.requests, errors: r.errors });
    figure(`http.${route}.p50`, r.p50, 'ms', { backend });
    figure(`http.${route}.p99`, r.p99, 'ms', { backend });
  }
  figure('http.authenticated_read_vs_bare.rps_ratio', read.rps / bare.rps, 'ratio', { backend });
}

async function pglite() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-bench-'));
  try {
    const cold = await startServer({ DATA_DIR: dataDir, ...ADMIN, DATABASE_URL: '' });
    figure('startup.cold', cold.readyMs, 'ms', { backend: 'pglite' });
    await cold.stop();
    const warm = await startServer({ DATA_DIR: dataDir, ...ADMIN, DATABASE_URL: '' });
    figure('startup.warm', warm.readyMs, 'ms', { backend: 'pglite' });
    try {
      await throughput('pglite', warm.port);
    } finally {
      await warm.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function postgres(serverUrl) {
  const name = `crossroads_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    const cold = await startServer({ DATABASE_URL: url.toString(), ...ADMIN });
    figure('startup.cold', cold.readyMs, 'ms', { backend: 'postgres' });
    await cold.stop();
    const warm = await startServer({ DATABASE_URL: url.toString(), ...ADMIN });
    figure('startup.warm', warm.readyMs, 'ms', { backend: 'postgres' });
    try {
      await throughput('postgres', warm.port);
    } finally {
      await warm.stop();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

export async function run() {
  await pglite();
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (serverUrl) await postgres(serverUrl);
  else process.stderr.write('PostgreSQL figures skipped: set BENCH_DATABASE_URL to a server URL.\n');
}
