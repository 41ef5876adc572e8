// Hate-incident figures:
// - accepted public reports per second on POST /api/incidents/reports (server-side encryption of
//   the description and contact, rate limiting off for the run with INCIDENT_RATE_LIMIT=false),
//   against GET /api/health on the same server in the same run (the ratio is the figure to compare);
// - the time to compute the public statistics (the fixed tables, their suppression audited by
//   linear programming, stored) over BENCH_INCIDENTS generated incidents (default 1,000,000, made
//   with one INSERT … SELECT generate_series), and the latency of reading one slice of them, on
//   PGlite and, when BENCH_DATABASE_URL or TEST_DATABASE_URL names a server, on PostgreSQL.
//   BENCH_INCIDENTS_BACKENDS=pglite or postgres runs one backend only.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { benchBackends, CLI, dist, figure, load, openFresh, sized, startServer } from './lib.mjs';

const INCIDENTS = sized('BENCH_INCIDENTS', 1_000_000, 20_000);
const SECONDS = sized('BENCH_SECONDS', 3, 1);
const PROOF_BITS = 8;
// The server signs the form's challenges; the benchmark signs its own under the same key, as if
// each visitor's browser had fetched one, so that the figure measures receiving a report only.
const CHALLENGE_KEY = `benchmark challenge key ${Date.now()} ${Math.random()}`;

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function post(port, body) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/incidents/reports',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function submissions(port, concurrency = 8) {
  const { solveProof } = await import(dist('incidents/submission/proof.js'));
  let accepted = 0;
  let refused = 0;
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        // Each report carries a proof of its own, as each visitor's browser makes one.
        const body = JSON.stringify({
          occurredOn: '2025-04-01',
          country: 'DE',
          place: 'Leipzig',
          incidentType: 'threat',
          targets: ['refugees'],
          biasMotivation: 'racist_xenophobic',
          source: 'witness',
          description: 'Two men threatened a family at the tram stop and told them to leave.',
          contact: 'bench@example.org',
          contactConsent: true,
          proof: solveProof(PROOF_BITS, Date.now() - 60_000, CHALLENGE_KEY),
        });
        if ((await post(port, body)) === 201) accepted++;
        else refused++;
      }
    }),
  );
  return { rps: accepted / ((performance.now() - started) / 1000), accepted, refused };
}

async function throughput() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-bench-incidents-'));
  const env = {
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    INCIDENT_RATE_LIMIT: 'false',
    INCIDENT_MIN_FILL_SECONDS: '0',
    INCIDENT_PROOF_BITS: String(PROOF_BITS),
    INCIDENT_CHALLENGE_KEY: CHALLENGE_KEY,
  };
  try {
    execFileSync(process.execPath, [CLI, 'incidents', 'keygen'], {
      env: {
        ...process.env,
        ...env,
        LOG_LEVEL: 'warn',
        CROSSROADS_INCIDENT_PASSPHRASE: 'benchmark passphrase, never used again',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const server = await startServer(env);
    try {
      const health = await load(server.port, '/api/health', { seconds: SECONDS });
      const reports = await submissions(server.port);
      figure('incidents.health.rps', health.rps, 'req/s', { backend: 'pglite' });
      figure('incidents.report_accepted.rps', reports.rps, 'reports/s', {
        backend: 'pglite',
        accepted: reports.accepted,
        refused: reports.refused,
      });
      figure('incidents.report_vs_health.rps_ratio', reports.rps / health.rps, 'ratio', { backend: 'pglite' });
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function publication(backend) {
  const { sql } = await import('kysely');
  const { refreshPublication, statistics } = await import(dist('incidents/publication/service.js'));
  const { database, drop } = await openFresh(backend, { name: 'incidents', reference: true });
  const db = database.db;
  try {
    process.stderr.write(`bench: generating ${INCIDENTS} incidents on ${backend}\n`);
    let started = performance.now();
    // Three in four verified, spread over 20 countries, 10 years, every type, bias and target.
    await sql`insert into incident_report (receipt_hash, status, occurred_on, country_iso2, place, incident_type, targets,
        bias_motivation, source, encrypted_in, closed_at)
      select sha256(int4send(g)), case when g % 4 = 0 then 'under_review' else 'verified' end,
        date '2015-01-01' + ((g / 5) % 3650), (array['DE','GR','IT','FR','ES','AT','HU','SE','PL','BG','RS','TR','NL','BE','GB','IE','MT','CY','HR','SI'])[1 + (g / 3) % 20],
        'Bench', (array['physical_assault','homicide','threat','arson','vandalism','graffiti','desecration'])[1 + (g / 7) % 7],
        (array[array['migrants','refugees'], array['refugees','refugees'], array['asylum_seekers','helping_organisations']])[1 + g % 3][1:1 + (g % 2)],
        (array['racist_xenophobic','anti_muslim','anti_roma','anti_christian'])[1 + (g / 3) % 4], 'ngo', 'server',
        case when g % 4 = 0 then null else now() end
      from generate_series(1, ${INCIDENTS}) g`.execute(db);
    await sql`analyze incident_report`.execute(db);
    figure('incidents.generate.s', (performance.now() - started) / 1000, 's', { backend, incidents: INCIDENTS });
    started = performance.now();
    const outcome = await refreshPublication(db);
    figure('incidents.publication.s', (performance.now() - started) / 1000, 's', {
      backend,
      incidents: INCIDENTS,
      figures: outcome.figures,
      complementary: outcome.complementary,
      solves: outcome.solves,
    });
    const ctx = { db, actor: null };
    const cases = [{ by: 'country' }, { by: 'year' }, { by: 'incidentType', year: 2020 }, { by: 'year', country: 'GR' }];
    const all = [];
    for (const query of cases) {
      await statistics(ctx, query);
      const times = [];
      for (let i = 0; i < 3; i++) {
        started = performance.now();
        await statistics(ctx, query);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      all.push(times[1]);
      figure(`incidents.statistics.${query.by}.ms`, times[1], 'ms', { backend, incidents: INCIDENTS, query });
    }
    figure('incidents.statistics.median_query.ms', all.sort((a, b) => a - b)[1], 'ms', { backend, incidents: INCIDENTS });
  } finally {
    await database.close();
    await drop();
  }
}

export async function run() {
  await throughput();
  for (const backend of benchBackends('BENCH_INCIDENTS_BACKENDS')) await publication(backend);
}
