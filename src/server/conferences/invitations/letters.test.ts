import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { insertTestEvent, organisationId } from '../../test-support/conferences/fixtures.js';
import { testBackends } from '../../test-support/database.js';
import { pdfText, words } from '../../test-support/pdf.js';

describe.each(testBackends())('invitation letters on %s', (backend) => {
  let t: TestApp;
  let focal: Persona;
  let tunisia: Persona;
  let ofUnhcr: Persona;
  let event: string;
  let unhcr: string;
  beforeAll(async () => {
    t = await testApp(backend);
    focal = await t.as('focal_point');
    tunisia = await t.user({ role: 'delegation', countryIso2: 'TN' });
    const israel = await t.user({ role: 'delegation', countryIso2: 'IL' });
    await t.database.db.updateTable('app_user').set({ language: 'fr' }).where('id', '=', tunisia.userId).execute();
    await t.database.db.updateTable('app_user').set({ language: 'ru' }).where('id', '=', israel.userId).execute();
    event = await insertTestEvent(t.database.db, { public: false });
    unhcr = await organisationId(t.database.db, 'UNHCR');
    ofUnhcr = await t.user({ role: 'focal_point', organisationId: unhcr });
  });
  afterAll(() => t?.close());

  const letter = (who: Persona | null, query: string) =>
    t.request(who, { method: 'GET', url: `/api/conferences/events/${event}/invitation/letter.pdf?${query}` });

  it('writes each invitee’s letter in the language its accounts chose, English otherwise, once the list is sent', async () => {
    // Nobody is invited before the list is sent.
    expect((await letter(focal, 'state=TN')).statusCode).toBe(404);
    const sent = await t.request(focal, {
      method: 'PUT',
      url: `/api/conferences/events/${event}/invitation`,
      payload: { terms: [{ op: '+', group: 'partners_mediterranean' }], organisationIds: [unhcr] },
    });
    expect(sent.statusCode).toBe(200);

    const french = await letter(focal, 'state=TN');
    expect(french.statusCode).toBe(200);
    expect(french.headers['content-type']).toBe('application/pdf');
    expect(french.headers['content-disposition']).toMatch(/^attachment; filename="invitation-[0-9a-f]{8}-TN\.pdf"/);
    const fr = await pdfText(french.rawPayload);
    expect(fr).toContain(words('Délégation : Tunisie'));
    expect(fr).toContain(words('Bureau des institutions démocratiques et des droits de l’homme a l’honneur de vous inviter'));
    // The event starts at 08:00 UTC, 09:00 in Vienna, written the French way.
    expect(fr).toContain(words('1 mars 2099'));
    expect(fr).toContain(words('Lieu: Vienna, Hofburg'));
    expect(fr).toContain(`/conferences/events/${event}/register`);
    expect(fr).not.toContain(words('has the honour'));

    const ru = await pdfText((await letter(focal, 'state=IL')).rawPayload);
    expect(ru).toContain(words('Делегация: Израиль'));
    expect(ru).toContain(words('Бюро по демократическим институтам и правам человека имеет честь пригласить вас'));
    expect(ru).toContain(words('1 марта 2099'));

    // Morocco's delegates have no account here, nor UNHCR's members: English.
    const morocco = await pdfText((await letter(focal, 'state=MA')).rawPayload);
    expect(morocco).toContain(words('Delegation of Morocco'));
    expect(morocco).toContain(words('Office for Democratic Institutions and Human Rights has the honour to invite you'));
    expect(morocco).toContain(words('March 1, 2099'));
    const organisation = await pdfText((await letter(focal, `organisationId=${unhcr}`)).rawPayload);
    expect(organisation).toContain(words('has the honour to invite you'));

    // A State or an organisation the list does not invite has no letter; a letter is of one invitee.
    const austria = await letter(focal, 'state=AT');
    expect(austria.statusCode).toBe(404);
    expect(austria.json().detail).toBe('This State or organisation is not invited to this event.');
    expect((await letter(focal, `state=TN&organisationId=${unhcr}`)).statusCode).toBe(400);
    expect((await letter(focal, '')).statusCode).toBe(400);
  });

  it('gives the invited delegates their own letter, on the event page too, and nobody else’s', async () => {
    const own = await letter(tunisia, 'state=TN');
    expect(own.statusCode).toBe(200);
    expect(await pdfText(own.rawPayload)).toContain(words('a l’honneur de vous inviter'));
    expect((await letter(tunisia, 'state=MA')).statusCode).toBe(403);
    expect((await letter(tunisia, `organisationId=${unhcr}`)).statusCode).toBe(403);
    expect((await letter(await t.as('delegation'), 'state=TN')).statusCode).toBe(403);
    expect((await letter(null, 'state=TN')).statusCode).toBe(401);

    const page = (await t.request(tunisia, { method: 'GET', url: `/api/conferences/events/${event}` })).json();
    expect(page.letters).toEqual([
      { invitee: 'TN', state: 'TN', url: `/api/conferences/events/${event}/invitation/letter.pdf?state=TN` },
    ]);
    const austrian = (
      await t.request(await t.as('delegation'), { method: 'GET', url: `/api/conferences/events/${event}` })
    ).json();
    expect(austrian.letters).toEqual([]);

    // The invitation's notice points the delegate to the event page, where the letter is.
    const notices = await t.database.db
      .selectFrom('notification')
      .select(['kind', 'link'])
      .where('user_id', '=', tunisia.userId)
      .execute();
    expect(notices).toEqual([{ kind: 'conference.invited', link: `/conferences/events/${event}` }]);
    // The invited organisation's focal point is told too, and finds the organisation's letter on the event page.
    const told = await t.database.db
      .selectFrom('notification')
      .select(['kind', 'link'])
      .where('user_id', '=', ofUnhcr.userId)
      .execute();
    expect(told).toEqual([{ kind: 'conference.invited', link: `/conferences/events/${event}` }]);
    const theirs = (await t.request(ofUnhcr, { method: 'GET', url: `/api/conferences/events/${event}` })).json();
    expect(theirs.letters).toEqual([
      {
        invitee: 'Office of the United Nations High Commissioner for Refugees',
        state: null,
        url: `/api/conferences/events/${event}/invitation/letter.pdf?organisationId=${unhcr}`,
      },
    ]);
    expect((await letter(ofUnhcr, `organisationId=${unhcr}`)).statusCode).toBe(200);
  });
});
