import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { addActivity, addContact, organisationId } from '../../test-support/directory/fixtures.js';
import { seedPartnerOrganisations } from '../partners.js';

describe.each(testBackends())('directory organisations on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  let focal: Persona;
  let odihr: string;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
    focal = await t.as('focal_point');
    odihr = await organisationId(t, 'ODIHR');
  });
  afterAll(() => t?.close());

  it('lists the OSCE structures and the partner organisations named in the product', async () => {
    const all = (await t.request(null, { method: 'GET', url: '/api/directory/organisations?limit=200' })).json();
    const codes = all.items.map((o: { code: string }) => o.code);
    expect(codes).toEqual(
      expect.arrayContaining(['ODIHR', 'TNTD-BSMU', 'FO-SERBIA', 'UNHCR', 'IOM', 'UNOCHA', 'ICRC', 'EU', 'COE']),
    );
    const partners = (
      await t.request(null, { method: 'GET', url: '/api/directory/organisations?type=international_organisation&lang=fr' })
    ).json();
    expect(partners.items.find((o: { code: string }) => o.code === 'UNHCR')).toMatchObject({
      name: 'Haut-Commissariat des Nations unies pour les réfugiés',
      osceStructure: false,
      countryIso2: 'CH',
    });
    const structures = (
      await t.request(null, { method: 'GET', url: '/api/directory/organisations?osceStructure=true&limit=200' })
    ).json();
    expect(structures.items.every((o: { osceStructure: boolean }) => o.osceStructure)).toBe(true);
    expect(structures.total).toBeGreaterThan(30);
  });

  it('finds an organisation by a word of its name in any language, without accents', async () => {
    const page = (await t.request(null, { method: 'GET', url: '/api/directory/organisations?q=refugies' })).json();
    expect(page.items[0].code).toBe('UNHCR');
    const ru = (
      await t.request(null, { method: 'GET', url: `/api/directory/organisations?q=${encodeURIComponent('МИГРАЦИИ')}` })
    ).json();
    expect(ru.items.map((o: { code: string }) => o.code)).toContain('IOM');
  });

  it('shows an organisation with the countries it works in, counting only what the caller may see', async () => {
    await addActivity(t, coordinator, {
      organisationId: odihr,
      title: 'Hate crime training',
      countries: ['RS', 'BA'],
      visibility: 'public',
    });
    await addActivity(t, coordinator, {
      organisationId: odihr,
      title: 'Closed review',
      countries: ['RS'],
      visibility: 'coordinator',
    });
    await addContact(t, coordinator, { organisationId: odihr, name: 'Public Person', visibility: 'public' });
    await addContact(t, coordinator, { organisationId: odihr, name: 'Staff Person', visibility: 'osce_staff' });
    const publicView = (await t.request(null, { method: 'GET', url: `/api/directory/organisations/${odihr}` })).json();
    expect(publicView).toMatchObject({ code: 'ODIHR', contactCount: 1, activityCount: 1, actions: [] });
    expect(publicView.countriesWorkedIn).toEqual([
      { iso2: 'BA', activities: 1 },
      { iso2: 'RS', activities: 1 },
    ]);
    const full = (await t.request(coordinator, { method: 'GET', url: `/api/directory/organisations/${odihr}` })).json();
    expect(full).toMatchObject({ contactCount: 2, activityCount: 2, actions: ['edit', 'manage'] });
    expect(full.countriesWorkedIn[0]).toEqual({ iso2: 'RS', activities: 2 });
    const analyst = (
      await t.request(await t.as('analyst'), { method: 'GET', url: `/api/directory/organisations/${odihr}` })
    ).json();
    expect(analyst).toMatchObject({ contactCount: 2, activityCount: 1, actions: [] });
  });

  it('lets the co-ordinator add an NGO and audits it', async () => {
    const response = await t.request(coordinator, {
      method: 'POST',
      url: '/api/directory/organisations',
      payload: { type: 'ngo', names: { en: 'Balkan Refugee Aid' }, countryIso2: 'RS', city: 'Belgrade', dimensions: ['human'] },
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ type: 'ngo', name: 'Balkan Refugee Aid', countryIso2: 'RS', osceStructure: false });
    const audit = await t.database.db.selectFrom('audit_log').select('verb').where('record_id', '=', created.id).execute();
    expect(audit.map((a) => a.verb)).toEqual(['directory.organisation.create']);
  });

  it('refuses strangers, the wrong roles and bad input', async () => {
    const body = { type: 'ngo', names: { en: 'X' } };
    expect((await t.request(null, { method: 'POST', url: '/api/directory/organisations', payload: body })).statusCode).toBe(401);
    expect((await t.request(focal, { method: 'POST', url: '/api/directory/organisations', payload: body })).statusCode).toBe(403);
    const bad = await t.request(coordinator, {
      method: 'POST',
      url: '/api/directory/organisations',
      payload: { type: 'club', names: { en: 'X' } },
    });
    expect(bad.statusCode).toBe(400);
    const badSite = await t.request(coordinator, {
      method: 'PATCH',
      url: `/api/directory/organisations/${odihr}`,
      payload: { website: 'ftp://example.org' },
    });
    expect(badSite.statusCode).toBe(400);
    expect(badSite.json().errors.map((e: { pointer: string }) => e.pointer)).toContain('/website');
    // A code another organisation holds is refused on the field, so the form can mark it.
    const taken = await t.request(coordinator, {
      method: 'POST',
      url: '/api/directory/organisations',
      payload: { type: 'ngo', code: 'ODIHR', names: { en: 'Another office' } },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors).toMatchObject([{ pointer: '/code', message: 'An organisation with this code already exists.' }]);
    expect(
      (await t.request(null, { method: 'GET', url: '/api/directory/organisations/00000000-0000-4000-8000-000000000000' }))
        .statusCode,
    ).toBe(404);
  });

  it('lets a focal point edit the profile of their own structure only', async () => {
    const own = await t.request(focal, {
      method: 'PATCH',
      url: `/api/directory/organisations/${odihr}`,
      payload: { mandateSummary: 'Supports States on hate crime against migrants.', dimensions: ['human'] },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ mandateSummary: 'Supports States on hate crime against migrants.', actions: ['edit'] });
    const other = await t.request(focal, {
      method: 'PATCH',
      url: `/api/directory/organisations/${await organisationId(t, 'HCNM')}`,
      payload: { mandateSummary: 'Not mine' },
    });
    expect(other.statusCode).toBe(403);
    const retype = await t.request(focal, {
      method: 'PATCH',
      url: `/api/directory/organisations/${odihr}`,
      payload: { type: 'ngo' },
    });
    expect(retype.statusCode).toBe(403);
    expect((await t.request(null, { method: 'GET', url: `/api/directory/organisations/${odihr}` })).json().type).toBe(
      'institution',
    );
  });

  it('refuses to make an organisation its own ancestor', async () => {
    const tntd = await organisationId(t, 'TNTD');
    const bsmu = await organisationId(t, 'TNTD-BSMU');
    const response = await t.request(coordinator, {
      method: 'PATCH',
      url: `/api/directory/organisations/${tntd}`,
      payload: { parentId: bsmu },
    });
    expect(response.statusCode).toBe(400);
  });

  it('adds back a partner organisation that is missing at the next start, and keeps an edited one as it is', async () => {
    const db = t.database.db;
    await db.updateTable('organisation').set({ city: 'Genève' }).where('code', '=', 'UNHCR').execute();
    await db.deleteFrom('organisation').where('code', '=', 'COE').execute();
    await seedPartnerOrganisations(db);
    const rows = await db
      .selectFrom('organisation')
      .select(['code', 'city'])
      .where('code', 'in', ['COE', 'UNHCR'])
      .orderBy('code')
      .execute();
    expect(rows).toEqual([
      { code: 'COE', city: 'Strasbourg' },
      { code: 'UNHCR', city: 'Genève' },
    ]);
  });
});
