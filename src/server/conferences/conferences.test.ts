import { createRequire } from 'node:module';
import ICAL from 'ical.js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../test-support/app.js';
import { insertTestEvent, insertTestRegistration, organisationId } from '../test-support/conferences/fixtures.js';
import { testBackends } from '../test-support/database.js';
import { seedConferencesDemo } from './seed.js';

// A CommonJS module whose declared default export the compiler does not see as callable.
const jsQR = createRequire(import.meta.url)('jsqr') as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

const DELEGATE = {
  name: 'Amira Haddad',
  email: 'amira.haddad@example.org',
  countryIso2: 'TN',
  organisationName: 'Ministry of Foreign Affairs of Tunisia',
  function: 'Counsellor',
  accessibility: 'Step-free access',
  dietary: 'Vegetarian',
  visaLetter: true,
  listed: true,
};

describe.each(testBackends())('conferences on %s', (backend) => {
  let t: TestApp;
  let focal: Persona;
  let coordinator: Persona;
  let delegation: Persona;
  let odihr: string;
  beforeAll(async () => {
    t = await testApp(backend);
    focal = await t.as('focal_point');
    coordinator = await t.as('coordinator');
    delegation = await t.as('delegation');
    odihr = await organisationId(t.database.db);
  });
  afterAll(() => t?.close());

  const get = (who: Persona | null, url: string) => t.request(who, { method: 'GET', url });
  const send = (who: Persona | null, method: 'POST' | 'PUT' | 'PATCH', url: string, payload: unknown) =>
    t.request(who, { method, url, payload: payload as object });
  const eventBody = () => ({
    kind: 'expert_conference',
    title: 'Expert conference on the migration challenge',
    organiserId: odihr,
    startsAt: '2099-10-27T09:00',
    endsAt: '2099-10-28T17:30',
    timeZone: 'Europe/Vienna',
    venue: 'Vienna, Hofburg, Neuer Saal',
    languages: ['en', 'ru', 'fr'],
    public: true,
    capacity: 120,
    delegationCapacity: 3,
  });

  it('creates an event at wall-clock times of its zone, refuses bad details field by field, and lists it', async () => {
    const created = await send(focal, 'POST', '/api/conferences/events', eventBody());
    expect(created.statusCode).toBe(201);
    // 27 October 2099 is after the end of summer time in Vienna (UTC+1); the 28th too.
    expect(created.json()).toMatchObject({
      startsAt: '2099-10-27T08:00:00.000Z',
      startsLocal: '2099-10-27T09:00',
      endsLocal: '2099-10-28T17:30',
      confirmed: 0,
      actions: ['manage', 'register'],
    });
    const summer = await send(focal, 'POST', '/api/conferences/events', {
      ...eventBody(),
      startsAt: '2099-06-01T09:00',
      endsAt: '2099-06-01T12:00',
    });
    expect(summer.json().startsAt).toBe('2099-06-01T07:00:00.000Z');

    const bad = await send(focal, 'POST', '/api/conferences/events', {
      ...eventBody(),
      timeZone: 'Europe/Atlantis',
      venue: '',
      delegationCapacity: 500,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(
      bad
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/delegationCapacity', '/timeZone', '/venue']);
    const backwards = await send(focal, 'POST', '/api/conferences/events', { ...eventBody(), endsAt: '2099-10-26T09:00' });
    expect(backwards.json().errors).toEqual([expect.objectContaining({ pointer: '/endsAt' })]);
    // A focal point organises for its own structure only.
    const other = (await t.database.db.selectFrom('organisation').select('id').where('code', '=', 'CPC').executeTakeFirst())?.id;
    if (other)
      expect((await send(focal, 'POST', '/api/conferences/events', { ...eventBody(), organiserId: other })).statusCode).toBe(403);

    await send(focal, 'POST', '/api/conferences/events', {
      ...eventBody(),
      title: 'Closed meeting of focal points',
      kind: 'meeting',
      public: false,
    });
    const mine = await get(focal, '/api/conferences/events?kind=meeting&q=focal');
    expect(mine.json()).toMatchObject({ total: 1, items: [{ title: 'Closed meeting of focal points' }], canCreate: true });
    const stranger = await get(null, '/api/conferences/events?q=focal');
    expect(stranger.json()).toMatchObject({ total: 0, items: [], canCreate: false });
    const paged = await get(focal, '/api/conferences/events?limit=1&offset=1&when=upcoming');
    expect(paged.json().items).toHaveLength(1);
    expect(paged.json().total).toBeGreaterThanOrEqual(3);

    const edited = await send(focal, 'PATCH', `/api/conferences/events/${created.json().id}`, {
      capacity: 150,
      title: 'Expert conference 2099',
    });
    expect(edited.json()).toMatchObject({ capacity: 150, title: 'Expert conference 2099', startsLocal: '2099-10-27T09:00' });
  });

  it('invites the States an expression selects, counted by group, as the reference data says', async () => {
    const event = await insertTestEvent(t.database.db);
    const url = `/api/conferences/events/${event}/invitation`;
    const mediterranean = await send(focal, 'PUT', url, {
      terms: [{ op: '+', group: 'partners_mediterranean' }],
      organisationIds: [],
    });
    expect(mediterranean.statusCode).toBe(200);
    expect(
      mediterranean
        .json()
        .states.map((s: { iso2: string }) => s.iso2)
        .sort(),
    ).toEqual(['DZ', 'EG', 'IL', 'JO', 'MA', 'TN']);
    expect(mediterranean.json().counts).toMatchObject({ total: 6, partnersMediterranean: 6, participating: 0 });
    // Austria is not invited: its delegation is not told.
    const kinds = async (userId: string) =>
      (await t.database.db.selectFrom('notification').select('kind').where('user_id', '=', userId).execute()).map((r) => r.kind);
    expect(await kinds(delegation.userId)).not.toContain('conference.invited');
    const tunisia = await t.user({ role: 'delegation', countryIso2: 'TN' });
    await send(focal, 'PUT', url, { terms: [{ op: '+', group: 'partners_mediterranean' }], organisationIds: [] });
    expect(await kinds(tunisia.userId)).toEqual(['conference.invited']);

    const unhcr = (
      await t.database.db
        .selectFrom('organisation')
        .select('id')
        .where('type', '=', 'international_organisation')
        .executeTakeFirst()
    )?.id;
    const mixed = await send(focal, 'PUT', url, {
      terms: [
        { op: '+', group: 'participating' },
        { op: '-', group: 'field_operation_hosts' },
        { op: '+', group: 'partners' },
      ],
      organisationIds: unhcr ? [unhcr] : [],
    });
    const hosts = await t.database.db
      .selectFrom('country')
      .select('iso2')
      .where('field_operation', '=', true)
      .where('osce_status', '=', 'participating')
      .execute();
    expect(hosts.length).toBeGreaterThan(0);
    expect(mixed.json().counts.total).toBe(57 - hosts.length + 11);
    expect(mixed.json().counts.partnersAsian).toBe(5);
    expect(mixed.json().told).toBeGreaterThanOrEqual(1);
    expect(await kinds(delegation.userId)).toContain('conference.invited');
    expect(mixed.json().states.map((s: { iso2: string }) => s.iso2)).not.toContain(hosts[0]!.iso2);
    expect(mixed.json().organisations).toHaveLength(unhcr ? 1 : 0);
    expect((await get(focal, url)).json()).toMatchObject({ counts: mixed.json().counts, terms: mixed.json().terms });
    expect((await get(focal, `/api/conferences/events/${event}`)).json().invitedAt).not.toBeNull();

    const wrong = await send(focal, 'PUT', url, {
      terms: [{ op: '+', group: 'subregion', value: 'atlantis' }],
      organisationIds: [],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([expect.objectContaining({ pointer: '/terms/0/value' })]);

    // The countries of destination in a year, from the imported UNHCR figures.
    const analyst = await t.as('analyst');
    const imported = await t.request(analyst, {
      method: 'POST',
      url: '/api/warning/imports',
      headers: { 'content-type': 'text/csv' },
      payload:
        'indicator,country,period,value\n#indicator+code,#country+code,#date,#value\n' +
        'refugees_hosted,TR,2022,3500000\nrefugees_hosted,DE,2022,2000000\nrefugees_hosted,AT,2022,3000\nrefugees_hosted,AT,2021,9000\n',
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const byFlow = await send(focal, 'PUT', url, {
      terms: [
        { op: '+', group: 'destination', value: '2022' },
        { op: '-', group: 'state', value: 'TR' },
      ],
      organisationIds: [],
    });
    expect(byFlow.statusCode, byFlow.body).toBe(200);
    expect(byFlow.json().states.map((s: { iso2: string }) => s.iso2)).toEqual(['DE']);
    const earlier = await send(focal, 'PUT', url, {
      terms: [{ op: '+', group: 'destination', value: '2021' }],
      organisationIds: [],
    });
    expect(earlier.json().states.map((s: { iso2: string }) => s.iso2)).toEqual(['AT']);
    const noYear = await send(focal, 'PUT', url, { terms: [{ op: '+', group: 'origin' }], organisationIds: [] });
    expect(noYear.statusCode).toBe(400);
    expect(noYear.json().errors).toEqual([expect.objectContaining({ pointer: '/terms/0/value' })]);
  });

  it('confirms exactly as many of 500 parallel registrations as there are places, and puts the rest on the waiting list', {
    timeout: 240_000,
  }, async () => {
    const event = await insertTestEvent(t.database.db, { capacity: 200 });
    const responses = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        send(null, 'POST', `/api/conferences/events/${event}/registrations`, {
          ...DELEGATE,
          countryIso2: null,
          name: `Participant ${i}`,
          email: `participant.${i}@example.org`,
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode).filter((s) => s !== 201)).toEqual([]);
    const statuses = responses.map((r) => r.json().status as string);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(200);
    expect(statuses.filter((s) => s === 'waiting')).toHaveLength(300);
    const counts = await t.database.db
      .selectFrom('conference_registration')
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('event_id', '=', event)
      .groupBy('status')
      .execute();
    expect(Object.fromEntries(counts.map((c) => [c.status, Number(c.n)]))).toEqual({ confirmed: 200, waiting: 300 });

    // One cancellation promotes exactly one: the first on the waiting list.
    const firstWaiting = responses.map((r) => r.json()).find((r) => r.status === 'waiting' && r.position === 1);
    expect(firstWaiting).toBeDefined();
    const confirmed = responses.find((r) => r.json().status === 'confirmed')!.json();
    const cancelled = await send(null, 'POST', `/api/conferences/tickets/${confirmed.token}/cancel`, {});
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', qr: null });
    expect((await get(null, `/api/conferences/tickets/${firstWaiting.token}`)).json()).toMatchObject({
      status: 'confirmed',
      position: null,
    });
    const after = await get(focal, `/api/conferences/events/${event}`);
    expect(after.json()).toMatchObject({ confirmed: 200, waiting: 299 });
    // Cancelling again changes nothing.
    await send(null, 'POST', `/api/conferences/tickets/${confirmed.token}/cancel`, {});
    expect((await get(focal, `/api/conferences/events/${event}`)).json()).toMatchObject({ confirmed: 200, waiting: 299 });
    // Ten cancellations at once promote ten, one each: never more places than there are.
    const others = responses
      .map((r) => r.json())
      .filter((r) => r.status === 'confirmed' && r.token !== confirmed.token)
      .slice(0, 10);
    await Promise.all(others.map((r) => send(null, 'POST', `/api/conferences/tickets/${r.token}/cancel`, {})));
    expect((await get(focal, `/api/conferences/events/${event}`)).json()).toMatchObject({ confirmed: 200, waiting: 289 });
  });

  it('keeps a delegation to its places, answers a bad form field by field, and asks a stranger to sign in for a restricted event', async () => {
    const event = await insertTestEvent(t.database.db, { capacity: 10, delegationCapacity: 2 });
    const url = `/api/conferences/events/${event}/registrations`;
    const statuses = [];
    for (const name of ['A', 'B', 'C']) statuses.push((await send(null, 'POST', url, { ...DELEGATE, name })).json().status);
    expect(statuses).toEqual(['confirmed', 'confirmed', 'waiting']);
    expect((await send(null, 'POST', url, { ...DELEGATE, countryIso2: 'MA' })).json().status).toBe('confirmed');
    // Without a State, the delegation is the organisation.
    const unhcr = { ...DELEGATE, countryIso2: null, organisationName: 'UNHCR' };
    const byOrganisation = [];
    for (const name of ['D', 'E', 'F']) byOrganisation.push((await send(null, 'POST', url, { ...unhcr, name })).json().status);
    expect(byOrganisation).toEqual(['confirmed', 'confirmed', 'waiting']);
    expect((await send(null, 'POST', url, { ...unhcr, organisationName: 'IOM' })).json().status).toBe('confirmed');

    const bad = await send(null, 'POST', url, { ...DELEGATE, email: 'not an address', visaLetter: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(
      expect.arrayContaining(['/email', '/visaLetter']),
    );
    const noOrganisation = await send(null, 'POST', url, { ...DELEGATE, organisationName: ' ', countryIso2: 'ZZ' });
    expect(
      noOrganisation
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/countryIso2', '/organisationName']);

    const restricted = await insertTestEvent(t.database.db, { public: false });
    expect((await send(null, 'POST', `/api/conferences/events/${restricted}/registrations`, DELEGATE)).statusCode).toBe(401);
    expect((await get(null, `/api/conferences/events/${restricted}`)).statusCode).toBe(401);
    // Signed in is not enough: a restricted event takes its invitees only (registrations/invitees.test.ts).
    const signedIn = await send(delegation, 'POST', `/api/conferences/events/${restricted}/registrations`, DELEGATE);
    expect(signedIn.statusCode).toBe(403);
  });

  it('gives a confirmed registrant a QR code holding the check-in address, and checks them in once', async () => {
    const event = await insertTestEvent(t.database.db);
    const ticket = (await send(null, 'POST', `/api/conferences/events/${event}/registrations`, DELEGATE)).json();
    expect(ticket).toMatchObject({ status: 'confirmed', name: 'Amira Haddad' });
    const png = PNG.sync.read(Buffer.from(ticket.qr.split(',')[1], 'base64'));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(ticket.checkInUrl);
    expect(ticket.checkInUrl).toMatch(new RegExp(`/conferences/check-in/${ticket.token}$`));

    expect((await send(delegation, 'POST', '/api/conferences/check-in', { token: ticket.token })).statusCode).toBe(403);
    const first = await send(focal, 'POST', '/api/conferences/check-in', { token: decoded!.data });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ name: 'Amira Haddad', organisation: 'Ministry of Foreign Affairs of Tunisia' });
    const second = await send(focal, 'POST', '/api/conferences/check-in', { token: ticket.token });
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toBe('Amira Haddad is already checked in.');
    expect((await get(null, `/api/conferences/tickets/${ticket.token}`)).json().checkedInAt).not.toBeNull();
  });

  it('keeps an agenda within the event and serves it as iCalendar at the right instants', async () => {
    const event = await insertTestEvent(t.database.db);
    const url = `/api/conferences/events/${event}/sessions`;
    const added = await send(focal, 'POST', url, {
      title: 'Opening session',
      startsAt: '2099-03-01T09:30',
      endsAt: '2099-03-01T11:00',
      room: 'Neuer Saal',
      people: [{ role: 'speaker', name: 'Secretary General', affiliation: 'OSCE' }],
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().sessions).toEqual([
      expect.objectContaining({
        title: 'Opening session',
        startsAt: '2099-03-01T08:30:00.000Z',
        startsLocal: '2099-03-01T09:30',
        room: 'Neuer Saal',
      }),
    ]);
    const outside = await send(focal, 'POST', url, { title: 'Late', startsAt: '2099-03-05T09:00', endsAt: '2099-03-05T10:00' });
    expect(outside.statusCode).toBe(400);

    const ics = await get(null, `/api/conferences/events/${event}/calendar.ics`);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    const component = new ICAL.Component(ICAL.parse(ics.body));
    const events = component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.summary, e.startDate.toJSDate().toISOString(), e.location])).toEqual([
      ['Expert conference on the migration challenge', '2099-03-01T08:00:00.000Z', 'Vienna, Hofburg'],
      [
        'Expert conference on the migration challenge: Opening session',
        '2099-03-01T08:30:00.000Z',
        'Neuer Saal, Vienna, Hofburg',
      ],
    ]);
  });

  it('lists consenting participants publicly, the full list for the organiser (audited), and the statistics', async () => {
    const event = await insertTestEvent(t.database.db);
    await insertTestRegistration(t.database.db, event, { name: 'Anna Gruber', country: 'AT' });
    await insertTestRegistration(t.database.db, event, { name: 'Hidden Person', country: 'KZ', listed: false });
    await insertTestRegistration(t.database.db, event, { name: 'Waiting Person', country: 'UA', status: 'waiting' });
    await insertTestRegistration(t.database.db, event, { name: 'Oleksandr Shevchenko', country: 'UA' });

    const open = await get(null, `/api/conferences/events/${event}/participants`);
    expect(open.json().items.map((p: { name: string }) => p.name)).toEqual(['Anna Gruber', 'Oleksandr Shevchenko']);
    expect(JSON.stringify(open.json())).not.toContain('@');

    const before = await t.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('verb', '=', 'conference.participants.read')
      .execute();
    const full = await get(focal, `/api/conferences/events/${event}/registrations`);
    expect(full.json().items).toHaveLength(4);
    expect(full.json().items.find((r: { name: string }) => r.name === 'Anna Gruber')).toMatchObject({
      name: 'Anna Gruber',
      email: 'anna.gruber@example.org',
      status: 'confirmed',
    });
    const after = await t.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('verb', '=', 'conference.participants.read')
      .execute();
    expect(after.length).toBe(before.length + 1);
    expect((await get(delegation, `/api/conferences/events/${event}/registrations`)).statusCode).toBe(403);

    const stats = (await get(coordinator, `/api/conferences/events/${event}/statistics`)).json();
    expect(stats).toMatchObject({ confirmed: 3, waiting: 1, eastOfVienna: 2, westOfVienna: 1 });
    expect(stats.byState).toEqual([
      { key: 'AT', count: 1 },
      { key: 'KZ', count: 1 },
      { key: 'UA', count: 1 },
    ]);
    expect(stats.balanceIndex).toBeGreaterThan(0);
    expect(stats.balanceIndex).toBeLessThan(1);
  });

  it('gives a participant their own calendar by their ticket: the event with their ticket’s address, and its sessions', async () => {
    const event = await insertTestEvent(t.database.db, { public: false });
    for (const [title, startsAt, endsAt] of [
      ['Opening session', '2099-03-01T09:30', '2099-03-01T11:00'],
      ['Routes across the Mediterranean', '2099-03-02T10:00', '2099-03-02T12:00'],
    ]) {
      expect(
        (await send(focal, 'POST', `/api/conferences/events/${event}/sessions`, { title, startsAt, endsAt })).statusCode,
      ).toBe(201);
    }
    const token = await insertTestRegistration(t.database.db, event, { name: 'Anna Gruber' });
    // The token opens it, as it opens the ticket, without signing in, a restricted event's too.
    const ics = await get(null, `/api/conferences/tickets/${token}/calendar.ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    const events = new ICAL.Component(ICAL.parse(ics.body)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.summary, e.startDate.toJSDate().toISOString()])).toEqual([
      ['Expert conference on the migration challenge', '2099-03-01T08:00:00.000Z'],
      ['Expert conference on the migration challenge: Opening session', '2099-03-01T08:30:00.000Z'],
      ['Expert conference on the migration challenge: Routes across the Mediterranean', '2099-03-02T09:00:00.000Z'],
    ]);
    expect(events[0]!.description).toContain(`/conferences/tickets/${token}`);
    // Nothing else of the registrant's goes into the file.
    expect(ics.body).not.toContain('anna.gruber@example.org');

    const unknown = await get(null, `/api/conferences/tickets/${'x'.repeat(32)}/calendar.ics`);
    expect(unknown.statusCode).toBe(404);
    expect((await send(null, 'POST', `/api/conferences/tickets/${token}/cancel`, {})).statusCode).toBe(200);
    const cancelled = await get(null, `/api/conferences/tickets/${token}/calendar.ics`);
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.json().detail).toBe('This registration is cancelled.');
  });

  it('counts the confirmed participants by the gender they said, optional, and never shows it on a list', async () => {
    const event = await insertTestEvent(t.database.db);
    const url = `/api/conferences/events/${event}/registrations`;
    const stated = [
      ['Amira Haddad', 'female'],
      ['Leila Mansour', 'female'],
      ['Youssef Alami', 'male'],
      ['Sam Taylor', 'other'],
      ['Noor Saleh', 'undisclosed'],
      ['Karim Ben Salah', null],
      ['Omar Idrissi', undefined],
    ] as const;
    for (const [name, gender] of stated) {
      const body = gender === undefined ? { ...DELEGATE, name } : { ...DELEGATE, name, gender };
      expect((await send(null, 'POST', url, body)).statusCode).toBe(201);
    }
    // A waiting registration is not a participant yet.
    await insertTestRegistration(t.database.db, event, { name: 'Waiting Person', status: 'waiting', gender: 'male' });
    const bad = await send(null, 'POST', url, { ...DELEGATE, gender: 'unknown' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { pointer: string }) => e.pointer)).toContain('/gender');

    const stats = (await get(focal, `/api/conferences/events/${event}/statistics`)).json();
    expect(stats.byGender).toEqual([
      { key: 'female', count: 2 },
      { key: 'male', count: 1 },
      { key: 'other', count: 1 },
      { key: 'undisclosed', count: 1 },
      { key: 'not_stated', count: 2 },
    ]);
    // The public list and the ticket say nothing of it.
    const open = await get(null, `/api/conferences/events/${event}/participants`);
    expect(open.json().items).toHaveLength(7);
    expect(JSON.stringify(open.json())).not.toMatch(/gender|female|undisclosed/i);
    const ticket = await send(null, 'POST', url, { ...DELEGATE, name: 'Rania Khalil', gender: 'female' });
    expect(JSON.stringify(ticket.json())).not.toMatch(/gender|female/i);
  });

  it('records the chair’s summary with its recommendations in order', async () => {
    const event = await insertTestEvent(t.database.db);
    const outcome = await send(focal, 'PUT', `/api/conferences/events/${event}/outcome`, {
      summary: 'The conference reviewed the response to mixed migration flows.',
      recommendations: ['Share data on arrivals weekly.', 'Train border guards on identification of victims.'],
    });
    expect(outcome.statusCode).toBe(200);
    expect(outcome.json().recommendations).toEqual([
      'Share data on arrivals weekly.',
      'Train border guards on identification of victims.',
    ]);
    expect((await get(null, `/api/conferences/events/${event}`)).json().summary).toBe(
      'The conference reviewed the response to mixed migration flows.',
    );
  });

  it('seeds a past conference in Vienna with many delegations and an upcoming one open for registration, once', async () => {
    await seedConferencesDemo(t.database.db);
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('conference_registration')
            .select((e) => e.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const seeded = await count();
    await seedConferencesDemo(t.database.db);
    expect(await count()).toBe(seeded);
    const past = (await get(null, '/api/conferences/events?when=past&q=migration%20challenge')).json().items[0];
    expect(past).toMatchObject({ venue: 'Vienna, Hofburg', startsLocal: '2026-03-10T09:00', timeZone: 'Europe/Vienna' });
    const stats = (await get(coordinator, `/api/conferences/events/${past.id}/statistics`)).json();
    expect(stats.byState.length).toBeGreaterThan(25);
    expect(stats.eastOfVienna).toBeGreaterThan(0);
    expect(stats.westOfVienna).toBeGreaterThan(0);
    expect((await get(null, `/api/conferences/events/${past.id}`)).json().recommendations).toHaveLength(3);
    // Its recommendations are followed in the tracker, beside two of UNHCR and IOM, each once.
    const tracked = (await get(delegation, `/api/recommendations?source=conference&eventId=${past.id}`)).json();
    expect(tracked.items.map((r: { eventTitle: string }) => r.eventTitle)).toEqual(Array(3).fill(past.title));
    const external = (await get(delegation, '/api/recommendations?source=external')).json().items;
    expect(external.map((r: { sourceOrganisation: string }) => r.sourceOrganisation).sort()).toEqual(['IOM', 'UNHCR']);
    const upcoming = (await get(null, '/api/conferences/events?when=upcoming&q=Mediterranean')).json().items[0];
    const detail = (await get(null, `/api/conferences/events/${upcoming.id}`)).json();
    expect(detail.actions).toContain('register');
    expect(detail.confirmed).toBeLessThan(detail.capacity);
  });
});
