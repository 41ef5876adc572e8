// The first co-ordinator's first day, in a real browser against the built platform: sign in with the
// printed one-time password, choose a password, switch to French, consult the reference data, look at
// the users and the audit log, and sign out. Throughout, the page talks to its own server only and
// logs no error (a CSP violation would show as one).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type ConsoleMessage, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningServer, startServer } from './server.js';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(executablePath);
const required = process.env.REQUIRE_E2E === '1';

if (!hasChromium && !required) {
  console.warn(
    `Browser journey skipped: no Chromium at ${executablePath} (set CHROMIUM_PATH; REQUIRE_E2E=1 makes this a failure).`,
  );
}

const NEW_PASSWORD = 'Danube-Bridge-2026!x';

/** A visitor's first look at the session is answered 401 by design; the browser logs that as an error. */
function expectedNoise(message: ConsoleMessage): boolean {
  return message.text().includes('status of 401') && message.location().url.endsWith('/api/auth/session');
}

// Declared as a test so that the missing browser counts as a failed test, not as a skipped one.
if (!hasChromium && required) {
  test('Chromium is available for the browser journey', () => {
    throw new Error(`REQUIRE_E2E=1 but there is no Chromium at ${executablePath}. Install it or set CHROMIUM_PATH.`);
  });
}

describe.skipIf(!hasChromium)('browser journey', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  // A failure to build or start is reported by the test, so that it counts as a failure.
  let setupError: unknown;

  beforeAll(async () => {
    try {
      const built = ['dist/cli/main.js', 'dist/web/index.html'].every((file) => fs.existsSync(path.join(repository, file)));
      if (!built) execFileSync('npm', ['run', 'build'], { cwd: repository, stdio: 'inherit' });
      server = await startServer(repository);
      browser = await chromium.launch({
        executablePath,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
    } catch (error) {
      setupError = error;
    }
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 30_000);

  test('first sign-in, password change, French reference data and sign-out', { timeout: 180_000 }, async () => {
    if (setupError) throw setupError;
    if (!server || !browser) throw new Error('The server or the browser did not start.');
    const { origin } = server;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' && !expectedNoise(message)) errors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));

    // A visitor sees the public welcome and signs in with the printed one-time password.
    await page.goto(`${origin}/`);
    await page.getByRole('heading', { level: 1, name: 'Welcome to Crossroads' }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    // By role and accessible name: a required field's label also holds a decorative asterisk.
    await page.getByRole('textbox', { name: 'Email' }).fill(server.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(server.oneTimePassword);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // The one-time password must be replaced before anything else.
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/change-password');
    await page.goto(`${origin}/users`);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await page.getByRole('textbox', { name: 'One-time password' }).fill(server.oneTimePassword);
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('textbox', { name: 'Repeat the new password' }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();

    // The signed-in shell, with the co-ordinator's sections.
    await page.getByRole('heading', { level: 1, name: 'Welcome, Co-ordinator' }).waitFor();
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await navigation.getByRole('link', { name: 'Users' }).waitFor();
    await navigation.getByRole('link', { name: 'Audit log' }).waitFor();

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

    // User administration and the audit log, in French too.
    await navigationFr.getByRole('link', { name: 'Utilisateurs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utilisateurs' }).waitFor();
    await page.getByRole('table', { name: 'Comptes d’utilisateur' }).getByText(server.email).waitFor();
    await navigationFr.getByRole('link', { name: 'Journal d’audit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Journal d’audit' }).waitFor();
    await page.getByRole('table', { name: 'Entrées du journal d’audit' }).getByText('auth.change_password').waitFor();
    // The language chosen was kept in the account, so that it follows the person to other devices.
    await page.getByRole('table', { name: 'Entrées du journal d’audit' }).getByText('auth.update_account').first().waitFor();

    // Signing out returns to the sign-in page.
    await page.getByRole('button', { name: 'Co-ordinator' }).click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Se connecter' }).waitFor();
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    const foreign = requests.filter((url) => /^https?:/.test(url) && new URL(url).origin !== origin);
    expect(foreign, 'requests to another host').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
    await context.close();
  });
});
