import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { insertTestReport } from '../../test-support/incidents/fixtures.js';
import { insertTestStatement, testStatementBody } from '../../test-support/incidents/rhetoric.js';
import { refreshPublication } from '../publication/service.js';
import { aggregate, publishedRows } from './aggregate.js';
import type { RhetoricAggregate, StatementPage, StatementView } from './schemas.js';

describe('the rhetoric aggregate', () => {
  it('hides counts of 1 to 4, and a second count when only one would be hidden, and rounds the rest to a multiple of 5', () => {
    const rows = publishedRows(
      new Map([
        ['AT', 9],
        ['DE', 6],
        ['HU', 2],
      ]),
      (a, b) => a.localeCompare(b),
    );
    expect(rows).toEqual([
      { key: 'AT', count: { value: 10, suppressed: false } },
      { key: 'DE', count: { value: null, suppressed: true } },
      { key: 'HU', count: { value: null, suppressed: true } },
    ]);
    const small = aggregate([{ country: 'AT', year: '2025', medium: 'speech', speaker_role: 'minister', n: 3 }]);
    expect(small.total).toEqual({ value: null, suppressed: true });
    expect(small.byCountry).toEqual([{ key: 'AT', count: { value: null, suppressed: true } }]);
    const larger = aggregate([
      { country: 'AT', year: '2025', medium: 'speech', speaker_role: 'minister', n: 7 },
      { country: 'DE', year: '2025', medium: 'speech', speaker_role: 'minister', n: 8 },
    ]);
    expect(larger.total).toEqual({ value: 15, suppressed: false });
    expect(larger.byCountry.map((r) => r.count.value)).toEqual([5, 10]);
  });
});

describe.each(testBackends())('xenophobic rhetoric on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend);
  });
  afterAll(() => t?.close());

  const publicAggregate = async () => {
    const response = await t.request(null, { method: 'GET', url: '/api/incidents/rhetoric/statistics' });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as RhetoricAggregate;
  };

  it('is recorded by a reporter, reviewed by another person, and counted in public only once verified', async () => {
    const reporter = await t.as('analyst');
    const reviewer = await t.as('incident_reviewer');
    for (let i = 0; i < 4; i++) await insertTestStatement(t.database.db, { country: 'SI', status: 'verified', medium: 'print' });
    expect((await publicAggregate()).byCountry.find((r) => r.key === 'SI')?.count).toEqual({ value: null, suppressed: true });

    const sent = await t.request(reporter, {
      method: 'POST',
      url: '/api/incidents/rhetoric',
      payload: testStatementBody({ country: 'SI', medium: 'print' }),
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const { id, status } = sent.json() as { id: string; status: string };
    expect(status).toBe('submitted');
    expect((await publicAggregate()).byCountry.find((r) => r.key === 'SI')?.count.suppressed).toBe(true);

    // The queue shows the words but not who recorded them; the statement itself does, and that read is audited.
    const queue = await t.request(reviewer, { method: 'GET', url: '/api/incidents/rhetoric?status=submitted&country=SI' });
    expect((queue.json() as StatementPage).items.map((s) => s.id)).toEqual([id]);
    expect(queue.body).not.toContain(reporter.email);
    const opened = await t.request(reviewer, { method: 'GET', url: `/api/incidents/rhetoric/${id}` });
    const view = opened.json() as StatementView;
    expect(view.submittedBy?.email).toBe(reporter.email);
    expect(view.actions).toEqual(['verify', 'reject']);
    const reads = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_id'])
      .where('verb', '=', 'rhetoric.read')
      .where('record_id', '=', id)
      .execute();
    expect(reads.map((r) => r.actor_id)).toEqual([reviewer.userId]);

    const verified = await t.request(reviewer, {
      method: 'POST',
      url: `/api/incidents/rhetoric/${id}/review`,
      payload: { decision: 'verified' },
    });
    expect(verified.statusCode, verified.body).toBe(200);
    expect((verified.json() as StatementView).status).toBe('verified');
    const after = await publicAggregate();
    expect(after.kind).toBe('xenophobic_rhetoric_not_hate_crime');
    expect(after.byCountry.find((r) => r.key === 'SI')?.count).toEqual({ value: 5, suppressed: false });
    expect(JSON.stringify(after)).not.toContain(reporter.email);

    // Reviewed once: a second decision is refused.
    const again = await t.request(reviewer, {
      method: 'POST',
      url: `/api/incidents/rhetoric/${id}/review`,
      payload: { decision: 'rejected', reason: 'Changed my mind.' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a rejection without a reason on its field, and a review of one’s own statement', async () => {
    const reviewer = await t.as('incident_reviewer');
    const id = await insertTestStatement(t.database.db);
    const refused = await t.request(reviewer, {
      method: 'POST',
      url: `/api/incidents/rhetoric/${id}/review`,
      payload: { decision: 'rejected' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toMatchObject([{ pointer: '/reason', message: 'Give a reason.' }]);
    const own = await insertTestStatement(t.database.db, { submittedBy: reviewer.userId });
    const mine = await t.request(reviewer, {
      method: 'POST',
      url: `/api/incidents/rhetoric/${own}/review`,
      payload: { decision: 'verified' },
    });
    expect(mine.statusCode).toBe(409);
  });

  it('shows a reviewer scoped to a country nothing of statements elsewhere', async () => {
    const austrian = await t.user({ role: 'incident_reviewer', scopeType: 'country', countryIso2: 'AT' });
    const elsewhere = await insertTestStatement(t.database.db, { country: 'HR' });
    const read = await t.request(austrian, { method: 'GET', url: `/api/incidents/rhetoric/${elsewhere}` });
    expect(read.statusCode).toBe(404);
    const review = await t.request(austrian, {
      method: 'POST',
      url: `/api/incidents/rhetoric/${elsewhere}/review`,
      payload: { decision: 'verified' },
    });
    expect(review.statusCode).toBe(404);
    const list = await t.request(austrian, { method: 'GET', url: '/api/incidents/rhetoric?limit=200' });
    expect((list.json() as StatementPage).items.every((s) => s.country === 'AT')).toBe(true);
  });

  it('refuses a date in the future and an unknown country on their fields', async () => {
    const reporter = await t.as('focal_point');
    const future = await t.request(reporter, {
      method: 'POST',
      url: '/api/incidents/rhetoric',
      payload: testStatementBody({ statedOn: '2099-01-01' }),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].pointer).toBe('/statedOn');
    const unknown = await t.request(reporter, {
      method: 'POST',
      url: '/api/incidents/rhetoric',
      payload: testStatementBody({ country: 'QQ' }),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].pointer).toBe('/country');
  });

  it('never changes the hate-crime statistics when statements are verified', async () => {
    for (let i = 0; i < 6; i++)
      await insertTestReport(t.database.db, { country: 'SK', status: 'verified', occurredOn: '2024-04-04' });
    await refreshPublication(t.database.db);
    const read = async () => {
      const stats = await t.request(null, { method: 'GET', url: '/api/incidents/statistics?by=country' });
      const years = await t.request(null, { method: 'GET', url: '/api/incidents/statistics?by=year&country=SK' });
      return [stats.body, years.body];
    };
    const before = await read();
    expect(JSON.parse(before[0] as string).asOf).not.toBeNull();

    const reviewer = await t.as('incident_reviewer');
    for (let i = 0; i < 7; i++) {
      const id = await insertTestStatement(t.database.db, { country: 'SK', statedOn: '2024-04-04' });
      const response = await t.request(reviewer, {
        method: 'POST',
        url: `/api/incidents/rhetoric/${id}/review`,
        payload: { decision: 'verified' },
      });
      expect(response.statusCode).toBe(200);
    }
    expect((await publicAggregate()).byCountry.find((r) => r.key === 'SK')?.count).toEqual({ value: 5, suppressed: false });
    // The next publication finds nothing new to count: rhetoric is not a hate incident.
    expect(await refreshPublication(t.database.db)).toEqual({ changed: false });
    expect(await read()).toEqual(before);
  });
});
