import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { insertTestReport } from '../../test-support/reports/fixtures.js';
import { structureId } from '../../test-support/roster/fixtures.js';
import { totalsByCurrency } from './service.js';

describe('totals per currency', () => {
  it('adds amounts of one currency only, leaves withdrawn ones out of what is promised', () => {
    expect(
      totalsByCurrency([
        { amount: 100, currency: 'EUR', status: 'received' },
        { amount: 50.5, currency: 'EUR', status: 'pledged' },
        { amount: 70, currency: 'EUR', status: 'withdrawn' },
        { amount: 200, currency: 'CHF', status: 'confirmed' },
      ]),
    ).toEqual([
      { currency: 'CHF', promised: 200, received: 0, count: 1 },
      { currency: 'EUR', promised: 150.5, received: 100, count: 3 },
    ]);
  });
});

describe.each(testBackends())('contributions to follow-up projects on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  let focal: Persona; // a focal point of ODIHR
  let delegation: Persona;
  let expert: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
    focal = await t.as('focal_point');
    delegation = await t.as('delegation');
    expert = await t.as('expert');
  });
  afterAll(() => t?.close());

  const post = (persona: Persona | null, url: string, payload: object) => t.request(persona, { method: 'POST', url, payload });
  const patch = (persona: Persona | null, url: string, payload: object) => t.request(persona, { method: 'PATCH', url, payload });
  const get = (persona: Persona | null, url: string) => t.request(persona, { method: 'GET', url });

  /** A project of the given structure under a distributed report's first recommendation. */
  async function projectOf(structure: string): Promise<string> {
    const { id: reportId } = await insertTestReport(t.database.db, { status: 'distributed' });
    const rec = await t.database.db
      .selectFrom('recommendation')
      .select('id')
      .where('report_id', '=', reportId)
      .orderBy('position')
      .executeTakeFirstOrThrow();
    const created = await post(coordinator, `/api/recommendations/${rec.id}/projects`, {
      organisationId: await structureId(t.database.db, structure),
      title: `Funded project ${structure}`,
    });
    expect(created.statusCode).toBe(201);
    return `/api/recommendations/${rec.id}/projects/${created.json().projects[0].id}`;
  }

  it('records pledges from a State and a donor, totals them per currency and follows their status', async () => {
    const project = await projectOf('ODIHR');
    const eu = await t.database.db.selectFrom('organisation').select('id').where('code', '=', 'EU').executeTakeFirstOrThrow();
    const empty = await get(focal, `${project}/contributions`);
    expect(empty.json()).toEqual({ items: [], totals: [], actions: ['contribute'] });

    const german = await post(focal, `${project}/contributions`, {
      contributorCountryIso2: 'DE',
      amount: 120000,
      currency: 'EUR',
      contributedOn: '2026-03-10',
      note: ' Federal grant ',
    });
    expect(german.statusCode).toBe(201);
    expect(german.json()).toMatchObject({
      contributor: { kind: 'state', countryIso2: 'DE', organisationId: null, name: 'Germany' },
      amount: 120000,
      currency: 'EUR',
      status: 'pledged',
      note: 'Federal grant',
      next: ['confirmed', 'received', 'withdrawn'],
      actions: ['edit'],
    });
    const donor = await post(coordinator, `${project}/contributions`, {
      contributorOrganisationId: eu.id,
      amount: 60000,
      currency: 'EUR',
      status: 'confirmed',
      contributedOn: '2026-04-01',
    });
    expect(donor.json().contributor).toMatchObject({ kind: 'donor', organisationId: eu.id, name: 'EU' });
    await post(coordinator, `${project}/contributions`, {
      contributorCountryIso2: 'CH',
      amount: 50000,
      currency: 'CHF',
      contributedOn: '2026-04-02',
    });

    // Germany's money arrives; Switzerland withdraws; a received contribution stays received.
    const received = await patch(focal, `${project}/contributions/${german.json().id}`, { status: 'received' });
    expect(received.json()).toMatchObject({ status: 'received', next: [] });
    const back = await patch(focal, `${project}/contributions/${german.json().id}`, { status: 'pledged' });
    expect(back.statusCode).toBe(400);
    expect(back.json().errors).toEqual([expect.objectContaining({ pointer: '/status' })]);

    const list = (await get(delegation, `${project}/contributions`)).json();
    expect(list.items).toHaveLength(3);
    expect(list.actions).toEqual([]);
    expect(list.items.every((c: { actions: string[] }) => c.actions.length === 0)).toBe(true);
    // Euros and francs are never added together.
    expect(list.totals).toEqual([
      { currency: 'CHF', promised: 50000, received: 0, count: 1 },
      { currency: 'EUR', promised: 180000, received: 120000, count: 2 },
    ]);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['verb', 'record_type'])
      .where('record_id', '=', german.json().id)
      .execute();
    expect(audit).toEqual([
      { verb: 'report.follow_up', record_type: 'project_contribution' },
      { verb: 'report.follow_up', record_type: 'project_contribution' },
    ]);
  });

  it('refuses a contribution with both contributors, an unknown currency or from a partner State, on the field', async () => {
    const project = await projectOf('ODIHR');
    const eu = await t.database.db.selectFrom('organisation').select('id').where('code', '=', 'EU').executeTakeFirstOrThrow();
    const base = { amount: 10, currency: 'EUR', contributedOn: '2026-01-01' };
    const both = await post(focal, `${project}/contributions`, {
      ...base,
      contributorCountryIso2: 'DE',
      contributorOrganisationId: eu.id,
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0].pointer).toBe('/contributorCountryIso2');
    const neither = await post(focal, `${project}/contributions`, base);
    expect(neither.json().errors[0].pointer).toBe('/contributorCountryIso2');
    const currency = await post(focal, `${project}/contributions`, { ...base, contributorCountryIso2: 'DE', currency: 'XYZ' });
    expect(currency.statusCode).toBe(400);
    expect(currency.json().errors[0].pointer).toBe('/currency');
    const partner = await post(focal, `${project}/contributions`, { ...base, contributorCountryIso2: 'JP' });
    expect(partner.statusCode).toBe(400);
    expect(partner.json().errors[0].pointer).toBe('/contributorCountryIso2');
    const zero = await post(focal, `${project}/contributions`, { ...base, contributorCountryIso2: 'DE', amount: 0 });
    expect(zero.statusCode).toBe(400);
    expect((await get(focal, `${project}/contributions`)).json().items).toEqual([]);
  });

  it('lets a focal point record contributions to its own structure’s projects only', async () => {
    const foreign = await projectOf('HCNM');
    const payload = { contributorCountryIso2: 'DE', amount: 10, currency: 'EUR', contributedOn: '2026-01-01' };
    expect((await post(focal, `${foreign}/contributions`, payload)).statusCode).toBe(403);
    expect((await post(null, `${foreign}/contributions`, payload)).statusCode).toBe(401);
    expect((await post(delegation, `${foreign}/contributions`, payload)).statusCode).toBe(403);
    expect((await get(expert, `${foreign}/contributions`)).statusCode).toBe(403);
    const missing = foreign.replace(/projects\/[^/]+$/, 'projects/00000000-0000-4000-8000-000000000000');
    expect((await get(coordinator, `${missing}/contributions`)).statusCode).toBe(404);
  });

  it('lists the contributions in the solidarity ledger, filtered by kind of contributor', async () => {
    const project = await projectOf('ODIHR');
    const eu = await t.database.db.selectFrom('organisation').select('id').where('code', '=', 'EU').executeTakeFirstOrThrow();
    await post(focal, `${project}/contributions`, {
      contributorCountryIso2: 'NO',
      amount: 400000,
      currency: 'NOK',
      contributedOn: '2026-02-14',
    });
    await post(focal, `${project}/contributions`, {
      contributorOrganisationId: eu.id,
      amount: 777,
      currency: 'EUR',
      contributedOn: '2026-02-15',
    });

    const all = (await get(delegation, '/api/solidarity/contributions')).json();
    expect(all.items.map((c: { amount: number }) => c.amount)).toEqual(expect.arrayContaining([400000, 777]));
    const donors = (await get(delegation, '/api/solidarity/contributions?kind=donor')).json();
    expect(donors.items.length).toBeGreaterThan(0);
    expect(donors.items.every((c: { contributor: { kind: string } }) => c.contributor.kind === 'donor')).toBe(true);
    expect(donors.items.find((c: { amount: number }) => c.amount === 777)).toMatchObject({
      projectTitle: 'Funded project ODIHR',
      contributor: { name: 'EU' },
    });
    const kroner = (await get(delegation, '/api/solidarity/contributions?currency=NOK')).json();
    expect(kroner.totals).toEqual([{ currency: 'NOK', promised: 400000, received: 0, count: 1 }]);
    // An expert reads no distributed report, so no contribution to its projects either.
    const expertView = await get(expert, '/api/solidarity/contributions');
    expect(expertView.statusCode).toBe(200);
    expect(expertView.json().items).toEqual([]);
    expect((await get(null, '/api/solidarity/contributions')).statusCode).toBe(401);
    expect((await get(delegation, '/api/solidarity/contributions?kind=bank')).statusCode).toBe(400);
  });
});
