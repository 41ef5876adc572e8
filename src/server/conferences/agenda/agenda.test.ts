import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../../network/documents/sample-files.js';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { insertTestEvent, insertTestRegistration } from '../../test-support/conferences/fixtures.js';
import { testBackends } from '../../test-support/database.js';
import { createContact, createExpert, createOrganisation } from '../../test-support/factories.js';
import { pdfText, words } from '../../test-support/pdf.js';

interface Person {
  role: string;
  kind: string;
  name: string | null;
  affiliation: string;
  contactId?: string;
  expertId?: string;
}

describe.each(testBackends())('the agenda on %s', (backend) => {
  let t: TestApp;
  let focal: Persona;
  let secretariat: Persona;
  let delegation: Persona;
  let publicContact: string;
  let staffContact: string;
  let hiddenContact: string;
  let expert: string;
  beforeAll(async () => {
    t = await testApp(backend);
    focal = await t.as('focal_point');
    secretariat = await t.as('secretariat');
    delegation = await t.as('delegation');
    publicContact = await createContact(t, { name: 'Lena Öffentlich', visibility: 'public' });
    staffContact = await createContact(t, { name: 'Olga Internal', visibility: 'osce_staff' });
    // A contact of another organisation that only the co-ordinator sees.
    hiddenContact = await createContact(t, {
      name: 'Cora Confidential',
      visibility: 'coordinator',
      organisationId: await createOrganisation(t, { name: 'Hidden Partner' }),
    });
    expert = await createExpert(t, { name: 'Erik Rostered' });
  });
  afterAll(() => t?.close());

  const get = (who: Persona | null, url: string) => t.request(who, { method: 'GET', url });
  const send = (who: Persona | null, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.request(who, { method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  const peopleOf = (body: { sessions: Array<{ people: Person[] }> }) => body.sessions[0]?.people ?? [];
  const auditCount = async (verb: string) =>
    (
      await t.database.db
        .selectFrom('audit_log')
        .select('id')
        .where('verb', '=', verb as never)
        .execute()
    ).length;

  const sessionBody = (people: unknown[], extra: Record<string, unknown> = {}) => ({
    title: 'Panel on protection at sea',
    startsAt: '2099-03-01T11:00',
    endsAt: '2099-03-01T12:30',
    room: 'Neuer Saal',
    people,
    ...extra,
  });

  it('finds the contacts and experts the organiser may see, by name, with their organisation', async () => {
    const event = await insertTestEvent(t.database.db);
    const search = async (who: Persona | null, q: string) =>
      get(who, `/api/conferences/events/${event}/people?q=${encodeURIComponent(q)}`);
    // Accents and case do not matter; each person comes with their organisation, never a code.
    const lena = (await search(focal, 'lena offentlich')).json().items;
    expect(lena).toEqual([
      {
        kind: 'contact',
        id: publicContact,
        name: 'Lena Öffentlich',
        organisation: expect.stringContaining('Office for Democratic Institutions'),
      },
    ]);
    expect((await search(focal, 'Erik')).json().items).toEqual([
      expect.objectContaining({ kind: 'expert', id: expert, name: 'Erik Rostered' }),
    ]);
    // The directory's rules: a contact only the co-ordinator sees is not found by a focal point.
    expect((await search(focal, 'Cora')).json().items).toEqual([]);
    // The roster's rules: the Secretariat organises events but does not search the roster.
    expect((await search(secretariat, 'Erik')).json().items).toEqual([]);
    expect((await search(delegation, 'Lena')).statusCode).toBe(403);
    expect((await search(null, 'Lena')).statusCode).toBe(401);
  });

  it('names people to the public only as the directory, the roster or the organiser’s announcement allows', async () => {
    const event = await insertTestEvent(t.database.db);
    const url = `/api/conferences/events/${event}/sessions`;
    const people = [
      { role: 'moderator', contactId: staffContact },
      { role: 'speaker', contactId: publicContact },
      { role: 'speaker', expertId: expert },
      { role: 'speaker', name: ' Dr Amal Guest ', affiliation: 'University of Vienna' },
    ];
    // A contact the organiser may not see, and a person who is two at once, are refused on their field.
    const refused = await send(
      focal,
      'POST',
      url,
      sessionBody([
        { role: 'speaker', contactId: hiddenContact },
        { role: 'speaker', contactId: publicContact, name: 'Someone' },
      ]),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/people/0/contactId', '/people/1/name']);
    const noName = await send(focal, 'POST', url, sessionBody([{ role: 'speaker', name: '  ' }]));
    expect(noName.json().errors).toEqual([expect.objectContaining({ pointer: '/people/0/name' })]);
    expect((await get(focal, `/api/conferences/events/${event}`)).json().sessions).toEqual([]);

    const added = await send(focal, 'POST', url, sessionBody(people));
    expect(added.statusCode).toBe(201);
    // The organiser sees everyone, moderators first.
    expect(peopleOf(added.json())).toEqual([
      expect.objectContaining({ role: 'moderator', kind: 'contact', name: 'Olga Internal', contactId: staffContact }),
      expect.objectContaining({ role: 'speaker', kind: 'contact', name: 'Lena Öffentlich', contactId: publicContact }),
      expect.objectContaining({ role: 'speaker', kind: 'expert', name: 'Erik Rostered', expertId: expert }),
      expect.objectContaining({ role: 'speaker', kind: 'guest', name: 'Dr Amal Guest', affiliation: 'University of Vienna' }),
    ]);

    // A stranger sees the guest and the public contact; the others by their role alone.
    const stranger = await get(null, `/api/conferences/events/${event}`);
    expect(peopleOf(stranger.json())).toEqual([
      { role: 'moderator', kind: 'contact', name: null, affiliation: '', announced: false },
      {
        role: 'speaker',
        kind: 'contact',
        name: 'Lena Öffentlich',
        affiliation: expect.stringContaining('Office for Democratic'),
        announced: false,
      },
      { role: 'speaker', kind: 'expert', name: null, affiliation: '', announced: false },
      { role: 'speaker', kind: 'guest', name: 'Dr Amal Guest', affiliation: 'University of Vienna', announced: false },
    ]);
    expect(stranger.body).not.toContain('Olga');
    expect(stranger.body).not.toContain('Erik');
    expect(stranger.body).not.toContain(staffContact);
    // A delegate signed in is no OSCE staff and does not search the roster: the same names.
    const delegate = await get(delegation, `/api/conferences/events/${event}`);
    expect(peopleOf(delegate.json()).map((p) => p.name)).toEqual([null, 'Lena Öffentlich', null, 'Dr Amal Guest']);

    // Nor do the calendar or the PDF name them.
    const ics = (await get(null, `/api/conferences/events/${event}/calendar.ics`)).body;
    const sessionEvent = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))[1];
    expect(sessionEvent?.description).toBe(
      'Moderation: Moderator from the directory\nSpeakers: Lena Öffentlich (Office for Democratic Institutions and Human Rights), Speaker from the roster, Dr Amal Guest (University of Vienna)',
    );
    const pdf = await pdfText((await get(null, `/api/conferences/events/${event}/agenda.pdf`)).rawPayload);
    expect(pdf).toContain(words('Moderation: Moderator from the directory'));
    expect(pdf).toContain(words('Dr Amal Guest (University of Vienna)'));
    expect(pdf).not.toContain('Olga');
    expect(pdf).not.toContain('Erik');
    const token = await insertTestRegistration(t.database.db, event);
    const own = (await get(null, `/api/conferences/tickets/${token}/calendar.ics`)).body;
    const ownSession = new ICAL.Component(ICAL.parse(own)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))[1];
    expect(ownSession?.description).toContain('Speaker from the roster');
    expect(own).not.toContain('Erik');

    // In the language of the page they are asked from, or of the reader's account.
    const inFrench = await pdfText((await get(null, `/api/conferences/events/${event}/agenda.pdf?lang=fr`)).rawPayload);
    expect(inFrench).toContain(words('Ordre du jour'));
    expect(inFrench).toContain(words('Modération: Modérateur issu de l’annuaire'));
    expect(inFrench).toContain(words('Intervenant issu du fichier d’experts'));
    expect(inFrench).not.toContain('Speaker');
    const inRussian = (await get(null, `/api/conferences/tickets/${token}/calendar.ics?lang=ru`)).body;
    const russianSession = new ICAL.Component(ICAL.parse(inRussian))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))[1];
    expect(russianSession?.description).toBe(
      'Модератор: Модератор из справочника\nДокладчики: Lena Öffentlich (Office for Democratic Institutions and Human Rights), Докладчик из реестра экспертов, Dr Amal Guest (University of Vienna)',
    );
    const language = (
      await t.database.db.selectFrom('app_user').select('language').where('id', '=', delegation.userId).executeTakeFirstOrThrow()
    ).language;
    await t.database.db.updateTable('app_user').set({ language: 'de' }).where('id', '=', delegation.userId).execute();
    const forDelegate = (await get(delegation, `/api/conferences/events/${event}/calendar.ics`)).body;
    await t.database.db.updateTable('app_user').set({ language }).where('id', '=', delegation.userId).execute();
    const germanSession = new ICAL.Component(ICAL.parse(forDelegate))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))[1];
    expect(germanSession?.description).toContain('Moderation: Moderation aus dem Verzeichnis');
    expect(germanSession?.description).toContain('Vortrag aus dem Expertenpool');
    expect((await get(null, `/api/conferences/events/${event}/calendar.ics?lang=xx`)).statusCode).toBe(400);

    // Announced publicly, the expert and the staff contact are named to everyone.
    const session = added.json().sessions[0].id;
    const announced = await send(
      focal,
      'PUT',
      `${url}/${session}`,
      sessionBody(people.map((p) => ('name' in p ? p : { ...p, announced: true }))),
    );
    expect(announced.statusCode).toBe(200);
    const now = await get(null, `/api/conferences/events/${event}`);
    expect(peopleOf(now.json()).map((p) => p.name)).toEqual([
      'Olga Internal',
      'Lena Öffentlich',
      'Erik Rostered',
      'Dr Amal Guest',
    ]);
    expect(now.body).not.toContain(expert);
    expect(await pdfText((await get(null, `/api/conferences/events/${event}/agenda.pdf`)).rawPayload)).toContain(
      words('Erik Rostered'),
    );

    // The Secretariat, who may not search the roster, keeps the expert already on the session when editing it…
    const kept = await send(secretariat, 'PUT', `${url}/${session}`, sessionBody(people, { room: 'Ratsaal' }));
    expect(kept.statusCode).toBe(200);
    expect(kept.json().sessions[0]).toMatchObject({ room: 'Ratsaal' });
    // …but cannot add another one.
    const other = await createExpert(t, { name: 'Second Expert' });
    const added2 = await send(
      secretariat,
      'PUT',
      `${url}/${session}`,
      sessionBody([...people, { role: 'speaker', expertId: other }]),
    );
    expect(added2.json().errors).toEqual([expect.objectContaining({ pointer: '/people/4/expertId' })]);
  });

  it('edits and deletes sessions within the event, audited, refusing bad times on their field', async () => {
    const event = await insertTestEvent(t.database.db);
    const url = `/api/conferences/events/${event}/sessions`;
    const created = await send(focal, 'POST', url, sessionBody([{ role: 'speaker', name: 'Guest Speaker' }]));
    const session = created.json().sessions[0].id;
    const updates = await auditCount('conference.session.update');
    const moved = await send(
      focal,
      'PUT',
      `${url}/${session}`,
      sessionBody([], { room: 'Festsaal', startsAt: '2099-03-01T14:00', endsAt: '2099-03-01T15:00' }),
    );
    expect(moved.statusCode).toBe(200);
    expect(moved.json().sessions).toEqual([
      expect.objectContaining({ room: 'Festsaal', startsLocal: '2099-03-01T14:00', endsLocal: '2099-03-01T15:00', people: [] }),
    ]);
    expect(await auditCount('conference.session.update')).toBe(updates + 1);
    const outside = await send(
      focal,
      'PUT',
      `${url}/${session}`,
      sessionBody([], { startsAt: '2099-03-05T09:00', endsAt: '2099-03-05T10:00' }),
    );
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors).toEqual([expect.objectContaining({ pointer: '/startsAt' })]);
    const backwards = await send(focal, 'PUT', `${url}/${session}`, sessionBody([], { endsAt: '2099-03-01T10:00' }));
    expect(backwards.json().errors).toEqual([expect.objectContaining({ pointer: '/endsAt' })]);
    // Another event's organiser, a delegate and a stranger may not touch it.
    expect((await send(delegation, 'PUT', `${url}/${session}`, sessionBody([]))).statusCode).toBe(403);
    expect((await send(null, 'DELETE', `${url}/${session}`)).statusCode).toBe(401);
    const elsewhere = await insertTestEvent(t.database.db);
    expect((await send(focal, 'DELETE', `/api/conferences/events/${elsewhere}/sessions/${session}`)).statusCode).toBe(404);

    const deletes = await auditCount('conference.session.delete');
    const deleted = await send(focal, 'DELETE', `${url}/${session}`);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json().sessions).toEqual([]);
    expect(await auditCount('conference.session.delete')).toBe(deletes + 1);
    expect((await send(focal, 'DELETE', `${url}/${session}`)).statusCode).toBe(404);
  });

  it('attaches documents checked by the library’s reader, open to whom the organiser chose, downloads audited', async () => {
    const event = await insertTestEvent(t.database.db);
    const created = await send(focal, 'POST', `/api/conferences/events/${event}/sessions`, sessionBody([]));
    const session = created.json().sessions[0].id;
    const upload = (bytes: Buffer, query: string, who: Persona | null = focal) =>
      t.request(who, {
        method: 'POST',
        url: `/api/conferences/events/${event}/sessions/${session}/documents?${query}`,
        headers: { 'content-type': 'application/octet-stream' },
        payload: bytes,
      });
    const pdf = await samplePdf('Concept note', [['The panel reviews protection at sea.']]);
    // The type comes from the content: a PDF sent as anything is a PDF.
    const open = await upload(pdf, 'title=Concept%20note&visibility=public&fileName=concept-note.pdf');
    expect(open.statusCode, open.body).toBe(201);
    await upload(pdf, 'title=Speaking%20notes&visibility=participants&fileName=notes.pdf');
    await upload(pdf, 'title=Logistics&visibility=organisers');
    // Hostile or unreadable files are refused with a problem and nothing is stored.
    const junk = await upload(Buffer.from('MZ\x90\x00 this is no document at all'), 'title=Junk&visibility=public');
    expect(junk.statusCode).toBeGreaterThanOrEqual(400);
    expect(junk.statusCode).toBeLessThan(500);
    expect(junk.headers['content-type']).toMatch(/^application\/problem\+json/);
    const empty = await upload(Buffer.alloc(0), 'title=Empty&visibility=public');
    expect(empty.statusCode).toBe(400);
    expect((await upload(pdf, 'title=Mine&visibility=public', delegation)).statusCode).toBe(403);
    const stored = await t.database.db
      .selectFrom('conference_session_document')
      .select('title')
      .where('session_id', '=', session)
      .execute();
    expect(stored.map((d) => d.title).sort()).toEqual(['Concept note', 'Logistics', 'Speaking notes']);

    const titles = async (who: Persona | null) =>
      (await get(who, `/api/conferences/events/${event}`)).json().sessions[0].documents.map((d: { title: string }) => d.title);
    expect(await titles(focal)).toEqual(['Concept note', 'Speaking notes', 'Logistics']);
    expect(await titles(null)).toEqual(['Concept note']);
    expect(await titles(delegation)).toEqual(['Concept note']);

    const all = (await get(focal, `/api/conferences/events/${event}`)).json().sessions[0].documents as Array<{
      title: string;
      url: string;
      id: string;
    }>;
    const urlOf = (title: string) => all.find((d) => d.title === title)?.url ?? '';
    const downloads = await auditCount('conference.document.download');
    const file = await get(null, urlOf('Concept note'));
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain('concept-note.pdf');
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect(await auditCount('conference.document.download')).toBe(downloads + 1);
    // The participants' notes: a stranger is asked to sign in, a delegate not taking part is refused.
    expect((await get(null, urlOf('Speaking notes'))).statusCode).toBe(401);
    expect((await get(delegation, urlOf('Speaking notes'))).statusCode).toBe(404);
    // Once registered and confirmed, the delegate reads them.
    await insertTestRegistration(t.database.db, event);
    await t.database.db
      .updateTable('conference_registration')
      .set({ user_id: delegation.userId })
      .where('event_id', '=', event)
      .execute();
    expect(await titles(delegation)).toEqual(['Concept note', 'Speaking notes']);
    expect((await get(delegation, urlOf('Speaking notes'))).statusCode).toBe(200);
    expect((await get(delegation, urlOf('Logistics'))).statusCode).toBe(404);

    const removed = await send(focal, 'DELETE', `/api/conferences/events/${event}/documents/${all[0]?.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().sessions[0].documents.map((d: { title: string }) => d.title)).toEqual(['Speaking notes', 'Logistics']);
    expect((await get(null, urlOf('Concept note'))).statusCode).toBe(404);
  });
});
