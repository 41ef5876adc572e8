import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from './app.js';
import { testBackends } from './database.js';
import {
  createContact,
  createExpert,
  createIncidentReport,
  createMission,
  createOrganisation,
  createReport,
  createSolidarityKey,
  createUser,
} from './factories.js';

describe.each(testBackends())('test-data factories on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
  });
  afterAll(() => t?.close());

  const get = async (persona: Persona | null, url: string) => {
    const response = await t.request(persona, { method: 'GET', url });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('creates a signed-in person with every grant asked for', async () => {
    const person = await createUser(t, {
      grants: [{ role: 'analyst' }, { role: 'delegation', scopeType: 'country', countryIso2: 'BE' }],
    });
    const session = await get(person, '/api/auth/session');
    expect(session.user.email).toBe(person.email);
    const user = await get(coordinator, `/api/users/${person.userId}`);
    expect(user.grants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'analyst', scopeType: 'global' }),
        expect.objectContaining({ role: 'delegation', scopeType: 'country', countryIso2: 'BE' }),
      ]),
    );
  });

  it('creates an organisation and a contact of the directory', async () => {
    const organisationId = await createOrganisation(t, { name: 'Refugee Aid Graz' });
    expect((await get(null, `/api/directory/organisations/${organisationId}`)).names.en).toBe('Refugee Aid Graz');
    const contactId = await createContact(t, { organisationId, name: 'Maria Huber' });
    const contact = await get(coordinator, `/api/directory/contacts/${contactId}`);
    expect(contact).toMatchObject({ name: 'Maria Huber', organisation: { id: organisationId } });
  });

  it('creates an expert, a mission and a report', async () => {
    const expertId = await createExpert(t, { name: 'Elena Petrova' });
    expect((await get(coordinator, `/api/roster/experts/${expertId}`)).name).toBe('Elena Petrova');
    const missionId = await createMission(t, { hostCountries: ['MK'] });
    expect(await get(coordinator, `/api/missions/${missionId}`)).toMatchObject({ countries: [{ iso2: 'MK' }] });
    const report = await createReport(t, { status: 'adopted' });
    expect(await get(coordinator, `/api/reports/${report.id}`)).toMatchObject({ id: report.id, status: 'adopted' });
  });

  it('creates an incident report and a solidarity key', async () => {
    const reviewer = await t.as('incident_reviewer');
    const incidentId = await createIncidentReport(t, { country: 'BE' });
    expect(await get(reviewer, `/api/incidents/reports/${incidentId}`)).toMatchObject({ id: incidentId });
    const keyId = await createSolidarityKey(t, { name: 'Two States' });
    expect(await get(null, `/api/solidarity/keys/${keyId}`)).toMatchObject({ name: 'Two States', total: 100 });
  });
});
