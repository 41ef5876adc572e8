// Conferences in a real browser against the built platform: the organiser creates an expert
// conference, invites the Mediterranean Partners for Co-operation with the invitation builder
// (whose live count shows the six States) and UNHCR, with a letter for each, a delegate from Tunisia registers on a phone, is
// refused field by field first, gets a ticket with its QR code, chooses the session she will
// attend for her own calendar, and is checked in at the
// entrance, once only; the chair's summary is published and its recommendation is followed in the
// recommendation tracker with the conference as its source.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { samplePdf } from '../src/server/network/documents/sample-files.js';
import { describeJourney, journeyPlatform, sessionCheck, signInFirstTime, Watcher } from './browser.js';
import { expectNoRawCodes } from './raw-codes.js';

const PASSWORD = 'Vienna-Conference-2099!x';
const TITLE = 'Expert conference on Mediterranean routes';

/** Chooses an option of a select by its label. */
async function choose(page: Page, label: string, option: string, typed?: string) {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.click();
  if (typed) await box.fill(typed);
  await page.getByRole('listbox', { name: label, exact: true }).getByRole('option', { name: option, exact: true }).click();
}

describeJourney('conferences journey', () => {
  const platform = journeyPlatform();

  test('create an event, invite the Mediterranean Partners, register on a phone, check in once, publish the outcome', {
    timeout: 300_000,
  }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    // The second check-in of the same ticket is refused by design; the browser logs that as an error.
    const watcher = new Watcher(
      (message) =>
        sessionCheck(message) ||
        (message.text().includes('status of 409') && message.location().url.endsWith('/api/conferences/check-in')),
    );
    const organiser = await watcher.page(await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' }));
    await signInFirstTime(organiser, origin, { ...server, newPassword: PASSWORD }, { name: 'Conferences', exact: true });

    // The organiser creates the event.
    await organiser
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Conferences', exact: true })
      .click();
    await organiser.getByRole('heading', { level: 1, name: 'Conferences and meetings' }).waitFor();
    await organiser.getByText('No event matches.', { exact: false }).waitFor();
    await organiser.getByRole('button', { name: 'Create an event' }).click();
    await organiser.getByRole('textbox', { name: 'Title', exact: true }).fill(TITLE);
    await choose(organiser, 'Organiser', 'OSCE Secretariat', 'OSCE Secretariat');
    await organiser.getByLabel(/^Starts/).fill('2099-10-27T09:00');
    await organiser.getByLabel(/^Ends/).fill('2099-10-28T17:30');
    await organiser.getByRole('textbox', { name: 'Venue', exact: true }).fill('Vienna, Hofburg');
    await organiser.getByRole('textbox', { name: 'Places', exact: true }).fill('80');
    await organiser.getByRole('button', { name: 'Save the event' }).click();
    await organiser.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await organiser.getByText('0 of 80 places taken').waitFor();
    const eventUrl = organiser.url();

    // The agenda: a session moderated by a contact of the directory, picked by typing her name,
    // with a guest speaker typed in; its room is changed and a programme note attached to it.
    const MODERATOR = 'Ingrid Moderatorin';
    const SESSION = 'Opening: the routes across the Mediterranean';
    const csrf = (await (await organiser.request.get(`${origin}/api/auth/session`)).json()).csrfToken;
    const organiserId = (
      await (await organiser.request.get(`${origin}/api/conferences/events/${eventUrl.split('/').pop()}`)).json()
    ).organiser.id;
    const contact = await organiser.request.post(`${origin}/api/directory/contacts`, {
      headers: { 'x-csrf-token': csrf },
      data: { organisationId: organiserId, name: MODERATOR, visibility: 'public' },
    });
    expect(contact.status()).toBe(201);
    const newSession = organiser.getByRole('form', { name: 'Add a session' });
    await newSession.getByRole('textbox', { name: /^Session/ }).fill(SESSION);
    await newSession.getByRole('textbox', { name: 'Room', exact: true }).fill('Neuer Saal');
    await newSession.getByLabel(/^Starts/).fill('2099-10-27T09:30');
    await newSession.getByLabel(/^Ends/).fill('2099-10-27T11:00');
    await choose(organiser, 'Role of the next person', 'Moderator');
    await newSession.getByRole('combobox', { name: 'Find a person in the directory or the roster' }).fill('moderatorin');
    await organiser.getByRole('option', { name: `${MODERATOR} – OSCE Secretariat (directory)` }).click();
    await newSession.getByText(`${MODERATOR} (OSCE Secretariat) · directory`).waitFor();
    await choose(organiser, 'Role of the next person', 'Speaker');
    await newSession.getByRole('textbox', { name: 'Guest’s name' }).fill('Karim Benali');
    await newSession.getByRole('textbox', { name: 'Guest’s organisation or function' }).fill('University of Tunis');
    await newSession.getByRole('button', { name: 'Add the guest' }).click();
    await newSession.getByRole('button', { name: 'Add the session' }).click();
    const agenda = organiser.getByRole('list', { name: 'Agenda' });
    await agenda.getByText(`Moderation: ${MODERATOR} (OSCE Secretariat)`).waitFor();
    await agenda.getByText('Speakers: Karim Benali (University of Tunis)').waitFor();
    await organiser.getByRole('button', { name: `Edit the session ${SESSION}` }).click();
    const editSession = organiser.getByRole('form', { name: `Edit the session ${SESSION}` });
    await editSession.getByRole('textbox', { name: 'Room', exact: true }).fill('Ratsaal');
    await editSession.getByRole('button', { name: 'Save the session' }).click();
    await agenda.getByText(/· Ratsaal$/).waitFor();
    await expect.poll(() => editSession.count(), { timeout: 30_000, interval: 250 }).toBe(0);
    const attach = organiser.getByRole('form', { name: `Attach a document to ${SESSION}` });
    await attach.getByRole('textbox', { name: /^Document title/ }).fill('Programme note');
    await attach.locator('input[type=file]').setInputFiles({
      name: 'programme-note.pdf',
      mimeType: 'application/pdf',
      buffer: await samplePdf('Programme note', [['The opening session reviews the routes across the Mediterranean.']]),
    });
    await attach.getByRole('button', { name: 'Attach the document' }).click();
    const documents = organiser.getByRole('list', { name: `Documents of ${SESSION}` });
    await documents.getByRole('link', { name: 'Programme note' }).waitFor({ timeout: 30_000 });
    await expectNoRawCodes(organiser);

    // The invitation list: the Mediterranean Partners, counted as they are added.
    await organiser.getByRole('link', { name: 'Invitation list' }).click();
    await organiser.getByRole('heading', { level: 1, name: 'Invitation list' }).waitFor();
    await choose(organiser, 'Group', 'Mediterranean Partners for Co-operation');
    await organiser.getByRole('button', { name: 'Add to the list' }).click();
    await expect.poll(() => organiser.getByTestId('invited-total').textContent(), { timeout: 30_000, interval: 250 }).toBe('6');
    await organiser.getByText('Tunisia').waitFor();
    // And one organisation of the directory, by name.
    await organiser.getByText('No organisation is invited by name.').waitFor();
    await organiser.getByRole('combobox', { name: 'Find an organisation by name' }).fill('High Commissioner for Refugees');
    await organiser.getByRole('option', { name: /United Nations High Commissioner for Refugees/ }).click();
    await organiser
      .getByRole('button', { name: /^Remove Office of the United Nations High Commissioner for Refugees/ })
      .waitFor();
    // A country group from the UNHCR figures early warning holds: the countries of destination in
    // 2022, added and taken away again, the count following.
    const session = await (await organiser.request.get(`${origin}/api/auth/session`)).json();
    const imported = await organiser.request.post(`${origin}/api/warning/imports`, {
      headers: { 'x-csrf-token': session.csrfToken, 'content-type': 'text/csv' },
      data: 'indicator,country,period,value\n#indicator+code,#country+code,#date,#value\nrefugees_hosted,DE,2022,2000000\nrefugees_hosted,TR,2022,3500000\n',
    });
    expect(imported.status()).toBe(200);
    await choose(organiser, 'Group', 'Countries of destination');
    await choose(organiser, 'Year of the UNHCR figures', '2022');
    await organiser.getByRole('button', { name: 'Add to the list' }).click();
    await organiser.getByText('plus Countries of destination in 2022').waitFor();
    // The group's countries come from the server: on a loaded machine that takes more than a second.
    await expect.poll(() => organiser.getByTestId('invited-total').textContent(), { timeout: 30_000, interval: 250 }).toBe('8');
    await organiser.getByText('Germany').waitFor();
    await organiser.getByRole('button', { name: 'Remove plus Countries of destination in 2022' }).click();
    await expect.poll(() => organiser.getByTestId('invited-total').textContent(), { timeout: 30_000, interval: 250 }).toBe('6');
    await organiser.getByRole('button', { name: 'Send the invitations' }).click();
    await organiser.getByText('Invitations sent to 6 States.').waitFor();
    // Once sent, a letter for each invitee, in its language (English here: none of them has an account).
    const letters = organiser.getByRole('list', { name: 'Invitation letters' });
    await letters
      .getByRole('link', { name: 'Invitation letter (PDF): Office of the United Nations High Commissioner for Refugees' })
      .waitFor();
    const tunisiaLetter = letters.getByRole('link', { name: 'Invitation letter (PDF): Tunisia' });
    const letter = await organiser.request.get(new URL((await tunisiaLetter.getAttribute('href')) ?? '', origin).toString());
    expect(letter.status()).toBe(200);
    expect(letter.headers()['content-type']).toBe('application/pdf');
    expect((await letter.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectNoRawCodes(organiser);

    // A delegate registers on a phone, without an account.
    const phone = await watcher.page(
      await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-GB' }),
    );
    await phone.goto(eventUrl);
    await phone.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    // The public page shows the agenda: the moderator (a public contact), the guest and the note.
    const publicAgenda = phone.getByRole('list', { name: 'Agenda' });
    await publicAgenda.getByText(`Moderation: ${MODERATOR} (OSCE Secretariat)`).waitFor();
    await publicAgenda.getByText('Speakers: Karim Benali (University of Tunis)').waitFor();
    const note = phone.getByRole('list', { name: `Documents of ${SESSION}` }).getByRole('link', { name: 'Programme note' });
    const noteFile = await phone.request.get(new URL((await note.getAttribute('href')) ?? '', origin).toString());
    expect(noteFile.status()).toBe(200);
    expect((await noteFile.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await phone.getByRole('button', { name: `Edit the session ${SESSION}` }).count()).toBe(0);
    await phone.getByRole('link', { name: 'Register' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Registration' }).waitFor();
    await phone.getByRole('button', { name: 'Register' }).click();
    await expect.poll(() => phone.getByText('This field is required.').count(), { timeout: 30_000, interval: 250 }).toBe(4);
    await phone.getByRole('textbox', { name: 'Name', exact: true }).fill('Amira Haddad');
    await phone.getByRole('textbox', { name: 'Email address', exact: true }).fill('amira.haddad@example.org');
    await choose(phone, 'Delegation (State)', 'Tunisia', 'Tunis');
    await phone.getByRole('textbox', { name: 'Organisation', exact: true }).fill('Ministry of Foreign Affairs');
    await phone.getByRole('textbox', { name: 'Function', exact: true }).fill('Counsellor');
    await phone.getByRole('textbox', { name: 'Dietary needs' }).fill('Vegetarian');
    await phone.getByRole('radiogroup', { name: 'Gender' }).getByRole('radio', { name: 'Prefer not to say' }).check();
    await phone.getByRole('checkbox', { name: /appear, with my function/ }).check();
    // The form fits the phone's width: nothing to scroll sideways.
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await phone.getByRole('button', { name: 'Register' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Your registration' }).waitFor();
    await phone.getByText('Amira Haddad, your place is confirmed.', { exact: false }).waitFor();
    await phone.getByRole('img', { name: 'QR code of your registration, for check-in' }).waitFor();
    const token = phone.url().split('/').pop() ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    // She ticks the session she will attend; her calendar then holds it.
    const ownSessions = phone.getByRole('group', { name: /^Tick the sessions you will attend/ });
    await ownSessions.getByRole('checkbox', { name: new RegExp(SESSION) }).check();
    await phone.getByRole('button', { name: 'Save my sessions' }).click();
    await phone.getByText('Your sessions are saved.').waitFor();
    const calendarLink = phone.getByRole('link', { name: 'My calendar: the event and my sessions (iCalendar)' });
    const calendar = await phone.request.get(new URL((await calendarLink.getAttribute('href')) ?? '', origin).toString());
    expect(calendar.status()).toBe(200);
    expect((await calendar.text()).replace(/\r\n[ \t]/g, '')).toContain(`SUMMARY:${TITLE}: ${SESSION}`);

    // The organiser opens the address of the QR code at the entrance and checks her in, once.
    await organiser.goto(`${origin}/conferences/check-in/${token}`);
    await organiser.getByRole('heading', { level: 1, name: 'Check-in' }).waitFor();
    await organiser.getByRole('button', { name: 'Check in' }).click();
    await organiser.getByText(`Amira Haddad (Ministry of Foreign Affairs, Tunisia) is checked in for ${TITLE}.`).waitFor();
    await organiser.getByRole('button', { name: 'Check in' }).click();
    await organiser.getByText('Amira Haddad is already checked in.', { exact: false }).waitFor();

    await phone.reload();
    await phone.getByText('Amira Haddad, you are checked in. Welcome.').waitFor();

    // The event page counts her, lists her (she agreed), and names her State.
    await organiser.goto(eventUrl);
    await organiser.getByText('1 of 80 places taken').waitFor();
    await organiser.getByText('Amira Haddad, Counsellor, Ministry of Foreign Affairs (Tunisia)').waitFor();
    // The statistics count her by the gender she gave (she preferred not to say); no list shows it.
    await organiser.getByText('By gender: Prefer not to say 1').waitFor();
    await expectNoRawCodes(organiser);

    // The organiser downloads the registrations: she is on the sheet, checked in, with her State's name.
    const download = organiser.waitForEvent('download');
    await organiser.getByRole('link', { name: 'Download as CSV' }).click();
    const file = await (await download).path();
    const sheet = readFileSync(file, 'utf8');
    expect(sheet.split('\n')[0]).toContain('Name,Email,Function,Organisation,State,Status,Checked in');
    expect(sheet).toMatch(/Amira Haddad,[^\n]*,Counsellor,Ministry of Foreign Affairs,Tunisia,confirmed,yes/);

    // The chair's summary is recorded and published: its recommendation enters the follow-up
    // tracker with this conference as its source, and the outcome is then fixed.
    const RECOMMENDATION = 'Open a joint reception desk for arrivals by sea in each port of landing.';
    await organiser
      .getByRole('textbox', { name: 'Summary', exact: true })
      .fill('The delegations reviewed the routes across the Mediterranean.');
    await organiser.getByRole('textbox', { name: 'Recommendations', exact: true }).fill(RECOMMENDATION);
    await organiser.getByRole('button', { name: 'Record the outcome' }).click();
    await organiser.getByRole('heading', { level: 3, name: 'Publish the outcome' }).waitFor({ timeout: 30_000 });
    await organiser.getByRole('button', { name: 'Publish the chair’s summary' }).click();
    await organiser.getByText(/^Published on \d{4}-\d{2}-\d{2}; its recommendations are followed/).waitFor({ timeout: 30_000 });
    await expect
      .poll(() => organiser.getByRole('button', { name: 'Record the outcome' }).count(), { timeout: 30_000, interval: 250 })
      .toBe(0);
    await organiser.getByRole('link', { name: 'Open the recommendation tracker' }).click();
    await organiser.getByRole('heading', { level: 1, name: 'Recommendation tracker' }).waitFor();
    await organiser.getByRole('combobox', { name: 'Source', exact: true }).selectOption({ label: 'Conference' });
    const row = organiser.getByRole('row').filter({ hasText: RECOMMENDATION });
    await row.getByRole('link', { name: `Conference: ${TITLE}` }).waitFor({ timeout: 30_000 });
    await expectNoRawCodes(organiser);
    await row.getByRole('link', { name: `Conference: ${TITLE}` }).click();
    await organiser.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    watcher.expectClean(origin);
  });
});
