// Keyboard only, in a real browser against the built platform: a visitor asks "whom do I call?"
// without a mouse, moving with Tab and Shift+Tab, choosing by typing, and pressing Enter. Focus
// lands on the new page's heading after a page change.
import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { apiSignInFirstTime, describeJourney, journeyPlatform, Watcher } from './browser.js';

const PASSWORD = 'Keyboard-Journey-2026!x';

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

describeJourney('keyboard-only journey', () => {
  const platform = journeyPlatform({
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
});
