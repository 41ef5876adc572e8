import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { insertTestEvent, organisationId } from '../../test-support/conferences/fixtures.js';
import { testBackends } from '../../test-support/database.js';
import { pdfText, words } from '../../test-support/pdf.js';

const REGISTRATION = {
  name: 'Nadia Petrova',
  email: 'nadia.petrova@example.org',
  countryIso2: null,
  organisationName: 'Independent researcher',
  function: 'Researcher',
  visaLetter: false,
  listed: false,
};

describe.each(testBackends())('people invited by name on %s', (backend) => {
  let t: TestApp;
  let focal: Persona;
  let nadia: Persona;
  let lucia: Persona;
  let stranger: Persona;
  let event: string;
  let jonas: string;
  let luciaContact: string;
  beforeAll(async () => {
    t = await testApp(backend);
    const db = t.database.db;
    focal = await t.as('focal_point');
    // An account without any delegation grant, who chose Russian.
    nadia = await t.user({ role: 'expert' });
    await db.updateTable('app_user').set({ name: 'Nadia Petrova', language: 'ru' }).where('id', '=', nadia.userId).execute();
    stranger = await t.user({ role: 'expert' });
    await db.updateTable('app_user').set({ name: 'Pavel Novak' }).where('id', '=', stranger.userId).execute();
    // A contact of IOM without an account: IOM's own accounts chose German.
    const iom = await organisationId(db, 'IOM');
    const ofIom = await t.user({ role: 'focal_point', organisationId: iom });
    await db.updateTable('app_user').set({ language: 'de' }).where('id', '=', ofIom.userId).execute();
    jonas = (
      await db
        .insertInto('directory_contact')
        .values({ organisation_id: iom, name: 'Jonas Berglund', emails: ['jonas.berglund@example.org'], visibility: 'signed_in' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    // A contact of UNHCR whose address is also an account's, which chose Italian.
    lucia = await t.user({ role: 'expert', email: 'lucia.romano@example.org' });
    await db.updateTable('app_user').set({ name: 'Lucia Romano', language: 'it' }).where('id', '=', lucia.userId).execute();
    luciaContact = (
      await db
        .insertInto('directory_contact')
        .values({
          organisation_id: await organisationId(db, 'UNHCR'),
          name: 'Lucia Romano (contact)',
          emails: ['lucia.romano@example.org'],
          visibility: 'signed_in',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    event = await insertTestEvent(db, { public: false });
  });
  afterAll(() => t?.close());

  const find = (who: Persona | null, q: string) =>
    t.request(who, {
      method: 'GET',
      url: `/api/conferences/events/${event}/invitation/people?q=${encodeURIComponent(q)}&lang=fr`,
    });
  const send = (userIds: string[], contactIds: string[]) =>
    t.request(focal, {
      method: 'PUT',
      url: `/api/conferences/events/${event}/invitation`,
      payload: { terms: [], organisationIds: [], userIds, contactIds },
    });
  const letter = (who: Persona | null, personId: string) =>
    t.request(who, { method: 'GET', url: `/api/conferences/events/${event}/invitation/letter.pdf?personId=${personId}` });
  const register = (who: Persona, payload: object = REGISTRATION) =>
    t.request(who, { method: 'POST', url: `/api/conferences/events/${event}/registrations`, payload });
  const notices = (who: Persona) =>
    t.database.db.selectFrom('notification').select(['kind', 'link']).where('user_id', '=', who.userId).execute();

  it('finds accounts and directory contacts by name for the organiser only, with their organisation', async () => {
    const accounts = await find(focal, 'petrov');
    expect(accounts.statusCode).toBe(200);
    expect(accounts.json().items).toEqual([
      { id: null, userId: nadia.userId, contactId: null, name: 'Nadia Petrova', organisation: null, countryIso2: null },
    ]);
    const contacts = (await find(focal, 'berglund')).json().items;
    expect(contacts).toEqual([
      {
        id: null,
        userId: null,
        contactId: jonas,
        name: 'Jonas Berglund',
        organisation: 'Organisation internationale pour les migrations',
        countryIso2: null,
      },
    ]);
    expect((await find(await t.as('delegation'), 'petrov')).statusCode).toBe(403);
    expect((await find(null, 'petrov')).statusCode).toBe(401);
    expect((await find(focal, 'p')).statusCode).toBe(400);
    // The search reads names: it is audited.
    const logged = await t.database.db
      .selectFrom('audit_log')
      .select('verb')
      .where('verb', '=', 'conference.people.search')
      .where('record_id', '=', event)
      .execute();
    expect(logged.length).toBeGreaterThanOrEqual(2);
  });

  it('invites people by name, counts them, tells them once and writes each letter in their language', async () => {
    const sent = await send([nadia.userId], [jonas, luciaContact]);
    expect(sent.statusCode).toBe(200);
    const view = sent.json();
    expect(view.people.map((p: { name: string }) => p.name)).toEqual([
      'Jonas Berglund',
      'Lucia Romano (contact)',
      'Nadia Petrova',
    ]);
    expect(view.counts.total).toBe(0);
    // Nadia's account and the account with Lucia's address are told; Jonas has no account to tell.
    expect(view.told).toBe(2);
    expect(await notices(nadia)).toEqual([{ kind: 'conference.invited', link: `/conferences/events/${event}` }]);
    expect(await notices(lucia)).toEqual([{ kind: 'conference.invited', link: `/conferences/events/${event}` }]);
    const read = (await t.request(focal, { method: 'GET', url: `/api/conferences/events/${event}/invitation` })).json();
    expect(read.people).toEqual(view.people);

    const id = (name: string) => view.people.find((p: { name: string }) => p.name === name).id as string;
    const russian = await letter(focal, id('Nadia Petrova'));
    expect(russian.statusCode).toBe(200);
    expect(russian.headers['content-type']).toBe('application/pdf');
    const ru = await pdfText(russian.rawPayload);
    expect(ru).toContain('NadiaPetrova');
    expect(ru).toContain(words('имеет честь пригласить вас'));
    expect(ru).toContain(words('Просим вас зарегистрироваться'));
    expect(ru).not.toContain(words('членов вашей делегации'));
    const german = await pdfText((await letter(focal, id('Jonas Berglund'))).rawPayload);
    expect(german).toContain(words('Jonas Berglund, Internationale Organisation für Migration'));
    expect(german).toContain(words('Bitte melden Sie sich unter der obigen Adresse an.'));
    const italian = await pdfText((await letter(focal, id('Lucia Romano (contact)'))).rawPayload);
    expect(italian).toContain(words('La preghiamo di iscriversi'));

    // Sending the list again keeps the people and does not tell them twice.
    expect((await send([nadia.userId], [jonas, luciaContact])).json().told).toBe(0);
    expect(await notices(nadia)).toHaveLength(1);
  });

  it('gives an invited person their own letter and nobody else’s', async () => {
    const people = (await t.request(focal, { method: 'GET', url: `/api/conferences/events/${event}/invitation` })).json()
      .people as Array<{ id: string; name: string }>;
    const id = (name: string) => people.find((p) => p.name === name)?.id ?? '';
    expect((await letter(nadia, id('Nadia Petrova'))).statusCode).toBe(200);
    expect((await letter(nadia, id('Jonas Berglund'))).statusCode).toBe(403);
    expect((await letter(stranger, id('Nadia Petrova'))).statusCode).toBe(403);
    expect((await letter(null, id('Nadia Petrova'))).statusCode).toBe(401);
    // The account with the contact's address is the contact.
    expect((await letter(lucia, id('Lucia Romano (contact)'))).statusCode).toBe(200);
    const page = (await t.request(nadia, { method: 'GET', url: `/api/conferences/events/${event}` })).json();
    expect(page.letters).toEqual([
      {
        invitee: 'Nadia Petrova',
        state: null,
        url: `/api/conferences/events/${event}/invitation/letter.pdf?personId=${id('Nadia Petrova')}`,
      },
    ]);
    const strangers = (await t.request(stranger, { method: 'GET', url: `/api/conferences/events/${event}` })).json();
    expect(strangers.letters).toEqual([]);
  });

  it('takes the registration of an invited person without a delegation, and refuses a person not invited', async () => {
    const refused = await register(stranger, { ...REGISTRATION, name: 'Pavel Novak', email: 'pavel.novak@example.org' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe('This event is by invitation, and this State or organisation is not invited.');
    const taken = await register(nadia);
    expect(taken.statusCode).toBe(201);
    expect(taken.json()).toMatchObject({ name: 'Nadia Petrova', status: 'confirmed' });

    // Invited by name, she registers herself once: a second registration would take a second place.
    const registrations = () =>
      t.database.db.selectFrom('conference_registration').select('status').where('user_id', '=', nadia.userId).execute();
    const again = await register(nadia, { ...REGISTRATION, name: 'N. Petrova' });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.json().detail).toBe('You are invited by name and already registered for this event.');
    expect(await registrations()).toEqual([{ status: 'confirmed' }]);
    // Once she has cancelled, she may register again.
    const token = taken.json().token as string;
    expect((await t.request(nadia, { method: 'POST', url: `/api/conferences/tickets/${token}/cancel` })).statusCode).toBe(200);
    const anew = await register(nadia);
    expect(anew.statusCode).toBe(201);
    expect((await registrations()).map((r) => r.status).sort()).toEqual(['cancelled', 'confirmed']);
  });

  it('takes a person off the list: their letter is gone and they may no longer register', async () => {
    const before = (await t.request(focal, { method: 'GET', url: `/api/conferences/events/${event}/invitation` })).json();
    const nadiaId = before.people.find((p: { name: string }) => p.name === 'Nadia Petrova').id;
    const sent = await send([], [jonas, luciaContact]);
    expect(sent.statusCode).toBe(200);
    expect(sent.json().people.map((p: { name: string }) => p.name)).toEqual(['Jonas Berglund', 'Lucia Romano (contact)']);
    const gone = await letter(focal, nadiaId);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().detail).toBe('This person is not invited to this event.');
    expect((await letter(nadia, nadiaId)).statusCode).toBe(403);
    expect((await register(nadia, { ...REGISTRATION, name: 'Nadia Petrova again' })).statusCode).toBe(403);
  });

  it('refuses a person who is not known, on the field that names them', async () => {
    const unknown = await send(['00000000-0000-4000-8000-000000000000'], []);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ pointer: '/userIds', message: 'Choose people with an account or contacts of the directory.' }),
    ]);
    const contact = await send([], ['00000000-0000-4000-8000-000000000000']);
    expect(contact.json().errors[0].pointer).toBe('/contactIds');
  });
});
