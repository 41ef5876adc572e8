// Keyboard only, in a real browser against the built platform: a visitor asks "whom do I call?",
// reports a hate incident and registers for a conference without a mouse, moving with Tab and
// Shift+Tab, choosing with the arrow keys or by typing, ticking with Space and pressing Enter.
// Focus lands on the new page's heading after a page change, and on the first field marked
// invalid after a refused submit.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { apiSignInFirstTime, describeJourney, journeyPlatform, REPOSITORY, sessionCheck, Watcher } from './browser.js';

const PASSWORD = 'Keyboard-Journey-2026!x';
const EVENT = 'Keyboard journey workshop on migrants’ access to services';

const focused = (target: Locator) => target.evaluate((element) => element === element.ownerDocument.activeElement);

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, backwards = false): Promise<void> {
  await target.waitFor();
  for (let step = 0; step < 120; step += 1) {
    if (await focused(target)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/**
 * With the focus on a list box's field: opens it with the down arrow, moves down until the option
 * named `option` is the active one, and chooses it with Enter.
 */
async function chooseWithArrows(page: Page, field: Locator, option: string): Promise<void> {
  expect(await focused(field), `${field} has the focus`).toBe(true);
  for (let step = 0; step < 120; step += 1) {
    await page.keyboard.press('ArrowDown');
    const active = await field.getAttribute('aria-activedescendant');
    const name = active ? await page.locator(`[id="${active}"]`).textContent() : null;
    if (name?.trim() === option) {
      await page.keyboard.press('Enter');
      // A list still being filtered as the typed letters arrive can swallow the Enter on a slow
      // machine: the field then keeps its letters, and the arrows start again.
      const deadline = Date.now() + 5_000;
      while (Date.now() < deadline) {
        if ((await field.inputValue()) === option) return;
        await page.waitForTimeout(100);
      }
    }
  }
  expect(await field.inputValue(), `the arrow keys never chose ${option} in ${field}`).toBe(option);
}

/**
 * Types a date into a date field as a person reads it: segment by segment, in the order the browser
 * lays them out. That order follows the browser's own language, not the page's, so it is learnt
 * first: 01, 02 and 2003 typed in turn show which segment took which, then Shift+Tab goes back to
 * the first segment and the date is typed in that order.
 */
async function typeDate(page: Page, field: Locator, iso: string): Promise<void> {
  expect(await focused(field), `${field} has the focus`).toBe(true);
  const [year, month, day] = iso.split('-') as [string, string, string];
  for (const probe of ['01', '02', '2003']) await page.keyboard.type(probe);
  const seen = await field.inputValue();
  if (!seen.startsWith('2003-')) throw new Error(`A date layout with the year first or in the middle (${seen}) is not handled.`);
  const order = seen === '2003-01-02' ? [month, day, year] : [day, month, year];
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  for (const segment of order) await page.keyboard.type(segment);
  await expect.poll(() => field.inputValue()).toBe(iso);
}

/** A refused registration answers 400 by design; the browser logs that as an error. */
const refusedRegistration = (message: Parameters<typeof sessionCheck>[0]) =>
  sessionCheck(message) ||
  (message.text().includes('status of 400') && message.location().url.includes('/api/conferences/events/'));

describeJourney('keyboard-only journey', () => {
  let eventId = '';
  const platform = journeyPlatform({
    start: {
      // A report may be sent a second after the form opened (the default waits longer, against robots).
      env: { INCIDENT_MIN_FILL_SECONDS: '1' },
      // The organisation's key for incident reports, made as an operator would.
      prepare: (env) => {
        const output = execFileSync(
          process.execPath,
          [path.join(REPOSITORY, 'dist', 'server', 'crossroads.mjs'), 'incidents', 'keygen'],
          {
            env: { ...env, CROSSROADS_INCIDENT_PASSPHRASE: '' },
            input: 'keyboard journey passphrase for the organisation key\n',
            encoding: 'utf8',
          },
        );
        if (!output.includes('Created the incident key')) throw new Error(output);
      },
    },
    prepare: async (server) => {
      const coordinator = await apiSignInFirstTime(server.origin, { ...server, newPassword: PASSWORD });
      const organisations = await coordinator<{ items: { id: string; code: string }[] }>(
        'GET',
        '/directory/organisations?limit=200',
      );
      await coordinator('POST', '/directory/contacts', {
        organisationId: organisations.items.find((o) => o.code === 'FO-SERBIA')?.id,
        name: 'Ana Anti-Trafficking',
        title: 'National Anti-Trafficking Adviser',
        emails: ['ana.at@example.org'],
        countries: ['RS'],
        keyAreas: ['trafficking'],
        visibility: 'public',
      });
      const event = await coordinator<{ id: string }>('POST', '/conferences/events', {
        kind: 'workshop',
        title: EVENT,
        organiserId: organisations.items.find((o) => o.code === 'ODIHR')?.id,
        startsAt: '2099-05-12T09:00',
        endsAt: '2099-05-12T17:00',
        timeZone: 'Europe/Warsaw',
        venue: 'Warsaw, Ujazdowskie',
        languages: ['en'],
        public: true,
        capacity: 40,
      });
      eventId = event.id;
    },
  });

  test('whom do I call, from the welcome page to the contact, with the keyboard only', { timeout: 180_000 }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    const watcher = new Watcher();
    const page = await watcher.page(await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' }));

    await page.goto(`${origin}/`);
    await page.getByRole('heading', { level: 1, name: 'Welcome to Crossroads' }).waitFor();
    await tabTo(page, page.getByRole('link', { name: 'Whom do I call?' }).first());
    await page.keyboard.press('Enter');
    // The page changed: focus is on its heading, so the next Tab goes into the page, not the header.
    const heading = page.getByRole('heading', { level: 1, name: 'Whom do I call?' });
    await expect.poll(() => heading.isVisible().then((shown) => shown && focused(heading))).toBe(true);

    await tabTo(page, page.getByRole('textbox', { name: 'What is it about?' }));
    await page.keyboard.type('trafficking');
    const country = page.getByRole('combobox', { name: 'Which country?' });
    await tabTo(page, country);
    // A closed native list moves to the option whose name is typed.
    await page.keyboard.type('Serbia');
    await expect.poll(() => country.inputValue()).toBe('RS');
    // Shift+Tab back to the topic and forth again: the keyboard can go both ways through the form.
    await tabTo(page, page.getByRole('textbox', { name: 'What is it about?' }), true);
    await tabTo(page, page.getByRole('button', { name: 'Find contacts' }));
    await page.keyboard.press('Enter');

    const ana = page.getByRole('article', { name: 'Ana Anti-Trafficking' });
    await ana.getByText('Works on this in Serbia').waitFor();
    await tabTo(page, ana.getByRole('link', { name: 'ana.at@example.org' }));
    watcher.expectClean(origin);
  });

  test('a visitor reports a hate incident with the keyboard only', { timeout: 240_000 }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    const watcher = new Watcher();
    const page = await watcher.page(await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' }));

    await page.goto(`${origin}/`);
    await page.getByRole('heading', { level: 1, name: 'Welcome to Crossroads' }).waitFor();
    await tabTo(page, page.getByRole('link', { name: 'Report a hate incident' }).first());
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 1, name: 'Report a hate incident' });
    await expect.poll(() => heading.isVisible().then((shown) => shown && focused(heading))).toBe(true);

    // Sent empty: the form marks the required fields and takes the visitor to the first one.
    const send = page.getByRole('button', { name: 'Send the report' });
    await expect.poll(() => send.isEnabled()).toBe(true);
    await tabTo(page, send);
    await page.keyboard.press('Enter');
    const date = page.getByLabel('Date of the incident');
    await expect.poll(() => date.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => focused(date)).toBe(true);
    expect(await page.getByText('This field is required.').count()).toBe(8);

    // From there, field by field: the date typed segment by segment, the lists with the arrow keys.
    await typeDate(page, date, '2025-06-14');
    const country = page.getByRole('combobox', { name: 'Country' });
    await tabTo(page, country);
    await page.keyboard.type('Gree');
    await chooseWithArrows(page, country, 'Greece');
    await tabTo(page, page.getByRole('textbox', { name: 'Place' }));
    await page.keyboard.type('Lesvos');
    const type = page.getByRole('combobox', { name: 'Type of incident' });
    await tabTo(page, type);
    await chooseWithArrows(page, type, 'Physical assault');
    const refugees = page.getByRole('checkbox', { name: 'Refugees', exact: true });
    await tabTo(page, refugees);
    await page.keyboard.press('Space');
    await expect.poll(() => refugees.isChecked()).toBe(true);
    const bias = page.getByRole('combobox', { name: 'Bias motivation' });
    await tabTo(page, bias);
    await chooseWithArrows(page, bias, 'Racist and xenophobic');
    await tabTo(page, page.getByRole('textbox', { name: 'Description' }));
    await page.keyboard.type('Two men pushed a woman off the bus and shouted at her to go home.');
    const source = page.getByRole('combobox', { name: 'You are reporting as' });
    await tabTo(page, source);
    await chooseWithArrows(page, source, 'Witness');
    // The required marks are gone once each field has its answer.
    await expect.poll(() => page.getByText('This field is required.').count()).toBe(0);

    await tabTo(page, send);
    await page.keyboard.press('Enter');
    // The form gives way to the receipt, and the focus goes to its heading.
    const thanks = page.getByRole('heading', { level: 1, name: 'Thank you: your report has been received' });
    await expect.poll(() => thanks.isVisible().then((shown) => shown && focused(thanks)), { timeout: 60_000 }).toBe(true);
    expect((await page.getByTestId('receipt').textContent())?.trim()).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    watcher.expectClean(origin);
  });

  test('a delegate registers for a conference with the keyboard only', { timeout: 180_000 }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    const watcher = new Watcher(refusedRegistration);
    const page = await watcher.page(await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' }));

    await page.goto(`${origin}/conferences/events/${eventId}`);
    await page.getByRole('heading', { level: 1, name: EVENT }).waitFor();
    await tabTo(page, page.getByRole('link', { name: 'Register' }));
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 1, name: 'Registration' });
    await expect.poll(() => heading.isVisible().then((shown) => shown && focused(heading))).toBe(true);

    // Sent empty: the four required fields are marked, and the focus is on the first, the name.
    const register = page.getByRole('button', { name: 'Register' });
    await tabTo(page, register);
    await page.keyboard.press('Enter');
    const name = page.getByRole('textbox', { name: 'Name', exact: true });
    await expect.poll(() => focused(name)).toBe(true);
    expect(await page.getByText('This field is required.').count()).toBe(4);

    await page.keyboard.type('Amira Haddad');
    const email = page.getByRole('textbox', { name: 'Email address', exact: true });
    await tabTo(page, email);
    // A slip of the keyboard: the address has no domain.
    await page.keyboard.type('amira.haddad');
    const delegation = page.getByRole('combobox', { name: 'Delegation (State)' });
    await tabTo(page, delegation);
    await page.keyboard.type('Tunis');
    await chooseWithArrows(page, delegation, 'Tunisia');
    await tabTo(page, page.getByRole('textbox', { name: 'Organisation', exact: true }));
    await page.keyboard.type('Ministry of Foreign Affairs');
    await tabTo(page, page.getByRole('textbox', { name: 'Function', exact: true }));
    await page.keyboard.type('Counsellor');
    const listed = page.getByRole('checkbox', { name: /appear, with my function/ });
    await tabTo(page, listed);
    await page.keyboard.press('Space');
    await expect.poll(() => listed.isChecked()).toBe(true);
    await tabTo(page, register);
    await page.keyboard.press('Enter');

    // The server refuses the address: the focus goes to that field, which says why, and the alert
    // names the field as the form labels it.
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => focused(email)).toBe(true);
    await page.getByText('This value is not valid.', { exact: true }).waitFor();
    const alert = page.getByRole('alert');
    await alert.getByText('Some of the information sent is not valid.').waitFor();
    expect(await alert.getByRole('listitem').allTextContents()).toEqual(['Email address: This value is not valid.']);
    await page.keyboard.press('End');
    await page.keyboard.type('@example.org');
    await tabTo(page, register);
    await page.keyboard.press('Enter');

    // The ticket page: the focus is on its heading, which confirms the place.
    const ticket = page.getByRole('heading', { level: 1, name: 'Your registration' });
    await expect.poll(() => ticket.isVisible().then((shown) => shown && focused(ticket))).toBe(true);
    await page.getByText('Amira Haddad, your place is confirmed.', { exact: false }).waitFor();
    await page.getByRole('img', { name: 'QR code of your registration, for check-in' }).waitFor();
    watcher.expectClean(origin);
  });
});
