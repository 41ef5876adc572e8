// Two-factor sign-in from the co-ordinator's side: set up at the first sign-in (the QR code and its
// key as text, then a code, then the ten recovery codes shown once), then a sign-in with a code
// from the app, then one with a recovery code, which does not work a second time.
import { expect, test } from 'vitest';
import { freshCode } from '../src/server/test-support/second-factor.js';
import { describeJourney, journeyPlatform, signInFirstTime, Watcher } from './browser.js';

const PASSWORD = 'Second-Factor-Journey-2026!';

describeJourney('two-factor sign-in journey', () => {
  const platform = journeyPlatform();

  test('enrols, signs in with a code, then with a recovery code once', { timeout: 240_000 }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    const watcher = new Watcher();
    const page = await watcher.page(
      await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' }),
      30_000,
    );
    const recoveryCodes = await signInFirstTime(page, origin, { ...server, newPassword: PASSWORD }, { name: 'Alert inbox' });
    expect(recoveryCodes).toHaveLength(10);

    const signOut = async () => {
      await page.getByRole('button', { name: 'Co-ordinator' }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    };
    const signIn = async () => {
      await page.goto(`${origin}/sign-in`);
      await page.getByRole('textbox', { name: 'Email' }).fill(server.email);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Confirm your sign-in' }).waitFor();
    };

    // With a code from the app.
    await signOut();
    await signIn();
    await page.getByRole('textbox', { name: 'Code' }).fill(await freshCode(server.email));
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Alert inbox' }).waitFor();

    // Without the phone: a recovery code, once.
    await signOut();
    await signIn();
    await page.getByRole('button', { name: 'I do not have my phone: use a recovery code' }).click();
    await page.getByRole('textbox', { name: 'Recovery code' }).fill(recoveryCodes?.[0] ?? '');
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Alert inbox' }).waitFor();

    watcher.expectClean(origin);
    // The same recovery code a second time is refused, on its field.
    await signOut();
    await signIn();
    await page.getByRole('button', { name: 'I do not have my phone: use a recovery code' }).click();
    await page.getByRole('textbox', { name: 'Recovery code' }).fill(recoveryCodes?.[0] ?? '');
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await page.getByText('This recovery code is not valid or has already been used.').waitFor();
  });
});
