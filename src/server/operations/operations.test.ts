import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../test-support/app.js';
import { onServer, testBackends } from '../test-support/database.js';

const TOKEN = 'metrics-token-0123456789abcdef';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe.each(testBackends())('probes and metrics on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend, { metricsToken: TOKEN });
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('is ready when the database answers and every migration is applied, and says what is not', async () => {
    const ready = await get('/api/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: 'ready',
      checks: [
        { name: 'database', ok: true },
        { name: 'migrations', ok: true },
      ],
    });

    const last = await t.database.db
      .selectFrom('schema_migration')
      .select('name')
      .orderBy('name', 'desc')
      .executeTakeFirstOrThrow();
    await t.database.db.deleteFrom('schema_migration').where('name', '=', last.name).execute();
    try {
      const pending = await get('/api/ready');
      expect(pending.statusCode).toBe(503);
      expect(pending.headers['content-type']).toContain('application/problem+json');
      expect(pending.json().detail).toBe(`Migrations not yet applied: ${last.name}.`);
      expect((await get('/api/health')).statusCode).toBe(200);
    } finally {
      await sql`insert into schema_migration (name) values (${last.name})`.execute(t.database.db);
    }
    expect((await get('/api/ready')).statusCode).toBe(200);
  });

  it('exposes metrics only to the bearer of the token', async () => {
    expect((await get('/metrics')).statusCode).toBe(401);
    expect((await get('/metrics', { authorization: 'Bearer not-the-token-at-all-0000' })).statusCode).toBe(401);
    const withToken = await get('/metrics', { authorization: `Bearer ${TOKEN}` });
    expect(withToken.statusCode).toBe(200);
    expect(withToken.headers['content-type']).toContain('text/plain');
  });

  it('counts requests by route template, sign-in failures, the database, jobs, the outbox and the process, with no person in any label', async () => {
    const reader = await t.as('analyst');
    const someone = '7d5c8c1a-0000-4000-8000-0000000000aa';
    await t.request(reader, { method: 'GET', url: `/api/users/${someone}` });
    await get('/api/health');
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody.known@example.org', password: 'Wrong-Password-2026!' },
    });
    await t.database.db
      .insertInto('job_run')
      .values({ job: 'auth.purge_expired', slot_start: new Date(), instance: 'test' })
      .execute();

    const text = (await get('/metrics', { authorization: `Bearer ${TOKEN}` })).body;
    expect(text).toMatch(
      /crossroads_http_requests_total\{[^}]*route="\/api\/health"[^}]*method="GET"[^}]*status="200"[^}]*\} [1-9]/,
    );
    expect(text).toMatch(/crossroads_http_requests_total\{[^}]*route="\/api\/users\/:id"/);
    expect(text).toMatch(/crossroads_http_request_duration_seconds_bucket\{/);
    expect(text).toMatch(/crossroads_sign_in_failures_total\{[^}]*\} 1\n/);
    expect(text).toMatch(/crossroads_db_query_duration_seconds_count\{[^}]*backend="/);
    expect(text).toMatch(/crossroads_db_connections\{[^}]*state="open"[^}]*\} [1-9]/);
    expect(text).toMatch(/crossroads_job_runs\{[^}]*job="auth\.purge_expired"[^}]*outcome="running"[^}]*\} 1\n/);
    expect(text).toMatch(/crossroads_outbox_emails\{[^}]*status="pending"/);
    expect(text).toMatch(/crossroads_outbox_oldest_pending_seconds/);
    expect(text).toMatch(/crossroads_imports_running/);
    expect(text).toMatch(/process_resident_memory_bytes|nodejs_heap_size_used_bytes/);
    expect(text).toMatch(/nodejs_eventloop_lag_seconds/);
    // No email, no name, no id of a person or a record, in any label.
    expect(text).not.toContain('@');
    expect(text).not.toMatch(UUID);
    expect(text).not.toContain('nobody.known');
  });
});

describe('without METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('pglite');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has no metrics address at all', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.statusCode).toBe(404);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('when the PostgreSQL server stops answering', () => {
  let t: TestApp;
  let name: string;
  beforeAll(async () => {
    t = await testApp('postgres');
    name = new URL(t.database.url as string).pathname.slice(1);
  });
  afterAll(async () => {
    await onServer((client) => client.query(`alter database ${name} allow_connections true`));
    await t?.close();
  });

  it('is not ready while its database is away, ready again when it returns, and alive throughout', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
    await onServer(async (client) => {
      await client.query(`alter database ${name} allow_connections false`);
      await client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
    });
    const away = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(away.statusCode).toBe(503);
    expect(away.json().checks).toContainEqual(expect.objectContaining({ name: 'database', ok: false }));
    expect(away.json().detail).toMatch(/^The database does not answer/);
    expect(away.body).not.toContain('postgres://');
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);

    await onServer((client) => client.query(`alter database ${name} allow_connections true`));
    const back = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(back.statusCode).toBe(200);
  });
});
