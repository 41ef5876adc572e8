import { request } from 'node:http';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../db/migrate.js';
import { ADMIN, ADMIN_ENV, type Client, call, signIn } from '../test-support/api-client.js';
import { freshDatabase, type TestDatabase } from '../test-support/database.js';
import { type ServerProcess, startServerProcess } from '../test-support/server-process.js';

/**
 * Two instances on one PostgreSQL database behave as one: migrations at start-up, the first
 * account, sessions, sign-in rate limits, scheduled jobs (each slot run once) and concurrent
 * edits. No route has optimistic concurrency yet: concurrent PATCHes both land, the last commit
 * wins field by field, and both are audited.
 */
describe.runIf(process.env.TEST_DATABASE_URL)('two instances on one PostgreSQL database', () => {
  let database: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  const secrets = new Set<string>([ADMIN.password]);
  const remember = (client: Client) => {
    secrets.add(client.token);
    secrets.add(client.csrfToken);
    return client;
  };

  beforeAll(async () => {
    database = await freshDatabase('postgres', { migrate: false });
    const env = {
      DATABASE_URL: database.url as string,
      ...ADMIN_ENV,
      JOB_PERIOD_SECONDS: '1',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      LOGIN_DELAY_SECONDS: '60',
    };
    // Both start at once on an empty database.
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.close();
  });

  it('migrates once and creates the first account once', async () => {
    const applied = await database.db.selectFrom('schema_migration').select('name').orderBy('name').execute();
    expect(applied.map((m) => m.name)).toEqual(readMigrations().map((m) => m.name));
    expect(await migrate(database.db)).toEqual([]);
    const users = await database.db.selectFrom('app_user').select('email').execute();
    expect(users).toEqual([{ email: ADMIN.email }]);
    const bootstraps = await database.db.selectFrom('audit_log').select('id').where('verb', '=', 'user.bootstrap').execute();
    expect(bootstraps).toHaveLength(1);
    expect(a.output() + b.output()).not.toContain('one-time password');
  });

  it('shares sessions: opened on one, used and ended on the other', async () => {
    const onA = remember(await signIn(a.port));
    const onB = { ...onA, port: b.port };
    expect((await call(onB, 'GET', '/api/auth/session')).status).toBe(200);
    expect((await call(onB, 'POST', '/api/auth/logout')).status).toBe(204);
    expect((await call(onA, 'GET', '/api/auth/session')).status).toBe(401);
  });

  it('counts failed sign-ins across both instances, and lets the owner in from another address', async () => {
    const coordinator = remember(await signIn(a.port));
    const created = await call(coordinator, 'POST', '/api/users', { email: 'limited@example.org', name: 'Limited' });
    expect(created.status).toBe(201);
    const password = (created.body as { oneTimePassword: string }).oneTimePassword;
    secrets.add(password);
    const attempt = (port: number, attempt: string) =>
      call({ port }, 'POST', '/api/auth/login', { email: 'limited@example.org', password: attempt });
    expect((await attempt(a.port, 'wrong one')).status).toBe(401);
    expect((await attempt(b.port, 'wrong two')).status).toBe(401);
    expect((await attempt(a.port, 'wrong three')).status).toBe(401);
    // The fourth try from the failing address, right password or not, must wait on either instance.
    const delayed = await attempt(b.port, password);
    expect(delayed.status).toBe(429);
    expect(delayed.headers.get('retry-after')).toBe('60');
    expect((await attempt(a.port, password)).status).toBe(429);
    // From another address the right password goes through at once, on either instance.
    for (const port of [a.port, b.port]) {
      const owner = await loginFromAddress(port, '127.0.0.2', 'limited@example.org', password);
      expect(owner.status).toBe(200);
      secrets.add(owner.token);
    }
  });

  it('runs each slot of a scheduled job on one instance only', async () => {
    const admin = await database.db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', ADMIN.email)
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto('user_session')
      .values({ token_hash: Buffer.from('long expired'), user_id: admin.id, csrf_token: 'x', expires_at: '2020-01-01T00:00:00Z' })
      .execute();
    // Both instances tick four times a second for one-second slots.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const runs = await database.db
      .selectFrom('job_run')
      .select(['slot_start', 'instance', 'outcome', 'details'])
      .where('job', '=', 'auth.purge_expired')
      .orderBy('slot_start')
      .execute();
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.every((run) => run.outcome === 'succeeded' || run.outcome === null)).toBe(true);
    // What each instance says it ran adds up to the recorded runs: no slot ran twice. An instance
    // writes its line after the run's record commits, so the lines of the runs counted are awaited.
    const logged = () =>
      [a.output(), b.output()].flatMap((output) =>
        output
          .split('\n')
          .slice(0, -1)
          .filter((line) => line.includes('"msg":"job ran"') && line.includes('"job":"auth.purge_expired"'))
          .map((line) => (JSON.parse(line) as { slot: string }).slot),
      );
    const succeeded = async () =>
      (
        await database.db
          .selectFrom('job_run')
          .select('slot_start')
          .where('job', '=', 'auth.purge_expired')
          .where('outcome', '=', 'succeeded')
          .execute()
      ).map((run) => new Date(run.slot_start).toISOString());
    const recorded = await succeeded();
    const deadline = Date.now() + 10_000;
    while (!recorded.every((slot) => logged().includes(slot)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const lines = logged();
    expect(lines.length).toBeGreaterThanOrEqual(recorded.length);
    expect(new Set(lines).size).toBe(lines.length);
    for (const slot of recorded) expect(lines).toContain(slot);
    const later = await succeeded();
    for (const slot of lines) expect(later).toContain(slot);
    // The planted expired session was purged, by exactly one run.
    const purged = runs.filter((run) => (run.details as { sessions?: number }).sessions === 1);
    expect(purged).toHaveLength(1);
  });

  it('keeps both of two concurrent edits: disjoint fields both land, the same field ends as one of them', async () => {
    const onA = remember(await signIn(a.port));
    const onB = { ...onA, port: b.port };
    const auditedBefore = await database.db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('verb', '=', 'reference.edit')
      .where('record_id', '=', 'FR')
      .executeTakeFirstOrThrow();
    for (let round = 0; round < 8; round++) {
      const [fromA, fromB] = await Promise.all([
        call(onA, 'PATCH', '/api/countries/FR', { capital: `Paris A${round}`, names: { fr: `France A${round}` } }),
        call(onB, 'PATCH', '/api/countries/FR', { capital: `Paris B${round}`, names: { de: `Frankreich B${round}` } }),
      ]);
      expect([fromA.status, fromB.status]).toEqual([200, 200]);
    }
    const country = await database.db
      .selectFrom('country')
      .select(['capital', 'name_fr', 'name_de'])
      .where('iso2', '=', 'FR')
      .executeTakeFirstOrThrow();
    expect(['Paris A7', 'Paris B7']).toContain(country.capital);
    expect(country.name_fr).toBe('France A7');
    expect(country.name_de).toBe('Frankreich B7');
    const auditedAfter = await database.db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('verb', '=', 'reference.edit')
      .where('record_id', '=', 'FR')
      .executeTakeFirstOrThrow();
    expect(auditedAfter.n - auditedBefore.n).toBe(16);

    const user = await call(onA, 'POST', '/api/users', { email: 'renamed.twice@example.org', name: 'Original' });
    secrets.add((user.body as { oneTimePassword: string }).oneTimePassword);
    const id = (user.body as { user: { id: string } }).user.id;
    const [renameA, renameB] = await Promise.all([
      call(onA, 'PATCH', `/api/users/${id}`, { name: 'Renamed on A', language: 'fr' }),
      call(onB, 'PATCH', `/api/users/${id}`, { name: 'Renamed on B' }),
    ]);
    expect([renameA.status, renameB.status]).toEqual([200, 200]);
    const stored = await database.db
      .selectFrom('app_user')
      .select(['name', 'language'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(['Renamed on A', 'Renamed on B']).toContain(stored.name);
    expect(stored.language).toBe('fr');
    const updates = await database.db
      .selectFrom('audit_log')
      .select('id')
      .where('verb', '=', 'user.update')
      .where('record_id', '=', id)
      .execute();
    expect(updates).toHaveLength(2);
  });

  it('lets no password, token or personal detail reach either instance’s log', () => {
    const logs = a.output() + b.output();
    expect(logs.length).toBeGreaterThan(1000);
    const leaked = [...secrets, 'limited@example.org', 'renamed.twice@example.org'].filter((secret) => logs.includes(secret));
    expect(leaked).toEqual([]);
  });
});

/** A sign-in sent from another loopback address than 127.0.0.1, as another client would. */
function loginFromAddress(port: number, localAddress: string, email: string, password: string) {
  return new Promise<{ status: number; token: string }>((resolve, reject) => {
    const body = JSON.stringify({ email, password });
    const sent = request(
      {
        host: '127.0.0.1',
        port,
        localAddress,
        method: 'POST',
        path: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
      },
      (response) => {
        response.resume();
        response.on('end', () => {
          const cookie = String([response.headers['set-cookie']].flat()[0] ?? '');
          resolve({ status: response.statusCode ?? 0, token: cookie.split(';')[0]?.split('=')[1] ?? '' });
        });
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}
