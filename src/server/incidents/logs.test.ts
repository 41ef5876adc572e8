import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../test-support/app.js';
import { ensureTestKey, testReportBody } from '../test-support/incidents/fixtures.js';

const SECRETS: [string, string, string, string] = [
  'Dragana Petrović',
  '+381 64 777 1234',
  'dragana.p@example.net',
  'beaten behind the Preševo centre',
];

describe('hate incident logs', () => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    t = await testApp('pglite', { logLevel: 'trace', incidentRateLimit: false }, { logStream: stream });
    await ensureTestKey(t.database.db);
  });
  afterAll(() => t?.close());

  it('hold none of a report’s protected data, whatever happens to the request', async () => {
    const body = testReportBody({
      contact: `${SECRETS[0]}, ${SECRETS[1]}, ${SECRETS[2]}`,
      description: `${SECRETS[0]} was ${SECRETS[3]}.`,
    });
    expect((await t.request(null, { method: 'POST', url: '/api/incidents/reports', payload: body })).statusCode).toBe(201);
    // Refused ones too: a replayed proof, an unknown country, a field too long, a bad photo.
    await t.request(null, { method: 'POST', url: '/api/incidents/reports', payload: body });
    await t.request(null, {
      method: 'POST',
      url: '/api/incidents/reports',
      payload: testReportBody({ ...body, proof: testReportBody().proof, country: 'XX' }),
    });
    await t.request(null, {
      method: 'POST',
      url: '/api/incidents/reports',
      payload: { ...body, contact: `${SECRETS[2]} ${'x'.repeat(2000)}` },
    });
    await t.request(null, {
      method: 'POST',
      url: '/api/incidents/reports',
      payload: testReportBody({
        contact: SECRETS[1],
        photos: [{ mediaType: 'image/png', data: Buffer.from(SECRETS[3]).toString('base64') }],
      }),
    });
    const { id } = await t.database.db.selectFrom('incident_report').select('id').executeTakeFirstOrThrow();
    await t.request(await t.as('incident_reviewer'), {
      method: 'POST',
      url: `/api/incidents/reports/${id}/protected`,
      payload: { reason: 'Reading it for the log test.' },
    });
    const log = lines.join('');
    expect(log).toContain('/api/incidents/reports');
    for (const secret of SECRETS) expect(log).not.toContain(secret);
  });
});
