import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { insertTestReport } from '../../test-support/incidents/fixtures.js';

/** Nobody holds a report with this id. */
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** A problem document without what differs from one request to the next. */
function problemOf(response: LightMyRequestResponse) {
  const { requestId: _, ...rest } = response.json() as Record<string, unknown>;
  return { status: response.statusCode, body: rest };
}

describe.each(testBackends())('a country-scoped incident reviewer stays in their countries on %s', (backend) => {
  let t: TestApp;
  let greekReviewer: Persona;
  let globalReviewer: Persona;
  beforeAll(async () => {
    t = await testApp(backend, { incidentRateLimit: false });
    greekReviewer = await t.user({ role: 'incident_reviewer', scopeType: 'country', countryIso2: 'GR' });
    globalReviewer = await t.as('incident_reviewer');
  });
  afterAll(() => t?.close());

  const lastExportAudit = async (persona: Persona) =>
    t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('verb', '=', 'incident.export')
      .where('actor_id', '=', persona.userId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();

  it('exports to ODIHR only the incidents of the countries where the caller holds the export', async () => {
    const db = t.database.db;
    await insertTestReport(db, { country: 'GR', status: 'verified', occurredOn: '2019-04-01' });
    await insertTestReport(db, { country: 'IT', status: 'verified', occurredOn: '2019-05-01' });
    await insertTestReport(db, { country: 'AT', status: 'verified', occurredOn: '2019-06-01' });

    const scoped = await t.request(greekReviewer, { method: 'GET', url: '/api/incidents/export/odihr.csv?year=2019' });
    expect(scoped.statusCode, scoped.body).toBe(200);
    const scopedRows = scoped.body.trim().split('\n').slice(1);
    expect(scopedRows.map((l) => l.split(',')[2])).toEqual(['Greece']);
    expect((await lastExportAudit(greekReviewer)).details).toMatchObject({ rows: 1, year: 2019 });

    const all = await t.request(globalReviewer, { method: 'GET', url: '/api/incidents/export/odihr.csv?year=2019' });
    const allRows = all.body.trim().split('\n').slice(1);
    expect(allRows.map((l) => l.split(',')[2])).toEqual(['Greece', 'Italy', 'Austria']);
    expect((await lastExportAudit(globalReviewer)).details).toMatchObject({ rows: 3, year: 2019 });

    // An export grant on an organisation covers no country of an incident: an empty file, not everything.
    const organisational = await t.user({ role: 'incident_reviewer', scopeType: 'organisation' });
    const none = await t.request(organisational, { method: 'GET', url: '/api/incidents/export/odihr.csv?year=2019' });
    expect(none.statusCode).toBe(200);
    expect(none.body.trim().split('\n')).toHaveLength(1);
  });

  const markDuplicate = (persona: Persona, id: string, duplicateOf: string) =>
    t.request(persona, {
      method: 'POST',
      url: `/api/incidents/reports/${id}/status`,
      payload: { status: 'duplicate', duplicateOf },
    });

  it('links a duplicate only to a report in a country the caller reviews, and a report elsewhere looks unknown', async () => {
    const db = t.database.db;
    const copy = await insertTestReport(db, { country: 'GR' });
    const italian = await insertTestReport(db, { country: 'IT' });
    const italianDuplicate = await insertTestReport(db, { country: 'IT' });
    expect((await markDuplicate(globalReviewer, italianDuplicate, italian)).statusCode).toBe(200);
    const unknown = problemOf(await markDuplicate(greekReviewer, copy, UNKNOWN));
    expect(unknown.status).toBe(422);
    // The same answer whether the kept report is elsewhere, elsewhere and itself a duplicate, or nowhere.
    expect(problemOf(await markDuplicate(greekReviewer, copy, italian))).toEqual(unknown);
    expect(problemOf(await markDuplicate(greekReviewer, copy, italianDuplicate))).toEqual(unknown);
    const unchanged = await db
      .selectFrom('incident_report')
      .select(['status', 'duplicate_of'])
      .where('id', '=', copy)
      .executeTakeFirstOrThrow();
    expect(unchanged).toEqual({ status: 'under_review', duplicate_of: null });
    const audited = await db.selectFrom('audit_log').select('id').where('record_id', '=', copy).execute();
    expect(audited).toEqual([]);

    // A reviewer of both countries links them.
    const linked = await markDuplicate(globalReviewer, copy, italian);
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ status: 'duplicate', duplicateOf: italian });
  });

  it('answers a change to a report in another country as for a report that does not exist', async () => {
    const italian = await insertTestReport(t.database.db, { country: 'IT' });
    const attempts = (id: string) => [
      t.request(greekReviewer, { method: 'GET', url: `/api/incidents/reports/${id}` }),
      t.request(greekReviewer, {
        method: 'POST',
        url: `/api/incidents/reports/${id}/status`,
        payload: { status: 'rejected', reason: 'x' },
      }),
      t.request(greekReviewer, { method: 'PUT', url: `/api/incidents/reports/${id}/assignee`, payload: { userId: null } }),
      t.request(greekReviewer, { method: 'POST', url: `/api/incidents/reports/${id}/notes`, payload: { note: 'x' } }),
      t.request(greekReviewer, { method: 'PUT', url: `/api/incidents/reports/${id}/redaction`, payload: { text: 'x' } }),
      t.request(greekReviewer, { method: 'POST', url: `/api/incidents/reports/${id}/protected`, payload: { reason: 'Trying.' } }),
    ];
    const strip = (r: LightMyRequestResponse) => {
      const { status, body } = problemOf(r);
      const { instance: _, ...rest } = body;
      return { status, body: rest };
    };
    const elsewhere = (await Promise.all(attempts(italian))).map(strip);
    const nowhere = (await Promise.all(attempts(UNKNOWN))).map(strip);
    expect(elsewhere).toEqual(nowhere);
    expect(nowhere.every((p) => p.status === 404)).toBe(true);
    const events = await t.database.db.selectFrom('incident_event').select('kind').where('report_id', '=', italian).execute();
    expect(events).toEqual([]);
  });

  it('lists as duplicates of a case only the reports in countries the caller reviews', async () => {
    const db = t.database.db;
    const kept = await insertTestReport(db, { country: 'GR' });
    const greekCopy = await insertTestReport(db, { country: 'GR' });
    const italianCopy = await insertTestReport(db, { country: 'IT' });
    for (const copy of [greekCopy, italianCopy]) {
      expect((await markDuplicate(globalReviewer, copy, kept)).statusCode).toBe(200);
    }
    const view = async (persona: Persona) =>
      (await t.request(persona, { method: 'GET', url: `/api/incidents/reports/${kept}` })).json() as { duplicates: string[] };
    expect((await view(globalReviewer)).duplicates.sort()).toEqual([greekCopy, italianCopy].sort());
    expect((await view(greekReviewer)).duplicates).toEqual([greekCopy]);
  });
});
