import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { addContact, organisationId } from '../../test-support/directory/fixtures.js';
import { insertTestReport } from '../../test-support/reports/fixtures.js';
import * as rq from '../rules/queries.js';

const CSV = `indicator,country,period,value
#indicator+code,#country+code,#date,#value
refugees_by_origin,SY,2022,6500000
refugees_hosted,TR,2022,3500000
refugees_hosted,GR,2022,120000
sea_arrivals,GR,2022,18780
refugees_hosted,AT,2022,3000
refugees_hosted,AT,2021,2500
`;

describe.each(testBackends())('drivers of displacement and roles in the flows on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  let analyst: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
    analyst = await t.as('analyst');
    const imported = await t.request(analyst, {
      method: 'POST',
      url: '/api/warning/imports',
      headers: { 'content-type': 'text/csv' },
      payload: CSV,
    });
    expect(imported.statusCode, imported.body).toBe(200);
  });
  afterAll(() => t?.close());

  it('lists the drivers in the reader’s language, broad drivers with their sub-drivers', async () => {
    const fr = await t.request(null, { method: 'GET', url: '/api/warning/drivers?lang=fr' });
    expect(fr.statusCode).toBe(200);
    const drivers = fr.json() as Array<{ code: string; parent: string | null; name: string }>;
    expect(drivers.filter((d) => d.parent === null).map((d) => d.name)).toEqual([
      'Guerre et conflit armé',
      'Persécution',
      'Difficultés économiques',
      'Facteurs environnementaux et climat',
    ]);
    expect(drivers.find((d) => d.code === 'environmental_slow_onset')?.parent).toBe('environmental');
  });

  it('derives each country’s role in a year from the imported figures', async () => {
    const greece = await t.request(analyst, { method: 'GET', url: '/api/warning/countries/GR/flows' });
    expect(greece.statusCode, greece.body).toBe(200);
    expect(greece.json().roles).toEqual([
      {
        year: 2022,
        origin: false,
        transit: true,
        destination: true,
        refugeesFrom: null,
        refugeesHosted: 120000,
        arrivals: 18780,
      },
    ]);
    expect(greece.json().method).toContain('sea arrivals');
    const syria = await t.request(analyst, { method: 'GET', url: '/api/warning/countries/SY/flows' });
    expect(syria.json().roles[0]).toMatchObject({ year: 2022, origin: true, transit: false, destination: false });
    const austria = await t.request(analyst, { method: 'GET', url: '/api/warning/countries/AT/flows' });
    expect(austria.json().roles.map((r: { year: number; destination: boolean }) => [r.year, r.destination])).toEqual([
      [2022, false],
      [2021, false],
    ]);
  });

  it('gives the countries of origin, transit or destination as a group, for the latest year by default', async () => {
    const transit = await t.request(analyst, { method: 'GET', url: '/api/warning/flow-groups?role=transit' });
    expect(transit.json()).toEqual({ role: 'transit', year: 2022, countries: ['GR'], years: [2022, 2021] });
    const destination = await t.request(analyst, { method: 'GET', url: '/api/warning/flow-groups?role=destination&year=2022' });
    expect(destination.json().countries).toEqual(['GR', 'TR']);
    const none = await t.request(analyst, { method: 'GET', url: '/api/warning/flow-groups?role=origin&year=1990' });
    expect(none.json().countries).toEqual([]);
    const wrong = await t.request(analyst, { method: 'GET', url: '/api/warning/flow-groups?role=anywhere' });
    expect(wrong.statusCode).toBe(400);
  });

  it('counts by year the drivers that reports and alerts on the country name', async () => {
    const { id: report } = await insertTestReport(t.database.db, { hostCountries: ['GR'] });
    const named = await t.request(coordinator, {
      method: 'PUT',
      url: `/api/reports/${report}/drivers`,
      payload: { drivers: ['conflict', 'economic_poverty'] },
    });
    expect(named.statusCode, named.body).toBe(200);
    expect(named.json().drivers.map((d: { code: string }) => d.code)).toEqual(['conflict', 'economic_poverty']);
    const unknown = await t.request(coordinator, {
      method: 'PUT',
      url: `/api/reports/${report}/drivers`,
      payload: { drivers: ['conflict', 'boredom'] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toMatchObject([{ pointer: '/drivers/1', message: 'There is no driver “boredom”.' }]);

    const indicator = await t.database.db
      .selectFrom('warning_indicator')
      .select('id')
      .where('code', '=', 'sea_arrivals')
      .executeTakeFirstOrThrow();
    const ruleId = await rq.insertRule(t.database.db, {
      indicatorId: Number(indicator.id),
      country: null,
      kind: 'threshold',
      threshold: 10000,
      windowPeriods: null,
      level: 'orange',
      name: 'Arrivals above 10,000',
      actorId: null,
    });
    const alert = await t.database.db
      .insertInto('warning_alert')
      .values({
        rule_id: ruleId,
        country_iso2: 'GR',
        period: '2022-01-01',
        value: 18780,
        reference_value: null,
        measure: 18780,
        threshold: 10000,
        level: 'orange',
        batch_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tagged = await t.request(analyst, {
      method: 'PUT',
      url: `/api/warning/alerts/${alert.id}/drivers`,
      payload: { drivers: ['conflict'] },
    });
    expect(tagged.statusCode, tagged.body).toBe(200);
    expect(tagged.json().drivers).toEqual([{ code: 'conflict', parent: null, name: 'War and armed conflict' }]);
    const wrongDriver = await t.request(analyst, {
      method: 'PUT',
      url: `/api/warning/alerts/${alert.id}/drivers`,
      payload: { drivers: ['conflict', 'boredom'] },
    });
    expect(wrongDriver.json().errors).toMatchObject([{ pointer: '/drivers/1', message: 'There is no driver “boredom”.' }]);

    // The inbox shows the drivers named, and who may change them; it filters by the countries' role in the flows.
    const inbox = async (query: string) =>
      (await t.request(analyst, { method: 'GET', url: `/api/warning/alerts?status=open${query}` })).json().items as Array<{
        id: string;
        country: string;
        drivers: string[];
        mayClassify: boolean;
      }>;
    const shown = (await inbox('')).find((a) => a.id === alert.id);
    expect(shown).toMatchObject({ country: 'GR', drivers: ['conflict'], mayClassify: true });
    expect((await inbox('&flow=transit')).map((a) => a.id)).toEqual([alert.id]);
    expect((await inbox('&flow=destination')).map((a) => a.id)).toEqual([alert.id]);
    expect(await inbox('&flow=origin')).toEqual([]);
    const wrongFlow = await t.request(analyst, { method: 'GET', url: '/api/warning/alerts?flow=anywhere' });
    expect(wrongFlow.statusCode).toBe(400);

    const greece = await t.request(analyst, { method: 'GET', url: '/api/warning/countries/GR/flows?lang=de' });
    expect(greece.json().drivers).toEqual([
      { year: 2022, driver: 'conflict', name: 'Krieg und bewaffneter Konflikt', reports: 0, alerts: 1 },
      { year: 2019, driver: 'conflict', name: 'Krieg und bewaffneter Konflikt', reports: 1, alerts: 0 },
      { year: 2019, driver: 'economic_poverty', name: 'Armut und Arbeitslosigkeit', reports: 1, alerts: 0 },
    ]);
  });

  it('keeps whom the team met to those who may read the report, and audits every read', async () => {
    const expert = await t.as('expert');
    const { id: report } = await insertTestReport(t.database.db, { team: [expert.userId] });
    const contact = await addContact(t, coordinator, {
      organisationId: await organisationId(t, 'UNHCR'),
      name: 'Maria Rossi',
      title: 'Protection officer',
      countries: ['GR'],
      visibility: 'signed_in',
    });
    const saved = await t.request(expert, {
      method: 'PUT',
      url: `/api/reports/${report}/people-met`,
      payload: {
        people: [{ contactId: contact.id }, { name: 'Dimitris K.', function: 'Mayor', organisation: 'Municipality of Lesvos' }],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().people).toEqual([
      { contactId: contact.id, name: 'Maria Rossi', function: 'Protection officer', organisation: 'UNHCR' },
      { contactId: null, name: 'Dimitris K.', function: 'Mayor', organisation: 'Municipality of Lesvos' },
    ]);
    const nameless = await t.request(expert, {
      method: 'PUT',
      url: `/api/reports/${report}/people-met`,
      payload: { people: [{ function: 'Driver' }] },
    });
    expect(nameless.json().errors).toMatchObject([{ pointer: '/people/0/name', message: 'Give the person’s name.' }]);

    // A draft is the team's and the co-ordinator's: an analyst may not read it.
    const early = await t.request(analyst, { method: 'GET', url: `/api/reports/${report}/people-met` });
    expect(early.statusCode).toBe(403);
    await t.database.db
      .updateTable('mission_report')
      .set({ status: 'distributed', adopted_at: new Date(), distributed_at: new Date() })
      .where('id', '=', report)
      .execute();
    const read = await t.request(analyst, { method: 'GET', url: `/api/reports/${report}/people-met` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ people: [{ name: 'Maria Rossi' }, { name: 'Dimitris K.' }], actions: [] });
    const reads = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('verb', '=', 'report.people_met.read')
      .where('record_id', '=', report)
      .execute();
    expect(reads).toEqual([{ actor_id: analyst.userId, details: { people: 2 } }]);
    const late = await t.request(expert, {
      method: 'PUT',
      url: `/api/reports/${report}/people-met`,
      payload: { people: [] },
    });
    expect(late.statusCode).toBe(409);
  });
});
