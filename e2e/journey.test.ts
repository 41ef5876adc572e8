// The first co-ordinator's first day, in a real browser against the built platform: sign in with the
// printed one-time password, choose a password, switch to French, consult the reference data, look at
// the users and the audit log, and sign out. Throughout, the page talks to its own server only and
// logs no error (a CSP violation would show as one).
import { expect, test } from 'vitest';
import { describeJourney, hasChromium, journeyPlatform, sessionCheck, takeSecondStep, Watcher } from './browser.js';
import { expectNoRawCodes } from './raw-codes.js';

if (!hasChromium && process.env.REQUIRE_E2E !== '1') {
  console.warn('Browser journeys skipped: no Chromium (set CHROMIUM_PATH; REQUIRE_E2E=1 makes this a failure).');
}

const NEW_PASSWORD = 'Danube-Bridge-2026!x';

describeJourney('browser journey', () => {
  const platform = journeyPlatform();

  test('first sign-in, password change, French reference data and sign-out', { timeout: 180_000 }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    // The duplicate account is refused 409 on purpose; the browser logs that as an error.
    const watcher = new Watcher(
      (message) =>
        sessionCheck(message) || (message.text().includes('status of 409') && message.location().url.endsWith('/api/users')),
    );
    const page = await watcher.page(context, 15_000);

    // A visitor sees the public welcome and signs in with the printed one-time password.
    await page.goto(`${origin}/`);
    await page.getByRole('heading', { level: 1, name: 'Welcome to Crossroads' }).waitFor();
    await expectNoRawCodes(page);
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    // By role and accessible name: a required field's label also holds a decorative asterisk.
    await page.getByRole('textbox', { name: 'Email' }).fill(server.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(server.oneTimePassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await takeSecondStep(page, server.email);

    // The one-time password must be replaced before anything else.
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/change-password');
    await page.goto(`${origin}/users`);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    // The one-time password that was just used to sign in is not asked for again.
    expect(await page.getByRole('textbox', { name: 'One-time password' }).count()).toBe(0);
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('textbox', { name: 'Repeat the new password' }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();

    // The signed-in shell, with the co-ordinator's sections.
    await page.getByRole('heading', { level: 1, name: 'Welcome, Co-ordinator' }).waitFor();
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await navigation.getByRole('link', { name: 'Users' }).waitFor();
    await navigation.getByRole('link', { name: 'Audit log' }).waitFor();
    await expectNoRawCodes(page);

    // French, remembered by the page and announced to assistive technology.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Bienvenue, Co-ordinator' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    const navigationFr = page.getByRole('navigation', { name: 'Navigation principale' });

    // The reference data, with names in French from the API.
    await navigationFr.getByRole('link', { name: 'Pays et structures' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pays et structures de l’OSCE' }).waitFor();
    await page.getByRole('rowheader', { name: 'Allemagne', exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Structures de l’OSCE' }).click();
    await page.getByRole('rowheader', { name: /Bureau des institutions démocratiques et des droits de l’homme/ }).waitFor();
    await expectNoRawCodes(page);

    // User administration and the audit log, in French too.
    await navigationFr.getByRole('link', { name: 'Utilisateurs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utilisateurs' }).waitFor();
    await page.getByRole('table', { name: 'Comptes d’utilisateur' }).getByText(server.email).waitFor();
    await expectNoRawCodes(page);
    // The server's refusal is said in French too: its detail has a key in the catalogue of problems.
    await page.getByRole('button', { name: 'Créer un utilisateur' }).click();
    const creation = page.getByRole('dialog', { name: 'Créer un compte d’utilisateur' });
    await creation.getByRole('textbox', { name: 'Adresse électronique' }).fill(server.email);
    await creation.getByRole('textbox', { name: 'Nom' }).fill('Doublon');
    await creation.getByRole('button', { name: 'Créer un utilisateur' }).click();
    await creation.getByText('Un compte avec cette adresse électronique existe déjà.').first().waitFor();
    expect(await creation.getByText('An account with this email address already exists.').count()).toBe(0);
    await creation.getByRole('button', { name: 'Annuler' }).click();
    await creation.waitFor({ state: 'hidden' });
    await navigationFr.getByRole('link', { name: 'Journal d’audit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Journal d’audit' }).waitFor();
    const log = page.getByRole('table', { name: 'Entrées du journal d’audit' });
    await log.getByText('Changement de son mot de passe', { exact: true }).waitFor();
    // The language chosen was kept in the account, so that it follows the person to other devices.
    await log.getByText('Propre compte modifié', { exact: true }).first().waitFor();
    await expectNoRawCodes(page);

    // Signing out returns to the sign-in page.
    await page.getByRole('button', { name: 'Co-ordinator' }).click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Se connecter' }).waitFor();
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    watcher.expectClean(origin);
    await context.close();
  });
});
