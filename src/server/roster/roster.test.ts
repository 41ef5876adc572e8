import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';
import { insertTestExpert, structureId } from '../test-support/roster/fixtures.js';

describe.each(testBackends())('expert roster on %s', (backend) => {
  let t: TestApp;
  let odihr: string;
  beforeAll(async () => {
    t = await testApp(backend);
    const db = t.database.db;
    odihr = await structureId(db);
    await insertTestExpert(db, {
      name: 'Anna Greek-speaker',
      competences: [{ code: 'border_security', level: 3 }],
      languages: [{ code: 'el', speaking: 'C1', writing: 'B2' }],
    });
    await insertTestExpert(db, {
      name: 'Boris Busy',
      organisation: 'HCNM',
      gender: 'male',
      competences: [{ code: 'border_security', level: 1 }],
      languages: [{ code: 'el', speaking: 'B1', writing: 'B1' }],
    });
  });
  afterAll(() => t?.close());

  it('searches by competence and level, language and level, with counts', async () => {
    const coordinator = await t.as('coordinator');
    const all = await t.request(coordinator, { method: 'GET', url: '/api/roster/experts?competence=border_security' });
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(2);
    const level3 = await t.request(coordinator, {
      method: 'GET',
      url: '/api/roster/experts?competence=border_security&minLevel=3',
    });
    expect(level3.json().items.map((e: { name: string }) => e.name)).toEqual(['Anna Greek-speaker']);
    const greek = await t.request(coordinator, { method: 'GET', url: '/api/roster/experts?language=el&minLanguageLevel=B2' });
    expect(greek.json().total).toBe(1);
    expect(all.json().counts.gender).toEqual(
      expect.arrayContaining([
        { key: 'female', label: 'female', count: 1 },
        { key: 'male', label: 'male', count: 1 },
      ]),
    );
  });

  it('leaves out experts who are unavailable or deployed in the period', async () => {
    const coordinator = await t.as('coordinator');
    const id = await insertTestExpert(t.database.db, { name: 'Clara Away', competences: [{ code: 'hate_crime', level: 2 }] });
    const patched = await t.request(coordinator, {
      method: 'PATCH',
      url: `/api/roster/experts/${id}`,
      payload: { periods: [{ kind: 'unavailable', startsOn: '2027-05-01', endsOn: '2027-05-31' }] },
    });
    expect(patched.statusCode).toBe(200);
    const during = await t.request(coordinator, {
      method: 'GET',
      url: '/api/roster/experts?competence=hate_crime&from=2027-05-10&to=2027-05-12',
    });
    expect(during.json().total).toBe(0);
    const after = await t.request(coordinator, {
      method: 'GET',
      url: '/api/roster/experts?competence=hate_crime&from=2027-06-10&to=2027-06-12',
    });
    expect(after.json().total).toBe(1);
  });

  it('answers 401, 403 and 400 on search', async () => {
    expect((await t.request(null, { method: 'GET', url: '/api/roster/experts' })).statusCode).toBe(401);
    expect((await t.request(await t.as('analyst'), { method: 'GET', url: '/api/roster/experts' })).statusCode).toBe(403);
    const bad = await t.request(await t.as('coordinator'), { method: 'GET', url: '/api/roster/experts?minLanguageLevel=D9' });
    expect(bad.statusCode).toBe(400);
  });

  it('lets a focal point nominate for its own structure only', async () => {
    const focal = await t.as('focal_point');
    const body = { name: 'Nina Nominee', gender: 'female', nationalities: ['IT'], secondingIso2: null };
    const own = await t.request(focal, {
      method: 'POST',
      url: '/api/roster/experts',
      payload: { ...body, organisationId: odihr },
    });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ name: 'Nina Nominee', organisation: { code: 'ODIHR' }, actions: ['edit'] });
    const other = await t.request(focal, {
      method: 'POST',
      url: '/api/roster/experts',
      payload: { ...body, organisationId: await structureId(t.database.db, 'HCNM') },
    });
    expect(other.statusCode).toBe(403);
    const invalid = await t.request(focal, {
      method: 'POST',
      url: '/api/roster/experts',
      payload: { ...body, organisationId: odihr, gender: 'x' },
    });
    expect(invalid.statusCode).toBe(400);
    expect((await t.request(null, { method: 'POST', url: '/api/roster/experts', payload: body })).statusCode).toBe(401);
  });

  it('lets experts edit their own profile and availability, and no one else’s', async () => {
    const me = await t.user({ role: 'expert' });
    const mine = await insertTestExpert(t.database.db, { name: 'Erik Self', userId: me.userId });
    const someone = await insertTestExpert(t.database.db, { name: 'Someone Else' });
    const edit = await t.request(me, {
      method: 'PATCH',
      url: `/api/roster/experts/${mine}`,
      payload: {
        languages: [{ code: 'de', speaking: 'C2', writing: 'C1' }],
        periods: [{ kind: 'available', startsOn: '2027-01-01', endsOn: '2027-12-31' }],
        prerequisites: [{ code: 'heat', expiresOn: '2028-06-30' }],
      },
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().languages).toEqual([{ code: 'de', speaking: 'C2', writing: 'C1' }]);
    expect(edit.json().prerequisites).toEqual([{ code: 'heat', expiresOn: '2028-06-30' }]);
    const profile = await t.request(me, { method: 'GET', url: '/api/roster/me' });
    expect(profile.json().expert.name).toBe('Erik Self');
    expect(
      (await t.request(me, { method: 'PATCH', url: `/api/roster/experts/${someone}`, payload: { name: 'X' } })).statusCode,
    ).toBe(403);
    const backwards = await t.request(me, {
      method: 'PATCH',
      url: `/api/roster/experts/${mine}`,
      payload: { periods: [{ kind: 'unavailable', startsOn: '2027-05-10', endsOn: '2027-05-01' }] },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().detail).toMatch(/cannot end/);
    // The page marks the field: the problem names the period's end by its pointer.
    expect(backwards.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/periods/0/endsOn']);
  });
});
