// The organisation key of hate-incident reports on a fresh install, from the browser only: the
// co-ordinator is told the public form cannot receive reports yet and creates the key with a
// passphrase typed in the browser (the private key is generated and sealed there); a visitor on a
// phone-sized screen then reports an incident; the co-ordinator replaces the key (every stored
// item key wrapped again in the browser); a reviewer reads the protected data with the new
// passphrase. The passphrases never reach the server.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import {
  type ApiCall,
  apiSignIn,
  apiSignInFirstTime,
  describeJourney,
  journeyPlatform,
  signInFirstTime,
  takeSecondStep,
  Watcher,
} from './browser.js';

const PASSWORD = 'Incident-Keys-2027!x';
const FIRST_PASSPHRASE = 'first passphrase typed in the browser';
const SECOND_PASSPHRASE = 'second passphrase after the rotation';
const CONTACT = 'Leila, +30 690 555 0199';
const BANNER = 'Hate-incident reports cannot be received yet';

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describeJourney('incident key journey', () => {
  const reviewerEmail = 'rita.reviewer@example.org';
  let coordinatorApi: ApiCall | undefined;
  const platform = journeyPlatform({ start: { env: { INCIDENT_MIN_FILL_SECONDS: '1' } } });

  test('keys are created in the browser on a fresh install, a phone visitor reports, a reviewer decrypts', {
    timeout: 240_000,
  }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    const watcher = new Watcher();
    const requestBodies: string[] = [];

    // The co-ordinator signs in and is told the form cannot receive reports until the key exists.
    const desk = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    const coordinator = await watcher.page(desk, 60_000);
    coordinator.on('request', (request) => requestBodies.push(request.postData() ?? ''));
    await signInFirstTime(
      coordinator,
      origin,
      { email: server.email, oneTimePassword: server.oneTimePassword, newPassword: PASSWORD },
      { name: 'Mission reports' },
    );
    const banner = coordinator.getByRole('region', { name: BANNER });
    await banner.waitFor();
    await banner.getByRole('link', { name: 'Create the organisation key' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Organisation key for hate-incident reports' }).waitFor();
    await coordinator.getByTestId('key-status').filter({ hasText: 'There is no key yet' }).waitFor();
    await coordinator.getByLabel('Passphrase', { exact: true }).fill('too short');
    await coordinator.getByLabel('Repeat the passphrase').fill('too short');
    await coordinator.getByRole('button', { name: 'Create the key' }).click();
    await coordinator.getByText('The passphrase must be at least 16 characters long.').waitFor();
    await coordinator.getByLabel('Passphrase', { exact: true }).fill(FIRST_PASSPHRASE);
    await coordinator.getByLabel('Repeat the passphrase').fill(FIRST_PASSPHRASE);
    await coordinator.getByRole('button', { name: 'Create the key' }).click();
    await coordinator.getByTestId('key-status').filter({ hasText: 'The organisation key is in place' }).waitFor();
    await coordinator.goto(`${origin}/`);
    await coordinator.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
    expect(await coordinator.getByRole('region', { name: BANNER }).count()).toBe(0);

    coordinatorApi = await apiSignIn(origin, server.email, PASSWORD);
    const created = await coordinatorApi<{ oneTimePassword: string }>('POST', '/users', {
      email: reviewerEmail,
      name: 'Rita Reviewer',
      grants: [{ role: 'incident_reviewer', scopeType: 'global' }],
      reason: 'Reviews the reports of this journey',
    });
    await apiSignInFirstTime(origin, { email: reviewerEmail, oneTimePassword: created.oneTimePassword, newPassword: PASSWORD });

    // A visitor on a phone-sized screen reports an incident.
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'en-GB',
    });
    const visitor = await watcher.page(phone, 60_000);
    await visitor.goto(`${origin}/incidents/report`);
    await visitor.getByRole('heading', { level: 1, name: 'Report a hate incident' }).waitFor();
    await visitor.getByLabel('Date of the incident').fill('2026-03-02');
    const country = visitor.getByRole('combobox', { name: 'Country' });
    await country.click();
    await country.fill('Gree');
    await visitor.getByRole('option', { name: 'Greece', exact: true }).click();
    await visitor.getByRole('textbox', { name: 'Place' }).fill('Samos');
    await choose(visitor, 'Type of incident', 'Threat or threatening behaviour');
    await visitor.getByRole('checkbox', { name: 'Refugees', exact: true }).check();
    await choose(visitor, 'Bias motivation', 'Racist and xenophobic');
    await visitor.getByRole('checkbox', { name: 'Symbols, drawings or graffiti' }).check();
    await visitor.getByRole('textbox', { name: 'Description' }).fill('A man threatened residents at the camp gate.');
    await choose(visitor, 'You are reporting as', 'Witness');
    await visitor.getByRole('textbox', { name: 'Your contact details' }).fill(CONTACT);
    await visitor.getByRole('checkbox', { name: 'I agree to be contacted about this report' }).check();
    await visitor.getByRole('button', { name: 'Send the report' }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Thank you: your report has been received' }).waitFor();
    const width = await visitor.evaluate<number>('document.documentElement.scrollWidth');
    expect(width, 'no sideways scrolling on a phone').toBeLessThanOrEqual(390);

    // The co-ordinator replaces the key: the old passphrase opens the old key in the browser.
    await coordinator.goto(`${origin}/incidents/key`);
    await coordinator.getByTestId('key-status').filter({ hasText: 'The organisation key is in place' }).waitFor();
    await coordinator.getByLabel('Current passphrase').fill('not the passphrase of this key');
    await coordinator.getByLabel('New passphrase', { exact: true }).fill(SECOND_PASSPHRASE);
    await coordinator.getByLabel('Repeat the new passphrase').fill(SECOND_PASSPHRASE);
    await coordinator.getByRole('button', { name: 'Replace the key' }).click();
    await coordinator.getByText('This passphrase does not open the current key.').waitFor();
    await coordinator.getByLabel('Current passphrase').fill(FIRST_PASSPHRASE);
    await coordinator.getByRole('button', { name: 'Replace the key' }).click();
    await coordinator
      .getByTestId('key-result')
      .filter({ hasText: 'The key was replaced; 2 stored items were wrapped again.' })
      .waitFor();

    // The reviewer reads the contact with the new passphrase.
    const reviewer = await watcher.page(
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' }),
      60_000,
    );
    await reviewer.goto(`${origin}/sign-in`);
    await reviewer.getByRole('textbox', { name: 'Email' }).fill(reviewerEmail);
    await reviewer.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await reviewer.getByRole('button', { name: 'Sign in' }).click();
    await takeSecondStep(reviewer, reviewerEmail);
    await reviewer.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
    await reviewer.goto(`${origin}/incidents/review`);
    await reviewer.getByRole('row', { name: /Samos/ }).getByRole('link').click();
    await reviewer.getByRole('heading', { level: 1, name: 'Incident case' }).waitFor();
    await reviewer.getByRole('textbox', { name: 'Why do you need to see it?' }).fill('Calling the witness back');
    await reviewer.getByLabel('Organisation key passphrase').fill(SECOND_PASSPHRASE);
    await reviewer.getByRole('button', { name: 'Show protected data' }).click();
    await reviewer.getByTestId('protected-contact').filter({ hasText: CONTACT }).waitFor();
    await reviewer.getByTestId('protected-description').filter({ hasText: 'threatened residents' }).waitFor();

    // Neither passphrase was ever sent to the server.
    for (const body of requestBodies) {
      expect(body).not.toContain(FIRST_PASSPHRASE);
      expect(body).not.toContain(SECOND_PASSPHRASE);
    }
    watcher.expectClean(origin);
    await phone.close();
    await desk.close();
  });
});
