import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { addContact, confirmedDaysAgo, organisationId } from '../../test-support/directory/fixtures.js';

describe.each(testBackends())('directory contacts on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  let focal: Persona;
  let odihr: string;
  let hcnm: string;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
    focal = await t.as('focal_point');
    odihr = await organisationId(t, 'ODIHR');
    hcnm = await organisationId(t, 'HCNM');
  });
  afterAll(() => t?.close());

  const get = (url: string, persona: Persona | null = null) => t.request(persona, { method: 'GET', url });

  it('lets a focal point add a contact of their structure, confirmed today and audited without personal data', async () => {
    const contact = await addContact(t, focal, {
      organisationId: odihr,
      name: 'Jana Nováková',
      title: 'Hate Crime Officer',
      emails: ['Jana.Novakova@Example.org'],
      phones: ['+48 22 520 06 00'],
      languages: ['cs', 'en', 'pl'],
      keyAreas: ['protection'],
      competences: ['hate_crime'],
      topics: ['hate crime against migrants'],
      countries: ['PL', 'CZ'],
      visibility: 'public',
    });
    expect(contact).toMatchObject({
      name: 'Jana Nováková',
      emails: ['jana.novakova@example.org'],
      countries: ['CZ', 'PL'],
      organisation: { code: 'ODIHR' },
      stale: false,
      actions: ['edit', 'delete', 'confirm'],
    });
    const entries = await t.database.db.selectFrom('audit_log').selectAll().where('record_id', '=', contact.id).execute();
    expect(entries.map((e) => e.verb)).toEqual(['directory.contact.create']);
    expect(JSON.stringify(entries[0]?.details)).not.toMatch(/Nov|jana|\+48/i);
    expect((await get(`/api/directory/contacts/${contact.id}`)).json()).toMatchObject({ name: 'Jana Nováková', actions: [] });
  });

  it('keeps a focal point to their own structure', async () => {
    const response = await t.request(focal, {
      method: 'POST',
      url: '/api/directory/contacts',
      payload: { organisationId: hcnm, name: 'Elsewhere' },
    });
    expect(response.statusCode).toBe(403);
    const theirs = await addContact(t, coordinator, { organisationId: hcnm, name: 'HCNM Adviser', visibility: 'signed_in' });
    expect(
      (await t.request(focal, { method: 'PATCH', url: `/api/directory/contacts/${theirs.id}`, payload: { title: 'x' } }))
        .statusCode,
    ).toBe(403);
    expect((await t.request(focal, { method: 'DELETE', url: `/api/directory/contacts/${theirs.id}` })).statusCode).toBe(403);
    expect((await t.request(focal, { method: 'POST', url: `/api/directory/contacts/${theirs.id}/confirm` })).statusCode).toBe(
      403,
    );
    const moved = await addContact(t, focal, { organisationId: odihr, name: 'Stays Here' });
    const move = await t.request(focal, {
      method: 'PATCH',
      url: `/api/directory/contacts/${moved.id}`,
      payload: { organisationId: hcnm },
    });
    expect(move.statusCode).toBe(403);
  });

  it('refuses strangers and bad input with clear problems', async () => {
    expect(
      (await t.request(null, { method: 'POST', url: '/api/directory/contacts', payload: { organisationId: odihr, name: 'A' } }))
        .statusCode,
    ).toBe(401);
    const expert = await t.as('expert');
    expect(
      (await t.request(expert, { method: 'POST', url: '/api/directory/contacts', payload: { organisationId: odihr, name: 'A' } }))
        .statusCode,
    ).toBe(403);
    const badEmail = await t.request(focal, {
      method: 'POST',
      url: '/api/directory/contacts',
      payload: { organisationId: odihr, name: 'A', emails: ['nope'] },
    });
    expect(badEmail.statusCode).toBe(400);
    const badCountry = await t.request(focal, {
      method: 'POST',
      url: '/api/directory/contacts',
      payload: { organisationId: odihr, name: 'A', countries: ['QQ'] },
    });
    expect(badCountry.statusCode).toBe(422);
    expect(badCountry.json().detail).toBe('A country of this contact is not in the reference data.');
    const badLanguage = await t.request(focal, {
      method: 'POST',
      url: '/api/directory/contacts',
      payload: { organisationId: odihr, name: 'A', languages: ['zz'] },
    });
    expect(badLanguage.json().detail).toBe('A language of this contact is not in the reference data.');
    const fallback = await t.request(focal, {
      method: 'POST',
      url: '/api/directory/contacts',
      payload: { organisationId: odihr, name: 'A', fallback: true },
    });
    expect(fallback.statusCode).toBe(403);
  });

  it('shows each contact only to those its visibility allows, and hides the rest as if absent', async () => {
    const staffOnly = await addContact(t, coordinator, {
      organisationId: hcnm,
      name: 'Staff Only Person',
      visibility: 'osce_staff',
    });
    const coordinatorOnly = await addContact(t, coordinator, {
      organisationId: hcnm,
      name: 'Secret Desk Person',
      visibility: 'coordinator',
    });
    const delegation = await t.as('delegation');
    const expert = await t.as('expert');
    expect((await get(`/api/directory/contacts/${staffOnly.id}`)).statusCode).toBe(404);
    expect((await get(`/api/directory/contacts/${staffOnly.id}`, delegation)).statusCode).toBe(404);
    expect((await get(`/api/directory/contacts/${staffOnly.id}`, expert)).statusCode).toBe(200);
    expect((await get(`/api/directory/contacts/${staffOnly.id}`, focal)).statusCode).toBe(200);
    expect((await get(`/api/directory/contacts/${coordinatorOnly.id}`, focal)).statusCode).toBe(404);
    expect((await get(`/api/directory/contacts/${coordinatorOnly.id}`, coordinator)).statusCode).toBe(200);
    const names = async (persona: Persona | null) =>
      (await get(`/api/directory/contacts?organisationId=${hcnm}&limit=200`, persona))
        .json()
        .items.map((c: { name: string }) => c.name);
    expect(await names(null)).not.toContain('Staff Only Person');
    expect(await names(delegation)).not.toContain('Staff Only Person');
    expect(await names(expert)).toContain('Staff Only Person');
    expect(await names(expert)).not.toContain('Secret Desk Person');
    expect(await names(coordinator)).toContain('Secret Desk Person');
  });

  it('lets a focal point see every contact of their own structure whatever its visibility', async () => {
    const hidden = await addContact(t, coordinator, {
      organisationId: odihr,
      name: 'Own Secret Person',
      visibility: 'coordinator',
    });
    const own = (await get(`/api/directory/contacts/${hidden.id}`, focal)).json();
    expect(own).toMatchObject({ name: 'Own Secret Person', actions: ['edit', 'delete', 'confirm'] });
  });

  it('flags a contact not confirmed for 180 days as stale, and its owner confirms it in one step', async () => {
    const contact = await addContact(t, focal, { organisationId: odihr, name: 'Old Entry', visibility: 'public' });
    await confirmedDaysAgo(t, contact.id, 181);
    expect((await get(`/api/directory/contacts/${contact.id}`)).json().stale).toBe(true);
    const due = (await get(`/api/directory/contacts?stale=true&organisationId=${odihr}`, focal)).json();
    expect(due.items.map((c: { name: string }) => c.name)).toEqual(['Old Entry']);
    const confirmed = await t.request(focal, { method: 'POST', url: `/api/directory/contacts/${contact.id}/confirm` });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().stale).toBe(false);
    expect(Date.now() - Date.parse(confirmed.json().lastConfirmedAt)).toBeLessThan(60_000);
    await confirmedDaysAgo(t, contact.id, 179);
    expect((await get(`/api/directory/contacts/${contact.id}`)).json().stale).toBe(false);
  });

  it('updates and removes a contact, keeping the activities that named it', async () => {
    const contact = await addContact(t, focal, { organisationId: odihr, name: 'Leaving Soon', visibility: 'public' });
    const updated = await t.request(focal, {
      method: 'PATCH',
      url: `/api/directory/contacts/${contact.id}`,
      payload: { title: 'Adviser', countries: ['RS'] },
    });
    expect(updated.json()).toMatchObject({ title: 'Adviser', countries: ['RS'] });
    const activity = await t.request(focal, {
      method: 'POST',
      url: '/api/directory/activities',
      payload: { organisationId: odihr, title: 'Named activity', countries: ['RS'], contactId: contact.id },
    });
    expect(activity.json().contact.name).toBe('Leaving Soon');
    expect((await t.request(focal, { method: 'DELETE', url: `/api/directory/contacts/${contact.id}` })).statusCode).toBe(204);
    expect((await get(`/api/directory/contacts/${contact.id}`)).statusCode).toBe(404);
    expect((await get(`/api/directory/activities/${activity.json().id}`)).json().contact).toBeNull();
  });

  it('keeps one fallback contact, chosen by the co-ordinator, and public', async () => {
    const sec = await organisationId(t, 'SEC');
    const first = await addContact(t, coordinator, {
      organisationId: sec,
      name: 'Desk One',
      visibility: 'public',
      fallback: true,
    });
    const second = await addContact(t, coordinator, {
      organisationId: sec,
      name: 'Desk Two',
      visibility: 'public',
      fallback: true,
    });
    expect((await get(`/api/directory/contacts/${first.id}`)).json().fallback).toBe(false);
    expect((await get(`/api/directory/contacts/${second.id}`)).json().fallback).toBe(true);
    const hidden = await t.request(coordinator, {
      method: 'PATCH',
      url: `/api/directory/contacts/${second.id}`,
      payload: { visibility: 'coordinator' },
    });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().detail).toMatch(/fallback contact must be public/);
  });
});
