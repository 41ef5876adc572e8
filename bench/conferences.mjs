// Conference figures: registrations accepted per second on POST /api/conferences/events/:id/registrations
// under contention (16 parallel clients) for one public event with a capacity limit
// (BENCH_CONFERENCE_CAPACITY places, 200; 50 with --quick): the event row is locked while its places
// are counted, so every registration waits its turn. Against GET /api/health on the same server in
// the same run; each round is repeated REPEATS times on a fresh event and the ratio of the medians
// is the figure to compare. PGlite, through `crossroads serve`.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { dist, figure, figureSeries, load, REPEATS, sized, startServer } from './lib.mjs';

const CAPACITY = sized('BENCH_CONFERENCE_CAPACITY', 200, 50);
const SECONDS = sized('BENCH_SECONDS', 3, 1);
const CONCURRENCY = 16;

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function post(port, url, body) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: url,
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

/** Adds `count` public events of one organisation straight to the data directory, before the server opens it. */
async function prepare(dataDir, count) {
  await import(dist('domains.js'));
  const { openDatabase } = await import(dist('db/connection.js'));
  const { migrate } = await import(dist('db/migrate.js'));
  const database = await openDatabase({ dataDir });
  await migrate(database.db);
  const { id: organiser } = await database.db
    .insertInto('organisation')
    .values({ code: 'BENCH-SEC', type: 'secretariat', name_en: 'Benchmark Secretariat' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids = [];
  for (let i = 0; i < count; i++) {
    const { id } = await database.db
      .insertInto('conference_event')
      .values({
        kind: 'expert_conference',
        title: `Benchmark conference ${i + 1}`,
        organiser_id: organiser,
        starts_at: '2099-03-01T08:00:00Z',
        ends_at: '2099-03-02T16:00:00Z',
        time_zone: 'Europe/Vienna',
        venue: 'Vienna, Hofburg',
        languages: ['en'],
        public: true,
        capacity: CAPACITY,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(id);
  }
  await database.close();
  return ids;
}

/** Registrations per second from CONCURRENCY clients for SECONDS; each from an organisation of its own. */
async function registrations(port, eventId) {
  const url = `/api/conferences/events/${eventId}/registrations`;
  let accepted = 0;
  let refused = 0;
  let n = 0;
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        n++;
        const body = JSON.stringify({
          name: `Participant ${n}`,
          email: `participant.${n}@example.org`,
          organisationName: `Ministry ${n}`,
          function: 'Counsellor',
          visaLetter: false,
          listed: false,
        });
        if ((await post(port, url, body)) === 201) accepted++;
        else refused++;
      }
    }),
  );
  return { rps: accepted / ((performance.now() - started) / 1000), accepted, refused };
}

export async function run() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-bench-conferences-'));
  try {
    // One event for the warm-up and one per round, so that each round starts with every place free.
    const events = await prepare(dataDir, REPEATS + 1);
    const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
    try {
      await registrations(server.port, events[0]);
      const health = [];
      const registered = [];
      let refused = 0;
      for (let i = 0; i < REPEATS; i++) {
        health.push((await load(server.port, '/api/health', { seconds: SECONDS, concurrency: CONCURRENCY })).rps);
        const round = await registrations(server.port, events[i + 1]);
        registered.push(round.rps);
        refused += round.refused;
      }
      const h = figureSeries('conferences.health', health, 'req/s', { backend: 'pglite' });
      const r = figureSeries('conferences.registrations', registered, 'req/s', {
        backend: 'pglite',
        capacity: CAPACITY,
        concurrency: CONCURRENCY,
        refused,
      });
      figure('conferences.registrations_vs_health', r.median / h.median, 'ratio', { backend: 'pglite' });
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
