// Load and soak: a realistic mix of reads and writes by signed-in users against one server, for
// SOAK_SECONDS (default 60; 600 for the full ten-minute soak). Figures: throughput, p50/p99
// latency of reads and writes, error rate, and the server's resident memory over the run, with
// its growth per minute over the second half (a leak shows as a growth that does not level off).
// On PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server, else on PGlite.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { dist, figure, sized, startServer } from './lib.mjs';

const ADMIN = { CROSSROADS_ADMIN_EMAIL: 'soak@example.org', CROSSROADS_ADMIN_PASSWORD: 'Soak benchmark passphrase 2026' };
const seconds = sized('SOAK_SECONDS', 60, 10);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 16);
const SAMPLE_MS = Math.max(1000, Math.min(10_000, (seconds * 1000) / 60));
const COUNTRIES = ['AT', 'BE', 'DE', 'FR', 'GR', 'IT', 'MT', 'ES', 'TR', 'UA', 'RS', 'AL', 'MK', 'HU', 'PL', 'SE'];

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 });

function request(port, method, path, { cookie, csrf, body } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = {
      ...(cookie ? { cookie } : {}),
      ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
      ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
    };
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** Resident memory of a process in MB, from /proc where there is one, else from ps. */
function residentMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    if (kb) return kb / 1024;
  } catch {
    // not Linux
  }
  return 0;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Least-squares slope of the samples, in MB per minute. */
function slopePerMinute(samples) {
  if (samples.length < 2) return 0;
  const n = samples.length;
  const mx = samples.reduce((a, s) => a + s.t, 0) / n;
  const my = samples.reduce((a, s) => a + s.mb, 0) / n;
  const num = samples.reduce((a, s) => a + (s.t - mx) * (s.mb - my), 0);
  const den = samples.reduce((a, s) => a + (s.t - mx) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 60_000;
}

async function soak(backend, env) {
  const server = await startServer({ ...ADMIN, LOG_LEVEL: 'warn', ...env });
  try {
    const login = await request(server.port, 'POST', '/api/auth/login', {
      body: { email: ADMIN.CROSSROADS_ADMIN_EMAIL, password: ADMIN.CROSSROADS_ADMIN_PASSWORD },
    });
    if (login.status !== 200) throw new Error(`sign-in failed: ${login.status}`);
    const signedIn = JSON.parse(login.body);
    const session = { cookie: String(login.headers['set-cookie']).split(';')[0], csrf: signedIn.csrfToken };
    // The co-ordinator's role asks for a second factor: enrolled once, as the person would.
    if (signedIn.secondFactorStep === 'enrol') {
      const { codeAt } = await import(dist('auth/second-factor/totp.js'));
      const started = await request(server.port, 'POST', '/api/auth/second-factor/enrolment', session);
      if (started.status !== 200) throw new Error(`enrolling a second factor failed: ${started.status} ${started.body}`);
      const { secret } = JSON.parse(started.body);
      const confirmed = await request(server.port, 'POST', '/api/auth/second-factor/enrolment/confirm', {
        ...session,
        body: { code: codeAt(secret) },
      });
      if (confirmed.status !== 200) throw new Error(`confirming the second factor failed: ${confirmed.status} ${confirmed.body}`);
    }
    // People to read and edit: created once, as a co-ordinator would.
    const userIds = [];
    for (let i = 0; i < 20; i++) {
      const created = await request(server.port, 'POST', '/api/users', {
        ...session,
        body: { email: `soak.${i}@example.org`, name: `Soak Person ${i}`, grants: [{ role: 'analyst', scopeType: 'global' }] },
      });
      if (created.status !== 201) throw new Error(`creating a user failed: ${created.status} ${created.body}`);
      userIds.push(JSON.parse(created.body).user.id);
    }
    let created = 0;
    const pick = (list) => list[Math.floor(Math.random() * list.length)];
    // The mix: about four reads to one write, as the directory and administration pages make.
    const operations = [
      [15, 'read', () => ['GET', '/api/countries?status=participating']],
      [10, 'read', () => ['GET', `/api/countries/${pick(COUNTRIES)}`]],
      [5, 'read', () => ['GET', '/api/structures']],
      [15, 'read', () => ['GET', '/api/users?limit=20']],
      [10, 'read', () => ['GET', `/api/users/${pick(userIds)}`]],
      [10, 'read', () => ['GET', '/api/audit?limit=20']],
      [10, 'read', () => ['GET', '/api/auth/session']],
      [5, 'read', () => ['GET', '/api/reference/competences']],
      [
        9,
        'write',
        () => ['PATCH', `/api/countries/${pick(COUNTRIES)}`, { capital: `Capital ${Math.random().toString(36).slice(2, 8)}` }],
      ],
      [
        8,
        'write',
        () => ['PATCH', `/api/users/${pick(userIds)}`, { name: `Soak Person ${Math.random().toString(36).slice(2, 8)}` }],
      ],
      [
        2,
        'write',
        () => [
          'PUT',
          `/api/users/${pick(userIds)}/grants`,
          { grants: [{ role: pick(['analyst', 'expert']), scopeType: 'global' }] },
        ],
      ],
      [
        1,
        'write',
        () => ['POST', '/api/users', { email: `soak.new.${process.pid}.${created++}@example.org`, name: 'Soak Newcomer' }],
      ],
    ];
    const totalWeight = operations.reduce((a, [w]) => a + w, 0);
    const choose = () => {
      let r = Math.random() * totalWeight;
      for (const operation of operations) {
        r -= operation[0];
        if (r <= 0) return operation;
      }
      return operations[0];
    };

    const latencies = { read: [], write: [] };
    let errors = 0;
    const failures = {};
    const samples = [];
    const started = performance.now();
    const until = started + seconds * 1000;
    const sampler = setInterval(() => samples.push({ t: performance.now() - started, mb: residentMb(server.pid) }), SAMPLE_MS);
    samples.push({ t: 0, mb: residentMb(server.pid) });
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < until) {
          const [, kind, make] = choose();
          const [method, path, body] = make();
          const t0 = performance.now();
          try {
            const response = await request(server.port, method, path, { ...session, body });
            if (response.status >= 300) {
              errors++;
              failures[response.status] = (failures[response.status] ?? 0) + 1;
            }
          } catch {
            errors++;
            failures.network = (failures.network ?? 0) + 1;
          }
          latencies[kind].push(performance.now() - t0);
        }
      }),
    );
    clearInterval(sampler);
    samples.push({ t: performance.now() - started, mb: residentMb(server.pid) });
    const elapsed = (performance.now() - started) / 1000;

    const all = [...latencies.read, ...latencies.write].sort((a, b) => a - b);
    for (const list of Object.values(latencies)) list.sort((a, b) => a - b);
    figure('soak.duration', elapsed, 's', { backend, concurrency: CONCURRENCY });
    figure('soak.rps', all.length / elapsed, 'req/s', {
      backend,
      requests: all.length,
      reads: latencies.read.length,
      writes: latencies.write.length,
    });
    figure('soak.p50', percentile(all, 0.5), 'ms', { backend });
    figure('soak.p99', percentile(all, 0.99), 'ms', { backend });
    for (const kind of ['read', 'write']) {
      figure(`soak.${kind}.p50`, percentile(latencies[kind], 0.5), 'ms', { backend });
      figure(`soak.${kind}.p99`, percentile(latencies[kind], 0.99), 'ms', { backend });
    }
    figure('soak.error_rate', all.length ? (100 * errors) / all.length : 0, '%', { backend, errors, failures });
    const memory = samples.map((s) => s.mb).filter((mb) => mb > 0);
    if (memory.length) {
      const growth = slopePerMinute(samples.filter((s) => s.mb > 0 && s.t >= (seconds * 1000) / 2));
      figure('soak.rss.start', memory[0], 'MB', { backend });
      figure('soak.rss.end', memory.at(-1), 'MB', { backend });
      figure('soak.rss.max', Math.max(...memory), 'MB', { backend });
      figure('soak.rss.growth_second_half', growth, 'MB/min', { backend, samples: memory.length });
      if (growth > 2) process.stderr.write(`soak: resident memory still grew ${growth.toFixed(1)} MB/min in the second half\n`);
    } else {
      process.stderr.write('soak: resident memory not measured (no /proc on this system)\n');
    }
  } finally {
    await server.stop();
  }
}

export async function run() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    process.stderr.write('soak: no PostgreSQL server (set BENCH_DATABASE_URL); running on the embedded database instead.\n');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-soak-'));
    try {
      await soak('pglite', { DATA_DIR: dataDir, DATABASE_URL: '' });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    return;
  }
  const name = `crossroads_soak_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    await soak('postgres', { DATABASE_URL: url.toString() });
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
