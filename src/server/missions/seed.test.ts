import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopSolver } from '../solver/highs.js';
import { type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';
import { seedMissionsDemo } from './seed.js';

afterAll(() => stopSolver());

describe.each(testBackends())('mission demonstration data on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend);
  });
  afterAll(() => t?.close());

  it('adds a pool and missions once, and the planned missions can be composed', async () => {
    const db = t.database.db;
    await seedMissionsDemo(db);
    await seedMissionsDemo(db);
    const experts = await db.selectFrom('expert').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(experts.n)).toBe(400);
    // Their languages are those of the region: Russian is common, and most speak more than English.
    const speakers = async (where: (code: string) => boolean) => {
      const rows = await db.selectFrom('expert_language').select(['expert_id', 'language_code']).execute();
      return new Set(rows.filter((row) => where(row.language_code)).map((row) => row.expert_id)).size;
    };
    expect(await speakers((code) => code === 'ru')).toBeGreaterThan(400 * 0.3);
    expect(await speakers((code) => code !== 'en' && code !== 'fr')).toBeGreaterThan(400 * 0.9);
    const missions = await db.selectFrom('mission').select(['id', 'code', 'status']).orderBy('code').execute();
    expect(missions).toHaveLength(12);
    const coordinator = await t.as('coordinator');
    const planned = missions.find((m) => m.code === 'RFFM-2027-04')!;
    const proposal = await t.request(coordinator, { method: 'POST', url: `/api/missions/${planned.id}/compose`, payload: {} });
    expect(proposal.statusCode).toBe(200);
    expect(proposal.json().feasible).toBe(true);
    const balance = await t.request(coordinator, { method: 'GET', url: '/api/missions/balance?from=2016-01-01&to=2027-12-31' });
    expect(balance.json().missions).toBe(11);
  });
});
