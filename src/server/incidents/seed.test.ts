import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';
import { insertTestReport } from '../test-support/incidents/fixtures.js';
import { incidentJobs } from './jobs.js';
import type { StatisticsView } from './publication/schemas.js';
import { seedIncidentsDemo } from './seed.js';

describe.each(testBackends())('hate incident demonstration data and job on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend);
  });
  afterAll(() => t?.close());

  it('adds synthetic incidents once, across States and years, feeding the statistics and the early warning', async () => {
    await seedIncidentsDemo(t.database.db);
    await seedIncidentsDemo(t.database.db);
    const rows = await t.database.db.selectFrom('incident_report').select(['country_iso2', 'occurred_on', 'status']).execute();
    expect(rows).toHaveLength(900);
    expect(new Set(rows.map((r) => r.country_iso2)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(rows.map((r) => String(r.occurred_on).slice(0, 4))).size).toBeGreaterThanOrEqual(8);
    expect(await t.database.db.selectFrom('incident_sealed').select('id').execute()).toEqual([]);
    const stats = (
      await t.request(null, { method: 'GET', url: '/api/incidents/statistics?by=country' })
    ).json() as StatisticsView;
    expect(stats.total.value).toBeGreaterThan(100);
    const risk = await t.request(await t.as('analyst'), { method: 'GET', url: '/api/warning/risk/DE' });
    expect((risk.json() as { history: Array<{ incidents: number | null }> }).history.some((p) => (p.incidents ?? 0) > 0)).toBe(
      true,
    );
  });

  it('adds rhetoric and campaigns once, apart from the incidents, with a public aggregate and a campaign kit', async () => {
    await seedIncidentsDemo(t.database.db);
    const statements = await t.database.db.selectFrom('rhetoric_statement').select(['status', 'country_iso2']).execute();
    expect(statements).toHaveLength(80);
    expect(new Set(statements.map((s) => s.status))).toEqual(new Set(['submitted', 'verified', 'rejected']));
    const aggregate = (await t.request(null, { method: 'GET', url: '/api/incidents/rhetoric/statistics' })).json() as {
      total: { value: number | null };
      byCountry: Array<{ count: { suppressed: boolean } }>;
    };
    // The published total is the verified statements' count, rounded to a multiple of 5.
    const verified = statements.filter((s) => s.status === 'verified').length;
    expect(aggregate.total.value).toBe(Math.round(verified / 5) * 5);
    expect(Math.abs((aggregate.total.value ?? 0) - verified)).toBeLessThanOrEqual(2);
    expect(aggregate.byCountry.some((r) => !r.count.suppressed)).toBe(true);
    const campaigns = (await t.request(null, { method: 'GET', url: '/api/incidents/campaigns?country=GR' })).json() as {
      items: Array<{ title: string; materials: Array<{ title: string }> }>;
    };
    expect(campaigns.items.map((c) => c.title).sort()).toEqual([
      'Neighbours, not strangers',
      'Recognising hate: a campaign for local authorities',
    ]);
    expect(campaigns.items.find((c) => c.title === 'Neighbours, not strangers')?.materials).toEqual([
      expect.objectContaining({ title: 'Campaign kit: answering xenophobic rhetoric' }),
    ]);
    const all = await t.database.db.selectFrom('awareness_campaign').select('id').execute();
    expect(all).toHaveLength(3);
  });

  it('runs the hourly job: contacts past the retention period go, recent ones stay', async () => {
    const job = incidentJobs[0]!;
    expect(job.name).toBe('incidents.delete_expired_contacts');
    const old = await insertTestReport(t.database.db, { status: 'verified', closedAt: new Date(Date.now() - 400 * 86400_000) });
    const recent = await insertTestReport(t.database.db, { status: 'verified', closedAt: new Date() });
    for (const id of [old, recent]) {
      await t.database.db
        .insertInto('incident_sealed')
        .values({
          report_id: id,
          kind: 'contact',
          key_id: await keyId(),
          wrapped_key: Buffer.from('k'),
          payload: Buffer.from('p'),
        })
        .execute();
    }
    expect(await job.run(t.database.db)).toMatchObject({ contactsDeleted: 1 });
    const left = await t.database.db.selectFrom('incident_sealed').select('report_id').execute();
    expect(left.map((r) => r.report_id)).toEqual([recent]);
  });

  async function keyId(): Promise<string> {
    const existing = await t.database.db.selectFrom('incident_key').select('id').executeTakeFirst();
    if (existing) return existing.id;
    const row = await t.database.db
      .insertInto('incident_key')
      .values({
        public_key_spki: Buffer.from('x'),
        sealed_private_key: Buffer.from('x'),
        kdf_salt: Buffer.from('s'),
        kdf_iterations: 100000,
        seal_iv: Buffer.from('i'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
});
