import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMissionsDemo } from '../missions/seed.js';
import { type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';
import { seedReportsDemo } from './seed.js';

describe.each(testBackends())('report demonstration data on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend);
  });
  afterAll(() => t?.close());

  it('adds reports at every stage once, with follow-up the dashboard and the risk score show', async () => {
    const db = t.database.db;
    await seedMissionsDemo(db);
    await seedReportsDemo(db);
    await seedReportsDemo(db);
    const coordinator = await t.as('coordinator');
    const reports = (await t.request(coordinator, { method: 'GET', url: '/api/reports' })).json();
    expect(reports.map((r: { status: string }) => r.status).sort()).toEqual([
      'adopted',
      'distributed',
      'distributed',
      'distributed',
      'distributed',
      'submitted',
    ]);
    const board = (await t.request(coordinator, { method: 'GET', url: '/api/recommendations/dashboard' })).json();
    expect(board.total).toBe(8);
    expect(board.byStatus).toEqual({ not_started: 1, in_progress: 2, implemented: 4, not_implemented: 1 });
    expect(board.rate.find((p: { month: string }) => p.month === '2017-12')).toEqual({
      month: '2017-12',
      adopted: 5,
      implemented: 3,
      rate: 0.6,
    });
    const publicSummaries = (await t.request(null, { method: 'GET', url: '/api/reports/public' })).json();
    expect(publicSummaries.map((s: { missionCode: string }) => s.missionCode)).toEqual(['RFFM-2022-01', 'RFFM-2016-01']);
    // The Idomeni report's red alert (3: 30 points) counts in Greece's 2016 risk score.
    const risk = (await t.request(coordinator, { method: 'GET', url: '/api/warning/risk/GR' })).json();
    expect(risk.history.find((p: { year: number }) => p.year === 2016).mission).toBe(30);
    const delegation = await t.as('delegation');
    const pdf = await t.request(delegation, {
      method: 'GET',
      url: `/api/reports/${reports.find((r: { missionCode: string }) => r.missionCode === 'RFFM-2016-01').id}/report.pdf`,
    });
    expect(pdf.statusCode).toBe(200);
  });

  it('adds the partners, the drivers and the people met, which Greece’s page and the Idomeni report show', async () => {
    const coordinator = await t.as('coordinator');
    const reports = (await t.request(coordinator, { method: 'GET', url: '/api/reports' })).json();
    const idomeni = reports.find((r: { missionCode: string }) => r.missionCode === 'RFFM-2016-01');
    const partners = (await t.request(coordinator, { method: 'GET', url: `/api/missions/${idomeni.missionId}/partners` })).json();
    expect(partners.partners.map((p: { acronym: string; role: string }) => [p.acronym, p.role])).toEqual([
      ['IOM', 'data'],
      ['UNHCR', 'joint_visit'],
    ]);
    const people = (await t.request(coordinator, { method: 'GET', url: `/api/reports/${idomeni.id}/people-met` })).json();
    expect(people.people.map((p: { organisation: string }) => p.organisation)).toEqual(['UNHCR', 'Municipality of Paionia']);
    const greece = (await t.request(coordinator, { method: 'GET', url: '/api/warning/countries/GR/flows?lang=en' })).json();
    expect(greece.drivers).toContainEqual({
      year: 2016,
      driver: 'conflict',
      name: 'War and armed conflict',
      reports: 1,
      alerts: 0,
    });
  });
});
