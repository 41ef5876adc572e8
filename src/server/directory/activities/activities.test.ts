import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { addActivity, addContact, organisationId } from '../../test-support/directory/fixtures.js';

describe.each(testBackends())('directory activities on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  let focal: Persona;
  let odihr: string;
  let serbia: string;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
    focal = await t.as('focal_point');
    odihr = await organisationId(t, 'ODIHR');
    serbia = await organisationId(t, 'FO-SERBIA');
  });
  afterAll(() => t?.close());

  it('records who does what, where, when and for whom', async () => {
    const contact = await addContact(t, focal, { organisationId: odihr, name: 'Activity Lead', visibility: 'public' });
    const activity = await addActivity(t, focal, {
      organisationId: odihr,
      title: 'Training police on hate crime against migrants',
      description: 'Two-day course for police and prosecutors.',
      keyAreas: ['protection'],
      dimension: 'human',
      countries: ['RS', 'MK'],
      place: 'Preševo',
      startDate: '2026-03-01',
      endDate: '2026-03-02',
      status: 'completed',
      targetGroups: ['officials', 'migrants'],
      contactId: contact.id,
      visibility: 'public',
    });
    expect(activity).toMatchObject({
      organisation: { code: 'ODIHR' },
      countries: ['MK', 'RS'],
      place: 'Preševo',
      startDate: '2026-03-01',
      endDate: '2026-03-02',
      status: 'completed',
      targetGroups: ['officials', 'migrants'],
      contact: { id: contact.id, name: 'Activity Lead' },
      actions: ['edit', 'delete'],
    });
    expect(activity.code).toMatch(/^ACT-[0-9A-F]{12}$/);
    const listed = (
      await t.request(null, { method: 'GET', url: '/api/directory/activities?country=MK&targetGroup=officials' })
    ).json();
    expect(listed.items.map((a: { id: string }) => a.id)).toEqual([activity.id]);
    const audit = await t.database.db.selectFrom('audit_log').select('verb').where('record_id', '=', activity.id).execute();
    expect(audit.map((a) => a.verb)).toEqual(['directory.activity.create']);
  });

  it('refuses an activity that ends before it starts, or names a hidden contact', async () => {
    const backwards = await t.request(focal, {
      method: 'POST',
      url: '/api/directory/activities',
      payload: { organisationId: odihr, title: 'Backwards', countries: ['RS'], startDate: '2026-05-01', endDate: '2026-04-01' },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().detail).toBe('An activity cannot end before it starts.');
    const hidden = await addContact(t, coordinator, { organisationId: serbia, name: 'Hidden Person', visibility: 'coordinator' });
    const named = await t.request(focal, {
      method: 'POST',
      url: '/api/directory/activities',
      payload: { organisationId: odihr, title: 'Names a hidden person', countries: ['RS'], contactId: hidden.id },
    });
    expect(named.statusCode).toBe(422);
    const duplicate = await t.request(focal, {
      method: 'POST',
      url: '/api/directory/activities',
      payload: { organisationId: odihr, title: 'TRAINING police on hate crime against migrants', countries: ['RS'] },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().detail).toBe('This organisation already has an activity with this title.');
  });

  it('lets a focal point change only their own structure’s activities', async () => {
    const theirs = await addActivity(t, coordinator, { organisationId: serbia, title: 'Border monitoring', countries: ['RS'] });
    expect(
      (await t.request(null, { method: 'PATCH', url: `/api/directory/activities/${theirs.id}`, payload: { status: 'ongoing' } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await t.request(focal, { method: 'PATCH', url: `/api/directory/activities/${theirs.id}`, payload: { status: 'ongoing' } }))
        .statusCode,
    ).toBe(403);
    expect((await t.request(focal, { method: 'DELETE', url: `/api/directory/activities/${theirs.id}` })).statusCode).toBe(403);
    const bad = await t.request(coordinator, {
      method: 'PATCH',
      url: `/api/directory/activities/${theirs.id}`,
      payload: { status: 'paused' },
    });
    expect(bad.statusCode).toBe(400);
    const ok = await t.request(coordinator, {
      method: 'PATCH',
      url: `/api/directory/activities/${theirs.id}`,
      payload: { status: 'ongoing' },
    });
    expect(ok.json()).toMatchObject({ status: 'ongoing', actions: ['edit', 'delete'] });
    expect((await t.request(coordinator, { method: 'DELETE', url: `/api/directory/activities/${theirs.id}` })).statusCode).toBe(
      204,
    );
    expect((await t.request(null, { method: 'GET', url: `/api/directory/activities/${theirs.id}` })).statusCode).toBe(404);
  });

  it('hides activities and contact people by visibility, and counts them on the map the same way', async () => {
    const staffContact = await addContact(t, coordinator, {
      organisationId: serbia,
      name: 'Staff Contact',
      visibility: 'osce_staff',
    });
    const open = await addActivity(t, coordinator, {
      organisationId: serbia,
      title: 'Open activity with staff contact',
      countries: ['ME'],
      contactId: staffContact.id,
      visibility: 'public',
    });
    await addActivity(t, coordinator, {
      organisationId: serbia,
      title: 'Staff activity',
      countries: ['ME'],
      visibility: 'osce_staff',
    });
    expect((await t.request(null, { method: 'GET', url: `/api/directory/activities/${open.id}` })).json().contact).toBeNull();
    const expert = await t.as('expert');
    expect((await t.request(expert, { method: 'GET', url: `/api/directory/activities/${open.id}` })).json().contact.name).toBe(
      'Staff Contact',
    );
    const me = async (persona: Persona | null) =>
      (await t.request(persona, { method: 'GET', url: '/api/directory/map' }))
        .json()
        .find((c: { iso2: string }) => c.iso2 === 'ME');
    expect(await me(null)).toEqual({ iso2: 'ME', activities: 1, organisations: 1 });
    expect(await me(expert)).toEqual({ iso2: 'ME', activities: 2, organisations: 1 });
  });

  it('answers a filter on a contact the caller may not see as on a contact that does not exist', async () => {
    const hidden = await addContact(t, coordinator, { organisationId: serbia, name: 'Quiet Contact', visibility: 'osce_staff' });
    const open = await addActivity(t, coordinator, {
      organisationId: serbia,
      title: 'Public activity led by a staff contact',
      countries: ['AL'],
      contactId: hidden.id,
      visibility: 'public',
    });
    const list = async (persona: Persona | null, contactId: string) => {
      const response = await t.request(persona, { method: 'GET', url: `/api/directory/activities?contactId=${contactId}` });
      return { status: response.statusCode, body: response.json() };
    };
    const unknown = '00000000-0000-4000-8000-000000000000';
    const signedIn = await t.user({});
    for (const persona of [null, signedIn]) {
      const nobody = await list(persona, unknown);
      expect(nobody).toEqual({ status: 200, body: { items: [], total: 0, limit: 25, offset: 0 } });
      expect(await list(persona, hidden.id)).toEqual(nobody);
    }
    const expert = await t.as('expert');
    const seen = await list(expert, hidden.id);
    expect(seen.body.items.map((a: { id: string }) => a.id)).toEqual([open.id]);
  });
});
