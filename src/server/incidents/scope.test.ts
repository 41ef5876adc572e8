import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';
import { insertTestReport } from './fixtures.js';

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
});
