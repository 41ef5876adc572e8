// Platform figures, each against a baseline measured in the same run, so that the ratio is the
// figure that counts whatever the machine's load:
// - warm start: `crossroads serve` on an existing data directory until /api/health answers,
//   against reopening that PGlite data directory alone (in a process of its own, like the server);
// - a realistic read: the co-ordinator's page of 20 users out of thousands through the whole
//   stack (session, access check, audit-free read, schema serialisation), against a raw route on
//   a bare Node HTTP server in the same process sending the same SQL to the same database, on the
//   backends of benchBackends (BENCH_PLATFORM_BACKENDS narrows them);
// - a light route beside a heavy one: on PGlite (one connection for every request) the
//   throughput of a light database route (one country) while clients hammer the public refugee
//   totals (aggregates over every observation), against the same light route unloaded.
// Each figure is repeated REPEATS times (median, spread, load average); each load window starts
// after its warm-up.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { benchBackends, dist, figure, figureSeries, freePort, load, openFresh, repeat, sized, startServer } from './lib.mjs';

const ADMIN = { CROSSROADS_ADMIN_EMAIL: 'bench@example.org', CROSSROADS_ADMIN_PASSWORD: 'Benchmark passphrase 2026' };
const seconds = sized('BENCH_SECONDS', 3, 1);
const USERS = sized('BENCH_PLATFORM_USERS', 5000, 2000);

/** Milliseconds for a fresh Node process to reopen the data directory as the server does and answer one query. */
function reopenAlone(dataDir) {
  const script = path.join(dataDir, '..', `reopen-${process.pid}.mjs`);
  fs.writeFileSync(
    script,
    `const { openDatabase } = await import(${JSON.stringify(pathToFileURL(dist('db/connection.js')).href)});
const database = await openDatabase({ dataDir: ${JSON.stringify(dataDir)} });
await database.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
await database.close();
`,
  );
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => {
      fs.rmSync(script, { force: true });
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`reopening the data directory failed (exit ${code})`));
    });
  });
}

/** Starts the server on a new data directory, then measures starts on it: the directory is kept for the next figure. */
async function warmStart(dataDir) {
  const env = { DATA_DIR: dataDir, ...ADMIN, DATABASE_URL: '' };
  const cold = await startServer(env);
  figure('startup.cold', cold.readyMs, 'ms', { backend: 'pglite' });
  await cold.stop();
  const starts = [];
  const reopens = [];
  // Alternated, so that a change in the machine's load weighs on both alike.
  await repeat(async () => {
    reopens.push(await reopenAlone(dataDir));
    const warm = await startServer(env);
    starts.push(warm.readyMs);
    await warm.stop();
  });
  const start = figureSeries('startup.warm', starts, 'ms', { backend: 'pglite' });
  const reopen = figureSeries('startup.pglite_reopen', reopens, 'ms', { backend: 'pglite' });
  figure('startup.warm_vs_reopen.ratio', start.median / reopen.median, 'ratio', { backend: 'pglite', goal: '≤ 1.5' });
}

/** The SQL the users page sends: the session with its grants, then the page with grants, expert and total. */
const SESSION_SQL = (tokenHash) => sql`
  select s.id as session_id, s.csrf_token, s.last_seen_at, u.id as user_id, u.email, u.name, u.language,
         u.must_change_password,
         (select coalesce(json_agg(g), '[]') from (select role, scope_type as "scopeType",
            organisation_id as "organisationId", country_iso2 as "countryIso2"
            from role_grant where user_id = u.id) g) as grants
    from user_session s join app_user u on u.id = s.user_id
   where s.token_hash = ${tokenHash} and s.expires_at > now()
     and s.last_seen_at > now() - make_interval(mins => 120) and u.disabled_at is null`;
const PAGE_SQL = sql`
  select id, email, name, language, must_change_password, disabled_at, last_login_at, created_at,
         (select coalesce(json_agg(g), '[]') from (select role, scope_type as "scopeType",
            organisation_id as "organisationId", country_iso2 as "countryIso2"
            from role_grant g where g.user_id = app_user.id order by g.role) g) as grants,
         (select to_json(e) from (select id, name from expert where user_id = app_user.id) e) as expert,
         count(*) over () as total
    from app_user order by lower(name), id limit 20 offset 0`;

/** The same work without the platform: read the cookie, find the session, read the page, send JSON. */
function rawServer(database) {
  return http.createServer(async (request, response) => {
    try {
      const token = /crossroads_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1] ?? '';
      const tokenHash = createHash('sha256').update(token).digest();
      const session = (await SESSION_SQL(tokenHash).execute(database.db)).rows[0];
      if (!session) {
        response.writeHead(401).end();
        return;
      }
      const rows = (await PAGE_SQL.execute(database.db)).rows;
      const body = JSON.stringify({ items: rows, total: Number(rows[0]?.total ?? 0), limit: 20, offset: 0 });
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
}

async function pageOfUsers(backend) {
  const { database, drop } = await openFresh(backend, { name: 'platform', reference: true });
  const { build } = await import(dist('app.js'));
  const { loadConfig } = await import(dist('config.js'));
  const { ensureFirstCoordinator } = await import(dist('users/bootstrap.js'));
  await ensureFirstCoordinator(database.db, { email: ADMIN.CROSSROADS_ADMIN_EMAIL, password: ADMIN.CROSSROADS_ADMIN_PASSWORD });
  await sql`insert into app_user (email, name, language, must_change_password)
            select 'person' || n || '@example.org', 'Person ' || lpad(n::text, 6, '0'), 'en', false
              from generate_series(1, ${USERS}) as n`.execute(database.db);
  await sql`analyze`.execute(database.db);
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', DATA_DIR: 'memory://' });
  const app = await build(config, database);
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  const raw = rawServer(database);
  const rawPort = await freePort();
  await new Promise((resolve) => raw.listen(rawPort, '127.0.0.1', resolve));
  try {
    // A session of the co-ordinator, as sign-in makes it, straight in the database.
    const token = randomBytes(32).toString('base64url');
    const { id: userId } = await database.db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', ADMIN.CROSSROADS_ADMIN_EMAIL)
      .executeTakeFirstOrThrow();
    await database.db.updateTable('app_user').set({ must_change_password: false }).where('id', '=', userId).execute();
    await sql`insert into user_session (user_id, token_hash, csrf_token, expires_at)
              values (${userId}, ${createHash('sha256').update(token).digest()}, ${randomBytes(16).toString('hex')},
                      now() + interval '1 day')`.execute(database.db);
    const headers = { cookie: `crossroads_session=${token}` };
    const check = await fetch(`http://127.0.0.1:${port}/api/users?limit=20`, { headers });
    if (!check.ok) throw new Error(`the users page answered ${check.status}: ${await check.text()}`);
    const platformRps = [];
    const rawRps = [];
    const platformP50 = [];
    const rawP50 = [];
    let errors = 0;
    await repeat(async () => {
      const viaPlatform = await load(port, '/api/users?limit=20', { headers, seconds });
      const viaRaw = await load(rawPort, '/users', { headers, seconds });
      platformRps.push(viaPlatform.rps);
      rawRps.push(viaRaw.rps);
      platformP50.push(viaPlatform.p50);
      rawP50.push(viaRaw.p50);
      errors += viaPlatform.errors + viaRaw.errors;
    });
    const extra = { backend, users: USERS + 1, page: 20, errors };
    const platform = figureSeries('http.users_page.rps', platformRps, 'req/s', extra);
    const bare = figureSeries('http.users_page_raw_sql.rps', rawRps, 'req/s', extra);
    figureSeries('http.users_page.p50', platformP50, 'ms', extra);
    figureSeries('http.users_page_raw_sql.p50', rawP50, 'ms', extra);
    figure('http.users_page_vs_raw_sql.rps_ratio', platform.median / bare.median, 'ratio', extra);
  } finally {
    await new Promise((resolve) => raw.close(resolve));
    await app.close();
    await database.close();
    await drop();
  }
}

const YEARS = sized('BENCH_PLATFORM_YEARS', 70, 40);
const LIGHT = '/api/countries/FR';
const HEAVY = '/api/warning/totals';

/** The UNHCR population table of every country over YEARS years, as an import leaves it. */
async function seedObservations(dataDir) {
  const { openDatabase } = await import(dist('db/connection.js'));
  const database = await openDatabase({ dataDir });
  try {
    const { id: batch } = await database.db
      .insertInto('warning_import_batch')
      .values({
        source: 'bench',
        format: 'unhcr_population',
        file_sha256: 'bench',
        row_count: 0,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        skipped: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`insert into warning_observation (indicator_id, country_iso2, period, value, batch_id)
              select i.id, c.iso2, make_date(2025 - y, 1, 1), (hashtext(c.iso2 || i.code || y) & 65535), ${batch}
                from warning_indicator i cross join country c cross join generate_series(0, ${YEARS - 1}) as y
               where i.code in ('refugees_hosted', 'asylum_seekers', 'refugees_by_origin', 'asylum_seekers_by_origin')`.execute(
      database.db,
    );
    await sql`analyze`.execute(database.db);
    const { rows } = await sql`select count(*)::int as n from warning_observation`.execute(database.db);
    return rows[0].n;
  } finally {
    await database.close();
  }
}

/** On the warm start's data directory, migrated and holding the reference data. */
async function lightBesideHeavy(dataDir) {
  const env = { DATA_DIR: dataDir, ...ADMIN, DATABASE_URL: '' };
  const observations = await seedObservations(dataDir);
  const server = await startServer(env);
  try {
    for (const route of [LIGHT, HEAVY]) {
      const check = await fetch(`http://127.0.0.1:${server.port}${route}`);
      if (!check.ok) throw new Error(`${route} answered ${check.status}: ${await check.text()}`);
    }
    const alone = [];
    const beside = [];
    const heavy = [];
    const p50Alone = [];
    const p50Beside = [];
    let errors = 0;
    await repeat(async () => {
      const unloaded = await load(server.port, LIGHT, { seconds });
      // The heavy route's clients start first and stop last: the light route's window is inside theirs.
      const hammer = load(server.port, HEAVY, { concurrency: 4, seconds: seconds + 1, warmUpSeconds: 0 });
      const loaded = await load(server.port, LIGHT, { seconds });
      const hammered = await hammer;
      alone.push(unloaded.rps);
      beside.push(loaded.rps);
      heavy.push(hammered.rps);
      p50Alone.push(unloaded.p50);
      p50Beside.push(loaded.p50);
      errors += unloaded.errors + loaded.errors + hammered.errors;
    });
    const extra = { backend: 'pglite', light: LIGHT, heavy: HEAVY, observations, errors };
    const a = figureSeries('http.light_route.rps', alone, 'req/s', extra);
    const b = figureSeries('http.light_route_beside_heavy.rps', beside, 'req/s', extra);
    figureSeries('http.heavy_route.rps', heavy, 'req/s', extra);
    figureSeries('http.light_route.p50', p50Alone, 'ms', extra);
    figureSeries('http.light_route_beside_heavy.p50', p50Beside, 'ms', extra);
    figure('http.light_beside_heavy_vs_alone.rps_ratio', b.median / a.median, 'ratio', { ...extra, goal: '≥ 0.5' });
  } finally {
    await server.stop();
  }
}

export async function run() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-bench-'));
  try {
    await warmStart(dataDir);
    await lightBesideHeavy(dataDir);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  for (const backend of benchBackends('BENCH_PLATFORM_BACKENDS')) await pageOfUsers(backend);
}
