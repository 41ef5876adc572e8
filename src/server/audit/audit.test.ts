import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';

describe.each(testBackends())('the audit log on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
    await t.request(coordinator, {
      method: 'POST',
      url: '/api/users',
      payload: { email: 'audited.one@example.org', name: 'Audited One' },
    });
    await t.request(coordinator, {
      method: 'PATCH',
      url: '/api/countries/GR',
      payload: { capital: '=HYPERLINK("http://evil.example")' },
    });
  });
  afterAll(() => t?.close());

  it('lists entries newest first with who did what to which record', async () => {
    const page = (await t.request(coordinator, { method: 'GET', url: '/api/audit' })).json();
    expect(page.items[0]).toMatchObject({
      verb: 'reference.edit',
      recordType: 'country',
      recordId: 'GR',
      actor: { id: coordinator.userId, email: coordinator.email },
    });
    expect(page.items[1]).toMatchObject({ verb: 'user.create', recordType: 'user' });
    expect(page.total).toBeGreaterThanOrEqual(2);
  });

  it('filters by verb prefix, record and time', async () => {
    const users = (await t.request(coordinator, { method: 'GET', url: '/api/audit?verb=user.' })).json();
    expect(users.items.every((e: { verb: string }) => e.verb.startsWith('user.'))).toBe(true);
    const gr = (await t.request(coordinator, { method: 'GET', url: '/api/audit?recordType=country&recordId=GR' })).json();
    expect(gr.total).toBe(1);
    const future = (await t.request(coordinator, { method: 'GET', url: '/api/audit?from=2999-01-01T00:00:00Z' })).json();
    expect(future.total).toBe(0);
  });

  it('exports CSV that a spreadsheet cannot run, and records the export', async () => {
    const response = await t.request(coordinator, { method: 'GET', url: '/api/audit/export.csv?recordType=country' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="crossroads-audit-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows: string[][] = parse(response.body);
    expect(rows[0]).toEqual([
      'id',
      'at',
      'actor_id',
      'actor_name',
      'actor_email',
      'verb',
      'record_type',
      'record_id',
      'request_id',
      'address',
      'details',
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[5]).toBe('reference.edit');
    const exports = (await t.request(coordinator, { method: 'GET', url: '/api/audit?verb=audit.export' })).json();
    expect(exports.total).toBe(1);
  });

  it('never lets a cell start with a formula character', async () => {
    const person = await t.user({ role: 'analyst', email: '=cmd@example.org' });
    await t.database.db
      .insertInto('audit_log')
      .values({ actor_id: person.userId, verb: 'test.formula', details: '{}' })
      .execute();
    const response = await t.request(coordinator, { method: 'GET', url: '/api/audit/export.csv?verb=test.formula' });
    const rows: string[][] = parse(response.body);
    expect(rows[1]?.[4]).toBe("'=cmd@example.org");
  });
});
