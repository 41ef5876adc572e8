import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { addContact, organisationId } from '../../test-support/directory/fixtures.js';
import { insertTestMission } from '../../test-support/missions/fixtures.js';

describe.each(testBackends())('mission partners on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  let unhcr: string;
  let mission: string;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
    unhcr = await organisationId(t, 'UNHCR');
    mission = await insertTestMission(t.database.db, {
      hostCountries: ['GR'],
      competences: [{ code: 'border_security', minLevel: 1, count: 1 }],
    });
    const icrc = await organisationId(t, 'ICRC');
    await addContact(t, coordinator, {
      organisationId: unhcr,
      name: 'Helena Papadopoulou',
      countries: ['GR'],
      competences: ['border_security'],
      visibility: 'osce_staff',
    });
    await addContact(t, coordinator, {
      organisationId: icrc,
      name: 'Nikos Delegate',
      countries: ['GR'],
      competences: ['border_security'],
      visibility: 'signed_in',
    });
  });
  afterAll(() => t?.close());

  it('records UNHCR as a joint-visit partner, named in the reader’s language', async () => {
    const saved = await t.request(coordinator, {
      method: 'PUT',
      url: `/api/missions/${mission}/partners`,
      payload: { partners: [{ organisationId: unhcr, role: 'joint_visit', note: 'Visits the island centres with the team.' }] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      partners: [
        { organisationId: unhcr, acronym: 'UNHCR', role: 'joint_visit', note: 'Visits the island centres with the team.' },
      ],
      actions: ['edit'],
    });
    const expert = await t.as('expert');
    const read = await t.request(expert, { method: 'GET', url: `/api/missions/${mission}/partners` });
    expect(read.json().actions).toEqual([]);
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('record_id', '=', mission)
      .where('verb', '=', 'mission.edit')
      .execute();
    expect(audited.map((a) => a.details)).toContainEqual({ partners: [{ organisation: unhcr, role: 'joint_visit' }] });
  });

  it('refuses an unknown organisation or the same one twice, on the field concerned', async () => {
    const unknown = await t.request(coordinator, {
      method: 'PUT',
      url: `/api/missions/${mission}/partners`,
      payload: {
        partners: [
          { organisationId: unhcr, role: 'briefing' },
          { organisationId: unhcr, role: 'data' },
          { organisationId: '00000000-0000-4000-8000-000000000000', role: 'data' },
        ],
      },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toMatchObject([
      { pointer: '/partners/1/organisationId', message: 'This organisation is already a partner.' },
      { pointer: '/partners/2/organisationId', message: 'There is no such organisation in the directory.' },
    ]);
    const role = await t.request(coordinator, {
      method: 'PUT',
      url: `/api/missions/${mission}/partners`,
      payload: { partners: [{ organisationId: unhcr, role: 'lunch' }] },
    });
    expect(role.statusCode).toBe(400);
    const focal = await t.request(await t.as('focal_point'), {
      method: 'PUT',
      url: `/api/missions/${mission}/partners`,
      payload: { partners: [] },
    });
    expect(focal.statusCode).toBe(403);
  });

  it('proposes the partners’ people first, and shows a delegate fewer contacts than the co-ordinator', async () => {
    const mine = await t.request(coordinator, { method: 'GET', url: `/api/missions/${mission}/proposed-contacts` });
    expect(mine.statusCode, mine.body).toBe(200);
    const body = mine.json();
    expect(body.countries).toEqual(['GR']);
    expect(body.competences).toEqual(['border_security']);
    const names = body.contacts.map((c: { contact: { name: string } }) => c.contact.name);
    expect(names.slice(0, 2)).toEqual(['Helena Papadopoulou', 'Nikos Delegate']);
    expect(body.contacts[0]).toMatchObject({ partner: true, country: 'GR', rank: 1 });

    const delegate = await t.request(await t.as('delegation'), {
      method: 'GET',
      url: `/api/missions/${mission}/proposed-contacts`,
    });
    const theirs = delegate.json().contacts.map((c: { contact: { name: string } }) => c.contact.name);
    expect(theirs).toContain('Nikos Delegate');
    expect(theirs).not.toContain('Helena Papadopoulou');
  });

  it('answers 404 for a mission that does not exist', async () => {
    const missing = await t.request(coordinator, {
      method: 'GET',
      url: '/api/missions/00000000-0000-4000-8000-000000000000/proposed-contacts',
    });
    expect(missing.statusCode).toBe(404);
  });
});
