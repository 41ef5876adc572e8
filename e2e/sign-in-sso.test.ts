// Single sign-on in the browser: the platform starts with its provider set to a real OpenID Connect
// provider run by the test; a person with no Crossroads account clicks "Sign in with OSCE", signs
// in on the provider's own page, and comes back signed in to a new account without roles; a
// staff member's password sign-in is refused with the reason.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestProvider, type TestProvider } from '../src/server/test-support/oidc/provider.js';
import { describeJourney, journeyPlatform, Watcher } from './browser.js';

describeJourney('single sign-on journey', () => {
  let provider: TestProvider | undefined;
  // Registered before the platform's: the provider listens first, so that the platform starts knowing its issuer;
  // the provider learns the platform's address when the platform's port is chosen.
  beforeAll(async () => {
    provider = await startTestProvider();
    provider.accounts.set('nadia', { email: 'nadia.new@osce.example', emailVerified: true, name: 'Nadia New' });
  });
  afterAll(() => provider?.close());
  const platform = journeyPlatform({
    start: {
      prepare: (env) => {
        if (!provider) throw new Error('The provider did not start.');
        const origin = `http://127.0.0.1:${env.PORT}`;
        provider.register([`${origin}/api/auth/oidc/callback`]);
        Object.assign(env, {
          PUBLIC_URL: origin,
          OIDC_ISSUER: provider.issuer,
          OIDC_CLIENT_ID: provider.clientId,
          OIDC_CLIENT_SECRET: provider.clientSecret,
          OIDC_NAME: 'OSCE',
          OIDC_STAFF_DOMAINS: 'osce.example',
        });
      },
    },
  });

  test('a new person signs in through the organisation’s provider', { timeout: 180_000 }, async () => {
    const { server, browser } = platform();
    if (!provider) throw new Error('The provider did not start.');
    const watcher = new Watcher();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    // The provider's own development page asks Google for its font; it is the provider's page, not the platform's.
    await context.route('https://fonts.googleapis.com/**', (route) => route.abort());
    const page = await watcher.page(context, 30_000);

    // Staff cannot use a password: the page says why.
    await page.goto(`${server.origin}/sign-in`);
    await page.getByRole('textbox', { name: 'Email' }).fill('nadia.new@osce.example');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('Any-Password-2026!');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Staff sign in with the organisation’s single sign-on, not with a password.').waitFor();

    await page.getByRole('link', { name: 'Sign in with OSCE' }).click();
    await page.getByPlaceholder('Enter any login').fill('nadia');
    await page.getByPlaceholder('and password').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();

    await page
      .getByRole('button', { name: /Nadia New|nadia\.new@osce\.example/ })
      .first()
      .waitFor();
    expect(new URL(page.url()).origin).toBe(server.origin);

    // The page talked to the platform and, for the sign-in only, to the provider.
    const foreign = watcher.requests
      .filter((url) => !url.startsWith('https://fonts.googleapis.com/'))
      .filter((url) => /^https?:/.test(url) && ![server.origin, provider?.issuer].includes(new URL(url).origin));
    expect(foreign).toEqual([]);
    await context.close();
  });
});
