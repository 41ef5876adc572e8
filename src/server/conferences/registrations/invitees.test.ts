import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { insertTestEvent, organisationId } from '../../test-support/conferences/fixtures.js';
import { testBackends } from '../../test-support/database.js';

const DELEGATE = {
  name: 'Amira Haddad',
  email: 'amira.haddad@example.org',
  countryIso2: 'TN',
  organisationName: 'Ministry of Foreign Affairs of Tunisia',
  function: 'Counsellor',
  visaLetter: false,
  listed: true,
};

describe.each(testBackends())('registration for a restricted event on %s', (backend) => {
  let t: TestApp;
  let focal: Persona;
  let delegation: Persona;
  let tunisia: Persona;
  let ofUnhcr: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    focal = await t.as('focal_point');
    // The delegation persona acts for Austria, which the Mediterranean Partners do not include.
    delegation = await t.as('delegation');
    tunisia = await t.user({ role: 'delegation', countryIso2: 'TN' });
    ofUnhcr = await t.user({ role: 'focal_point', organisationId: await organisationId(t.database.db, 'UNHCR') });
  });
  afterAll(() => t?.close());

  const register = (who: Persona | null, event: string, payload: object) =>
    t.request(who, { method: 'POST', url: `/api/conferences/events/${event}/registrations`, payload });
  const count = async (event: string) =>
    Number(
      (
        await t.database.db
          .selectFrom('conference_registration')
          .select((e) => e.fn.countAll<string>().as('n'))
          .where('event_id', '=', event)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('takes the invited States’ delegations and the invited organisations only, and tells the others why', async () => {
    const event = await insertTestEvent(t.database.db, { public: false });
    const unhcr = await organisationId(t.database.db, 'UNHCR');
    const iom = await organisationId(t.database.db, 'IOM');
    // Before the invitation list is sent, nobody is invited.
    const early = await register(tunisia, event, DELEGATE);
    expect(early.statusCode).toBe(403);
    expect(early.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(early.json().detail).toBe('This event is by invitation, and this State or organisation is not invited.');
    expect(early.json().errors).toEqual([
      expect.objectContaining({ pointer: '/countryIso2', message: 'Register for a State or an organisation the event invites.' }),
    ]);

    const invited = await t.request(focal, {
      method: 'PUT',
      url: `/api/conferences/events/${event}/invitation`,
      payload: { terms: [{ op: '+', group: 'partners_mediterranean' }], organisationIds: [unhcr] },
    });
    expect(invited.statusCode).toBe(200);

    expect((await register(tunisia, event, DELEGATE)).statusCode).toBe(201);
    const fromUnhcr = await register(ofUnhcr, event, {
      ...DELEGATE,
      name: 'Lena Vogt',
      countryIso2: null,
      organisationId: unhcr,
      organisationName: undefined,
    });
    expect(fromUnhcr.statusCode).toBe(201);

    // A State outside the list, and an organisation outside it, are refused on their field; nothing is stored.
    const before = await count(event);
    const austria = await register(delegation, event, { ...DELEGATE, countryIso2: 'AT' });
    expect(austria.statusCode).toBe(403);
    expect(austria.json().errors[0].pointer).toBe('/countryIso2');
    const fromIom = await register(await t.user({ role: 'focal_point', organisationId: iom }), event, {
      ...DELEGATE,
      countryIso2: null,
      organisationId: iom,
    });
    expect(fromIom.statusCode).toBe(403);
    expect(fromIom.json().errors[0].pointer).toBe('/organisationId');
    expect(await count(event)).toBe(before);

    // The State and the organisation are the registrant's own, from their account, not what the form says.
    const posing = await register(delegation, event, DELEGATE);
    expect(posing.statusCode).toBe(403);
    expect(posing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(posing.json().detail).toBe(
      'You may register for a restricted event only for the State whose delegation you belong to.',
    );
    expect(posing.json().errors).toEqual([
      expect.objectContaining({ pointer: '/countryIso2', message: 'Choose the State of your own delegation.' }),
    ]);
    const borrowing = await register(delegation, event, { ...DELEGATE, countryIso2: null, organisationId: unhcr });
    expect(borrowing.statusCode).toBe(403);
    expect(borrowing.json().errors).toEqual([
      expect.objectContaining({ pointer: '/organisationId', message: 'Choose your own organisation.' }),
    ]);
    // A delegate of Tunisia registering a colleague of the delegation is taken, for Tunisia.
    const colleague = await register(tunisia, event, { ...DELEGATE, name: 'Karim Ben Salah' });
    expect(colleague.statusCode).toBe(201);
    expect(colleague.json()).toMatchObject({ name: 'Karim Ben Salah', status: 'confirmed' });
    expect(await count(event)).toBe(before + 1);

    // The organiser registers anyone, a guest speaker say; a public event stays open to all.
    expect((await register(focal, event, { ...DELEGATE, countryIso2: 'AT', name: 'Guest speaker' })).statusCode).toBe(201);
    const open = await insertTestEvent(t.database.db);
    expect((await register(null, open, { ...DELEGATE, countryIso2: 'AT' })).statusCode).toBe(201);
  });
});
