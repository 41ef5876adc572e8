// Consensus drafting figures, each against a baseline in the same run, on PGlite and, when
// BENCH_DATABASE_URL or TEST_DATABASE_URL names a server, PostgreSQL (BENCH_CONSENSUS_BACKENDS narrows):
// - the position matrix of the 57 participating States × BENCH_CONSENSUS_PARAGRAPHS paragraphs
//   (120; quick 30) as the chair reads it, p95 over BENCH_CONSENSUS_SAMPLES calls, against a plain
//   select of the same positions;
// - the word-level comparison of the last two of BENCH_CONSENSUS_REVISIONS revisions (6; quick 3),
//   p95, against a plain select of the same two frozen revisions;
// - Server-Sent Events fan-out: 3 connected pages per State (171 streams) on the document; a State
//   changes a position and the time until the last stream sees it is measured, against the time
//   until the first one does (streams poll the events table on PGlite, are woken by LISTEN/NOTIFY
//   on PostgreSQL).
// Each figure is repeated REPEATS times; the median and the spread are printed.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { sql } from 'kysely';
import { benchBackends, dist, figureSeries, freePort, openFresh, repeat, sized } from './lib.mjs';

const PARAGRAPHS = sized('BENCH_CONSENSUS_PARAGRAPHS', 120, 30);
const REVISIONS = Math.max(2, sized('BENCH_CONSENSUS_REVISIONS', 6, 3));
const SAMPLES = sized('BENCH_CONSENSUS_SAMPLES', 40, 12);
const PER_STATE = sized('BENCH_CONSENSUS_PAGES_PER_STATE', 3, 3);

function p95(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
}

async function timed(fn) {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

function actor(userId, grants) {
  return {
    userId,
    email: 'bench@localhost',
    name: 'Bench',
    language: 'en',
    mustChangePassword: false,
    grants,
    sessionId: 'bench',
    csrfToken: 'bench',
  };
}

/** A draft with its paragraphs, REVISIONS frozen revisions (each rewording, moving and adding some) and every State's position. */
async function seedNegotiation(db) {
  const { id } = await db
    .insertInto('consensus_document')
    .values({
      council: 'MC',
      number: 1,
      year: 26,
      title: 'Decision on mixed migration',
      body: 'ministerial_council',
      created_by: null,
      decision_number: null,
      adopted_at: null,
      adopted_how: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rows = Array.from({ length: PARAGRAPHS }, (_, i) => ({
    document_id: id,
    part: i < PARAGRAPHS / 4 ? 'preambular' : 'operative',
    parent_id: null,
    position: i + 1,
    text: `${i < PARAGRAPHS / 4 ? 'Recalling' : 'Tasks'} the participating States to co-operate on border management, reception and return, item ${i + 1},`,
    commitment_id: null,
  }));
  const inserted = await db.insertInto('consensus_paragraph').values(rows).returning(['id', 'part', 'text']).execute();
  let text = inserted.map((p) => ({ id: p.id, part: p.part, parentId: null, text: p.text, commitmentId: null }));
  for (let r = 1; r <= REVISIONS; r++) {
    text = text.map((p, i) => ((i + r) % 7 === 0 ? { ...p, text: `${p.text} as revised in round ${r} with due regard` } : p));
    // One operative paragraph moves two places down in each revision.
    const from = Math.floor(PARAGRAPHS / 2) + r;
    if (from + 2 < text.length) text.splice(from + 2, 0, ...text.splice(from, 1));
    await db
      .insertInto('consensus_revision')
      .values({ document_id: id, number: r, paragraphs: JSON.stringify(text), issued_by: null })
      .execute();
  }
  await db.updateTable('consensus_document').set({ current_revision: REVISIONS }).where('id', '=', id).execute();
  await sql`insert into consensus_position (document_id, paragraph_id, country_iso2, stance, reason)
    select ${id}, p.id, c.iso2,
      (array['agree', 'can_live', 'reservation', 'agree'])[1 + (p.position + ascii(c.iso2)) % 4], 'Consulting the capital.'
    from consensus_paragraph p cross join country c
    where p.document_id = ${id} and c.osce_status = 'participating'`.execute(db);
  await sql`analyze`.execute(db);
  return { id, paragraphs: inserted.map((p) => p.id) };
}

async function readingFigures(backend, db, id, chair) {
  const { matrix } = await import(dist('consensus/positions/service.js'));
  const { compare } = await import(dist('consensus/revisions/service.js'));
  const plainPositions = () =>
    sql`select paragraph_id, country_iso2, stance, reason from consensus_position where document_id = ${id}`.execute(db);
  const plainRevisions = () =>
    sql`select number, paragraphs from consensus_revision where document_id = ${id} and number in (${REVISIONS - 1}, ${REVISIONS})`.execute(
      db,
    );
  const cells = (await matrix(chair, id)).cells.length;
  const series = { matrix: [], matrixRatio: [], compare: [], compareRatio: [] };
  await repeat(
    async () => {
      const samples = { matrix: [], plainPositions: [], compare: [], plainRevisions: [] };
      for (let i = 0; i < SAMPLES; i++) {
        samples.plainPositions.push(await timed(plainPositions));
        samples.matrix.push(await timed(() => matrix(chair, id)));
        samples.plainRevisions.push(await timed(plainRevisions));
        samples.compare.push(await timed(() => compare(chair, id, { from: REVISIONS - 1, to: REVISIONS })));
      }
      series.matrix.push(p95(samples.matrix));
      series.matrixRatio.push(p95(samples.matrix) / p95(samples.plainPositions));
      series.compare.push(p95(samples.compare));
      series.compareRatio.push(p95(samples.compare) / p95(samples.plainRevisions));
    },
    { warmUp: async () => Promise.all([matrix(chair, id), compare(chair, id, { from: 1, to: REVISIONS })]) },
  );
  const extra = { backend, states: 57, paragraphs: PARAGRAPHS, revisions: REVISIONS, cells, samples: SAMPLES };
  figureSeries('consensus.matrix.p95', series.matrix, 'ms', extra);
  figureSeries('consensus.matrix.p95_ratio_to_plain_select', series.matrixRatio, 'ratio', extra);
  figureSeries('consensus.compare.p95', series.compare, 'ms', extra);
  figureSeries('consensus.compare.p95_ratio_to_plain_select', series.compareRatio, 'ratio', extra);
}

/** Opens one event stream; resolves once it is ready, and calls `onChange` with the time each change arrives. */
function openStream(port, id, cookie, onChange) {
  return new Promise((resolve, reject) => {
    const request = http.get(
      {
        host: '127.0.0.1',
        port,
        path: `/api/consensus/documents/${id}/events`,
        headers: { cookie, accept: 'text/event-stream' },
      },
      (response) => {
        if (response.statusCode !== 200) {
          let body = '';
          response.on('data', (chunk) => {
            body += chunk;
          });
          response.on('end', () => reject(new Error(`the event stream answered ${response.statusCode}: ${body}`)));
          return;
        }
        let buffer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (message.includes('event: ready')) resolve(request);
            else if (message.includes('event: change')) onChange(performance.now());
            end = buffer.indexOf('\n\n');
          }
        });
      },
    );
    request.on('error', reject);
  });
}

async function fanOutFigures(backend, database, url, id, paragraphs) {
  const db = database.db;
  const { build } = await import(dist('app.js'));
  const { loadConfig } = await import(dist('config.js'));
  const { setPosition } = await import(dist('consensus/positions/service.js'));
  const states = (
    await db.selectFrom('country').select('iso2').where('osce_status', '=', 'participating').orderBy('iso2').execute()
  ).map((c) => c.iso2);
  const cookies = [];
  for (const iso2 of states) {
    const { id: userId } = await db
      .insertInto('app_user')
      .values({
        email: `delegation.${iso2.toLowerCase()}@example.org`,
        name: `Delegation ${iso2}`,
        language: 'en',
        password_hash: null,
        must_change_password: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('role_grant')
      .values({ user_id: userId, role: 'delegation', scope_type: 'country', organisation_id: null, country_iso2: iso2 })
      .execute();
    const token = randomBytes(32).toString('base64url');
    await db
      .insertInto('user_session')
      .values({
        token_hash: createHash('sha256').update(token).digest(),
        user_id: userId,
        csrf_token: randomBytes(16).toString('hex'),
        expires_at: new Date(Date.now() + 3600_000),
      })
      .execute();
    cookies.push({ iso2, userId, cookie: `crossroads_session=${token}` });
  }
  // Streams still polling while the bench closes the database would log warnings among the figures.
  // On PostgreSQL the server listens for the events' announcements, as it does in service.
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'error',
    DATABASE_URL: url ?? '',
    DATA_DIR: 'memory://',
    WEB_DIR: 'none',
  });
  const app = await build(config, database);
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  const arrivals = [];
  const streams = [];
  try {
    for (const { cookie } of cookies) {
      for (let k = 0; k < PER_STATE; k++) streams.push(await openStream(port, id, cookie, (at) => arrivals.push(at)));
    }
    const austria = cookies.find((c) => c.iso2 === 'AT') ?? cookies[0];
    const ctx = {
      db,
      requestId: 'bench',
      address: 'bench',
      config,
      actor: actor(austria.userId, [
        { role: 'delegation', scopeType: 'country', organisationId: null, countryIso2: austria.iso2 },
      ]),
    };
    const last = [];
    const first = [];
    let round = 0;
    await repeat(async () => {
      arrivals.length = 0;
      round++;
      const started = performance.now();
      await setPosition(ctx, id, paragraphs[round % paragraphs.length], {
        stance: round % 2 ? 'reservation' : 'agree',
        reason: '',
      });
      const deadline = Date.now() + 30_000;
      while (arrivals.length < streams.length) {
        if (Date.now() > deadline) throw new Error(`only ${arrivals.length} of ${streams.length} streams saw the change`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      first.push(Math.min(...arrivals) - started);
      last.push(Math.max(...arrivals) - started);
    });
    const extra = { backend, streams: streams.length, states: states.length };
    const lastSeen = figureSeries('consensus.sse_fanout.last_client.ms', last, 'ms', extra);
    const firstSeen = figureSeries('consensus.sse_fanout.first_client.ms', first, 'ms', extra);
    figureSeries(
      'consensus.sse_fanout.last_to_first_ratio',
      last.map((value, i) => value / Math.max(first[i], 1)),
      'ratio',
      { ...extra, lastMedianMs: Number(lastSeen.median.toFixed(1)), firstMedianMs: Number(firstSeen.median.toFixed(1)) },
    );
  } finally {
    for (const stream of streams) stream.destroy();
    await app.close();
  }
}

export async function run() {
  for (const backend of benchBackends('BENCH_CONSENSUS_BACKENDS')) {
    const { database, url, drop } = await openFresh(backend, { name: 'consensus', reference: true });
    try {
      process.stderr.write(`bench: consensus on ${backend}: 57 States × ${PARAGRAPHS} paragraphs × ${REVISIONS} revisions…\n`);
      const { id, paragraphs } = await seedNegotiation(database.db);
      const chair = {
        db: database.db,
        requestId: 'bench',
        address: 'bench',
        actor: actor('00000000-0000-0000-0000-000000000000', [
          { role: 'chair', scopeType: 'global', organisationId: null, countryIso2: null },
        ]),
      };
      await readingFigures(backend, database.db, id, chair);
      await fanOutFigures(backend, database, url, id, paragraphs);
    } finally {
      await database.close();
      await drop();
    }
  }
}
