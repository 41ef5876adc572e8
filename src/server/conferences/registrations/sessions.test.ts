import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../../network/documents/sample-files.js';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { insertTestEvent, insertTestRegistration } from '../../test-support/conferences/fixtures.js';
import { testBackends } from '../../test-support/database.js';

/** The titles of the sessions an iCalendar file holds (each is summarised as "conference: session"). */
function sessionTitles(ics: string, conference: string): string[] {
  return new ICAL.Component(ICAL.parse(ics))
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v).summary)
    .filter((summary) => summary.startsWith(`${conference}: `))
    .map((summary) => summary.slice(conference.length + 2));
}

describe.each(testBackends())('a participant’s own sessions on %s', (backend) => {
  let t: TestApp;
  let focal: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    focal = await t.as('focal_point');
  });
  afterAll(() => t?.close());

  const get = (url: string) => t.request(null, { method: 'GET', url });
  const put = (url: string, payload: object) => t.request(null, { method: 'PUT', url, payload });

  /** An event with three sessions on its agenda, added by its organiser; their ids in agenda order. */
  async function eventWithAgenda() {
    const event = await insertTestEvent(t.database.db);
    const ids: string[] = [];
    for (const [title, startsAt, endsAt] of [
      ['Opening', '2099-03-01T09:00', '2099-03-01T10:00'],
      ['Panel on protection at sea', '2099-03-01T11:00', '2099-03-01T12:30'],
      ['Closing', '2099-03-02T15:00', '2099-03-02T16:00'],
    ] as const) {
      const added = await t.request(focal, {
        method: 'POST',
        url: `/api/conferences/events/${event}/sessions`,
        payload: { title, startsAt, endsAt, room: 'Neuer Saal', people: [] },
      });
      expect(added.statusCode).toBe(201);
      ids.push(added.json().sessions.find((s: { title: string }) => s.title === title).id);
    }
    return { event, ids };
  }

  it('holds every session until the participant chooses, then only the chosen ones, in the ticket and the calendar', async () => {
    const { event, ids } = await eventWithAgenda();
    const token = await insertTestRegistration(t.database.db, event);
    const title = 'Expert conference on the migration challenge';

    const before = await get(`/api/conferences/tickets/${token}`);
    expect(before.json().sessions.map((s: { title: string; chosen: boolean }) => [s.title, s.chosen])).toEqual([
      ['Opening', false],
      ['Panel on protection at sea', false],
      ['Closing', false],
    ]);
    expect(before.json().sessions[1]).toMatchObject({ startsLocal: '2099-03-01T11:00', endsLocal: '2099-03-01T12:30' });
    expect(sessionTitles((await get(`/api/conferences/tickets/${token}/calendar.ics`)).body, title)).toEqual([
      'Opening',
      'Panel on protection at sea',
      'Closing',
    ]);

    const chosen = await put(`/api/conferences/tickets/${token}/sessions`, { sessionIds: [ids[1], ids[2]] });
    expect(chosen.statusCode).toBe(200);
    expect(
      chosen
        .json()
        .sessions.filter((s: { chosen: boolean }) => s.chosen)
        .map((s: { title: string }) => s.title),
    ).toEqual(['Panel on protection at sea', 'Closing']);
    const ics = (await get(`/api/conferences/tickets/${token}/calendar.ics`)).body;
    expect(sessionTitles(ics, title)).toEqual(['Panel on protection at sea', 'Closing']);
    // The conference itself stays in the calendar.
    expect(new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).summary)).toContain(
      title,
    );
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('record_id')
      .where('verb', '=', 'conference.sessions.choose')
      .execute();
    expect(audited.map((a) => a.record_id)).toContain(before.json().id);

    // Another participant's calendar is not touched by this choice.
    const other = await insertTestRegistration(t.database.db, event, { name: 'Omar Haddad' });
    expect(sessionTitles((await get(`/api/conferences/tickets/${other}/calendar.ics`)).body, title)).toHaveLength(3);

    // Choosing none again gives back the whole agenda.
    expect((await put(`/api/conferences/tickets/${token}/sessions`, { sessionIds: [] })).statusCode).toBe(200);
    expect(sessionTitles((await get(`/api/conferences/tickets/${token}/calendar.ics`)).body, title)).toHaveLength(3);
  });

  it('refuses a session of another event on its field and keeps the earlier choice', async () => {
    const { event, ids } = await eventWithAgenda();
    const { ids: elsewhere } = await eventWithAgenda();
    const token = await insertTestRegistration(t.database.db, event);
    await put(`/api/conferences/tickets/${token}/sessions`, { sessionIds: [ids[0]] });

    const refused = await put(`/api/conferences/tickets/${token}/sessions`, { sessionIds: [ids[1], elsewhere[1]] });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().errors).toMatchObject([{ pointer: '/sessionIds', message: 'Choose sessions of this event’s agenda.' }]);
    const ticket = (await get(`/api/conferences/tickets/${token}`)).json();
    expect(ticket.sessions.filter((s: { chosen: boolean }) => s.chosen).map((s: { id: string }) => s.id)).toEqual([ids[0]]);
  });

  it('refuses a choice on a cancelled registration and an unknown ticket', async () => {
    const { event, ids } = await eventWithAgenda();
    const cancelled = await insertTestRegistration(t.database.db, event, { status: 'cancelled' });
    const refused = await put(`/api/conferences/tickets/${cancelled}/sessions`, { sessionIds: [ids[0]] });
    expect(refused.statusCode).toBe(409);
    const unknown = await put(`/api/conferences/tickets/${'x'.repeat(32)}/sessions`, { sessionIds: [] });
    expect(unknown.statusCode).toBe(404);
  });

  it('forgets a choice when its session leaves the agenda', async () => {
    const { event, ids } = await eventWithAgenda();
    const token = await insertTestRegistration(t.database.db, event);
    await put(`/api/conferences/tickets/${token}/sessions`, { sessionIds: [ids[0], ids[2]] });
    const removed = await t.request(focal, { method: 'DELETE', url: `/api/conferences/events/${event}/sessions/${ids[2]}` });
    expect(removed.statusCode).toBeLessThan(300);
    const ticket = (await get(`/api/conferences/tickets/${token}`)).json();
    expect(ticket.sessions.map((s: { title: string; chosen: boolean }) => [s.title, s.chosen])).toEqual([
      ['Opening', true],
      ['Panel on protection at sea', false],
    ]);
  });

  it('opens the participants’ documents to the holder of a confirmed ticket, and to no one else without an account', async () => {
    const { event, ids } = await eventWithAgenda();
    const pdf = await samplePdf('Speaking notes', [['The panel reviews protection at sea.']]);
    for (const [title, visibility] of [
      ['Concept note', 'public'],
      ['Speaking notes', 'participants'],
      ['Logistics', 'organisers'],
    ] as const) {
      const uploaded = await t.request(focal, {
        method: 'POST',
        url: `/api/conferences/events/${event}/sessions/${ids[1]}/documents?title=${encodeURIComponent(title)}&visibility=${visibility}`,
        headers: { 'content-type': 'application/octet-stream' },
        payload: pdf,
      });
      expect(uploaded.statusCode).toBe(201);
    }
    const confirmed = await insertTestRegistration(t.database.db, event);
    const waiting = await insertTestRegistration(t.database.db, event, { status: 'waiting', name: 'Omar Haddad' });

    const listed = (await get(`/api/conferences/tickets/${confirmed}`)).json().sessions[1].documents;
    expect(listed.map((d: { title: string }) => d.title)).toEqual(['Concept note', 'Speaking notes']);
    const notes = listed.find((d: { title: string }) => d.title === 'Speaking notes');
    expect(notes.url).toContain(`?ticket=${confirmed}`);
    const opened = await get(notes.url);
    expect(opened.statusCode).toBe(200);
    expect(opened.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const downloads = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('verb', '=', 'conference.document.download')
      .where('record_id', '=', event)
      .execute();
    expect(downloads).toHaveLength(1);

    // Without the ticket, or with a ticket still waiting or of another event, the participants' document stays shut.
    const path = notes.url.split('?')[0];
    expect((await get(path)).statusCode).toBe(401);
    expect((await get(`${path}?ticket=${waiting}`)).statusCode).toBe(401);
    const elsewhere = await insertTestRegistration(t.database.db, await insertTestEvent(t.database.db));
    expect((await get(`${path}?ticket=${elsewhere}`)).statusCode).toBe(401);
    const waitingList = (await get(`/api/conferences/tickets/${waiting}`)).json().sessions[1].documents;
    expect(waitingList.map((d: { title: string }) => d.title)).toEqual(['Concept note']);
  });
});
