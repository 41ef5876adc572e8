import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { seedSolidarityDemo } from '../seed.js';

describe.each(testBackends())('pledges, relocations and fulfilment on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  let austria: Persona; // the delegation persona acts for Austria
  let expert: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
    austria = await t.as('delegation');
    expert = await t.as('expert');
  });
  afterAll(() => t?.close());

  const post = (persona: Persona | null, url: string, payload: object) => t.request(persona, { method: 'POST', url, payload });
  const patch = (persona: Persona | null, url: string, payload: object) => t.request(persona, { method: 'PATCH', url, payload });
  const get = (persona: Persona | null, url: string) => t.request(persona, { method: 'GET', url });
  const pledge = { countryIso2: 'AT', type: 'relocation_places', quantity: 1953, beneficiaryIso2: 'GR', pledgedOn: '2015-09-22' };

  it('lets a delegation record its own State’s pledge only, and the co-ordinator any', async () => {
    expect((await post(null, '/api/solidarity/pledges', pledge)).statusCode).toBe(401);
    expect((await post(expert, '/api/solidarity/pledges', pledge)).statusCode).toBe(403);
    const foreign = await post(austria, '/api/solidarity/pledges', { ...pledge, countryIso2: 'DE' });
    expect(foreign.statusCode).toBe(403);
    const own = await post(austria, '/api/solidarity/pledges', pledge);
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({
      countryIso2: 'AT',
      countryName: 'Austria',
      quantity: 1953,
      status: 'announced',
      revision: 1,
      actions: ['edit'],
    });
    const german = await post(coordinator, '/api/solidarity/pledges', { ...pledge, countryIso2: 'DE', quantity: 17036 });
    expect(german.statusCode).toBe(201);
    const seenByAustria = (await get(austria, '/api/solidarity/pledges')).json();
    expect(seenByAustria.map((p: { countryIso2: string; actions: string[] }) => [p.countryIso2, p.actions])).toEqual([
      ['AT', ['edit']],
      ['DE', []],
    ]);
    expect((await get(null, '/api/solidarity/pledges')).statusCode).toBe(401);
  });

  it('refuses inconsistent pledges with a clear message', async () => {
    const noCurrency = await post(coordinator, '/api/solidarity/pledges', { ...pledge, type: 'money', quantity: 1e6 });
    expect(noCurrency.statusCode).toBe(400);
    expect(noCurrency.json()).toMatchObject({
      detail: 'A pledge of money names its currency.',
      errors: [{ pointer: '/currency' }],
    });
    const fraction = await post(coordinator, '/api/solidarity/pledges', { ...pledge, quantity: 2.5 });
    expect(fraction.json().detail).toBe('Places and experts are counted in whole numbers.');
    const early = await post(coordinator, '/api/solidarity/pledges', { ...pledge, dueOn: '2015-01-01' });
    expect(early.json().detail).toBe('The due date cannot be before the pledge.');
    const self = await post(coordinator, '/api/solidarity/pledges', { ...pledge, beneficiaryIso2: 'AT' });
    expect(self.statusCode).toBe(400);
    expect(self.json().detail).toBe('A State does not pledge solidarity to itself.');
    const unknown = await post(coordinator, '/api/solidarity/pledges', { ...pledge, countryIso2: 'XX' });
    expect(unknown.statusCode).toBe(422);
  });

  it('keeps every version of a pledge, with who changed what', async () => {
    const { id } = (await post(coordinator, '/api/solidarity/pledges', { ...pledge, quantity: 100 })).json();
    expect((await patch(expert, `/api/solidarity/pledges/${id}`, { status: 'confirmed' })).statusCode).toBe(403);
    expect((await patch(coordinator, `/api/solidarity/pledges/${id}`, { quantity: -1 })).statusCode).toBe(400);
    const changed = await patch(austria, `/api/solidarity/pledges/${id}`, { status: 'confirmed', quantity: 120 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ status: 'confirmed', quantity: 120, revision: 2 });
    const history = (await get(expert, `/api/solidarity/pledges/${id}/history`)).json();
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ revision: 1, action: 'create', changes: [] });
    expect(history[1].changedBy.name).toBe('Test Person 2');
    expect(history[1].changes).toEqual(
      expect.arrayContaining([
        { field: 'quantity', from: '100.00', to: '120.00' },
        { field: 'status', from: 'announced', to: 'confirmed' },
      ]),
    );
    const german = (await get(coordinator, '/api/solidarity/pledges?country=DE')).json()[0];
    expect((await patch(austria, `/api/solidarity/pledges/${german.id}`, { status: 'withdrawn' })).statusCode).toBe(403);
    await expect(sql`delete from solidarity_pledge_revision`.execute(t.database.db)).rejects.toMatchObject({ code: '42501' });
    const audit = await t.database.db.selectFrom('audit_log').select('verb').where('record_id', '=', id).execute();
    expect(audit.map((a) => a.verb)).toEqual(['solidarity.pledge.record', 'solidarity.pledge.record']);
  });

  it('records relocations by month and State of departure, against the State’s own pledge only', async () => {
    const [austrian] = (await get(austria, '/api/solidarity/pledges?country=AT&status=announced')).json();
    const relocation = { countryIso2: 'AT', fromIso2: 'GR', period: '2016-04', persons: 40, pledgeId: austrian.id };
    expect(
      (await post(austria, '/api/solidarity/relocations', { ...relocation, countryIso2: 'DE', pledgeId: null })).statusCode,
    ).toBe(403);
    expect((await post(austria, '/api/solidarity/relocations', { ...relocation, period: '2016-13' })).statusCode).toBe(400);
    const created = await post(austria, '/api/solidarity/relocations', relocation);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ period: '2016-04', persons: 40, fromName: 'Greece', actions: ['edit'] });
    const wrongPledge = await post(coordinator, '/api/solidarity/relocations', { ...relocation, countryIso2: 'DE' });
    expect(wrongPledge.statusCode).toBe(422);
    expect(wrongPledge.json().detail).toBe(
      'A relocation can only count against a pledge of the State that received the persons.',
    );
    const corrected = await patch(coordinator, `/api/solidarity/relocations/${created.json().id}`, { persons: 45 });
    expect(corrected.json()).toMatchObject({ persons: 45, revision: 2 });
    const history = (await get(austria, `/api/solidarity/relocations/${created.json().id}/history`)).json();
    expect(history[1].changes).toEqual([{ field: 'persons', from: 40, to: 45 }]);
    expect((await get(austria, '/api/solidarity/pledges?country=AT&status=announced')).json()[0].delivered).toBe(45);
    await post(coordinator, '/api/solidarity/relocations', { countryIso2: 'AT', fromIso2: 'IT', period: '2016-05', persons: 5 });
    expect((await get(austria, '/api/solidarity/relocations?from=IT')).json().map((r: { persons: number }) => r.persons)).toEqual(
      [5],
    );
  });

  it('shows fulfilment against the pledge and the fair share, for anyone', async () => {
    const view = (await get(null, '/api/solidarity/fulfilment?key=eu-2015-09')).json();
    expect(view.key).toMatchObject({ id: 'eu-2015-09', total: 120_000 });
    const at = view.states.find((s: { iso2: string }) => s.iso2 === 'AT');
    expect(at).toMatchObject({ inKey: true, pledged: 1953 + 120, delivered: 50 });
    expect(at.deliveredOfPledge).toBeCloseTo(50 / 2073, 6);
    expect(at.deliveredOfFairShare).toBeCloseTo(50 / at.fairShare, 6);
    expect(view.totals.fairShare).toBe(120_000);
    const fromItaly = (await get(null, '/api/solidarity/fulfilment?key=eu-2015-09&from=IT')).json();
    expect(fromItaly.states.find((s: { iso2: string }) => s.iso2 === 'AT').delivered).toBe(5);
    const csv = await get(null, '/api/solidarity/fulfilment/export.csv?key=eu-2015-05');
    expect(csv.body.split('\n')[0]).toBe(
      'iso2,state,fair_share,pledged_relocation_places,relocated,relocated_of_pledge,relocated_of_fair_share,resettlement_places,experts,money',
    );
    expect(csv.body).toContain('AT,Austria,');
    const ledger = await get(expert, '/api/solidarity/pledges/export.xlsx');
    expect(ledger.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await get(null, '/api/solidarity/fulfilment?key=nope')).statusCode).toBe(404);
  });

  it('seeds deterministic demonstration pledges and relocations, once', async () => {
    await seedSolidarityDemo(t.database.db);
    const count = async () =>
      Promise.all([
        t.database.db.selectFrom('solidarity_pledge').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
        t.database.db.selectFrom('solidarity_relocation').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      ]);
    const first = await count();
    await seedSolidarityDemo(t.database.db);
    expect(await count()).toEqual(first);
    const view = (await get(null, '/api/solidarity/fulfilment?key=eu-2015-09')).json();
    const germany = view.states.find((s: { iso2: string }) => s.iso2 === 'DE');
    expect(germany.pledged).toBe(17036 + 17036);
    expect(germany.delivered).toBeGreaterThan(0);
    expect(view.states.find((s: { iso2: string }) => s.iso2 === 'NO').money).toEqual({ EUR: 10_000_000 });
  });
});
