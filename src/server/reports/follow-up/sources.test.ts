import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona, TestApp } from '../../test-support/app.js';
import { testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { insertTestReport } from '../../test-support/reports/fixtures.js';
import { structureId } from '../../test-support/roster/fixtures.js';

describe.each(testBackends())('recommendations from other sources on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  let focal: Persona;
  let unhcr: string;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
    focal = await t.as('focal_point');
    // The partner organisations of the directory (UNHCR, IOM …) are there from the start.
    unhcr = await structureId(t.database.db, 'UNHCR');
  });
  afterAll(() => t?.close());

  const external = (over: Record<string, unknown> = {}) => ({
    sourceOrganisationId: unhcr,
    sourceDocument: 'UNHCR Recommendations to the EU Presidency',
    sourceDate: '2026-01-15',
    text: 'Ensure access to asylum at every border crossing point.',
    addresseeCountry: 'HU',
    keyArea: 'protection',
    dimension: 'human',
    priority: 'high',
    ...over,
  });

  it('adds an external organisation’s recommendation with its source, and filters the tracker by source', async () => {
    const { missionId } = await insertTestReport(t.database.db, { status: 'distributed' });
    const added = await t.request(coordinator, { method: 'POST', url: '/api/recommendations', payload: external() });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      source: 'external',
      sourceOrganisationId: unhcr,
      sourceOrganisation: 'UNHCR',
      sourceDocument: 'UNHCR Recommendations to the EU Presidency',
      sourceDate: '2026-01-15',
      reportId: null,
      addressee: 'Hungary',
      status: 'not_started',
      actions: ['project', 'commitment'],
    });
    const id = added.json().id;
    const bySource = async (source: string) =>
      (await t.request(focal, { method: 'GET', url: `/api/recommendations?source=${source}&limit=200` })).json().items as Array<{
        id: string;
        missionId: string | null;
      }>;
    expect((await bySource('external')).map((r) => r.id)).toContain(id);
    const reports = await bySource('report');
    expect(reports.map((r) => r.id)).not.toContain(id);
    expect(reports.some((r) => r.missionId === missionId)).toBe(true);
    // Anyone signed in follows it; the dashboard counts it under its document.
    const board = (
      await t.request(await t.as('analyst'), { method: 'GET', url: '/api/recommendations/dashboard?source=external' })
    ).json();
    expect(board.byMission).toEqual(
      expect.arrayContaining([expect.objectContaining({ label: 'UNHCR: UNHCR Recommendations to the EU Presidency' })]),
    );
  });

  it('links a recommendation to a commitment of the consensus register, and clears it', async () => {
    const { id: commitmentId } = await t.database.db
      .insertInto('consensus_commitment')
      .values({ symbol: 'MC.DEC/3/16', title: 'OSCE’s role in the governance of large movements', year: 2016 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id } = (await t.request(coordinator, { method: 'POST', url: '/api/recommendations', payload: external() })).json();
    const set = await t.request(focal, { method: 'PATCH', url: `/api/recommendations/${id}`, payload: { commitmentId } });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      commitmentId,
      commitment: 'MC.DEC/3/16 — OSCE’s role in the governance of large movements',
    });
    const unknown = await t.request(focal, {
      method: 'PATCH',
      url: `/api/recommendations/${id}`,
      payload: { commitmentId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ pointer: '/commitmentId' })]);
    const cleared = await t.request(focal, {
      method: 'PATCH',
      url: `/api/recommendations/${id}`,
      payload: { commitmentId: null },
    });
    expect(cleared.json()).toMatchObject({ commitmentId: null, commitment: null });
  });

  it('refuses bad input on the field it concerns, and those who do not steer the follow-up', async () => {
    const post = (who: Persona | null, payload: unknown) =>
      t.request(who, { method: 'POST', url: '/api/recommendations', payload: payload as object });
    const odihr = await structureId(t.database.db, 'ODIHR');
    const both = await post(coordinator, external({ addresseeOrganisationId: odihr }));
    expect(both.statusCode).toBe(400);
    expect(both.json().errors).toEqual([expect.objectContaining({ pointer: '/addresseeCountry' })]);
    const unknown = await post(coordinator, external({ sourceOrganisationId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ pointer: '/sourceOrganisationId' })]);
    const noDocument = await post(coordinator, external({ sourceDocument: '' }));
    expect(noDocument.statusCode).toBe(400);
    expect(noDocument.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await post(focal, external())).statusCode).toBe(403);
    expect((await post(null, external())).statusCode).toBe(401);
  });
});
