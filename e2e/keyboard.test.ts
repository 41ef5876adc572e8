// Keyboard only, in a real browser against the built platform: a visitor asks "whom do I call?" and
// reports a hate incident without a mouse, moving with Tab and Shift+Tab, choosing with the arrow
// keys, Space and Enter, and typing. Focus lands on the new page's heading after a page change and
// on the first refused field after a refused submit.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { apiSignInFirstTime, describeJourney, journeyPlatform, REPOSITORY, Watcher } from './browser.js';

const PASSWORD = 'Keyboard-Journey-2026!x';
const PASSPHRASE = 'keyboard journey passphrase for the organisation key';

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

/** Opens a list box with the arrow key, moves down to `option` and chooses it with Enter. */
async function chooseWithArrows(page: Page, box: Locator, option: string): Promise<void> {
  await tabTo(page, box);
  await page.keyboard.press('ArrowDown');
  const wanted = page.getByRole('option', { name: option, exact: true });
  await wanted.waitFor();
  for (let step = 0; step < 60; step += 1) {
    if ((await wanted.getAttribute('data-combobox-selected')) !== null) {
      await page.keyboard.press('Enter');
      await expect.poll(() => box.inputValue()).toBe(option);
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`The arrow keys never reached the option ${option}`);
}

describeJourney('keyboard-only journey', () => {
  const platform = journeyPlatform({
    start: {
      env: { INCIDENT_MIN_FILL_SECONDS: '1' },
      // The organisation's key, so that the public form can receive reports.
      prepare: (env) => {
        const output = execFileSync(process.execPath, [path.join(REPOSITORY, 'dist', 'cli', 'main.js'), 'incidents', 'keygen'], {
          env: { ...env, CROSSROADS_INCIDENT_PASSPHRASE: '' },
          input: `${PASSPHRASE}\n`,
          encoding: 'utf8',
        });
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

  test('a hate incident reported with the keyboard only, refused first for a missing field', { timeout: 240_000 }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    const watcher = new Watcher();
    const page = await watcher.page(await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' }));

    await page.goto(`${origin}/incidents/report`);
    await page.getByRole('heading', { level: 1, name: 'Report a hate incident' }).waitFor();
    const date = page.getByLabel('Date of the incident');
    await tabTo(page, date);
    // Day, month and year, in the order the British English date field shows them.
    await page.keyboard.type('14062025');
    await expect.poll(() => date.inputValue()).toBe('2025-06-14');
    const country = page.getByRole('combobox', { name: 'Country' });
    await tabTo(page, country);
    await page.keyboard.type('Gree');
    await page.getByRole('option', { name: 'Greece', exact: true }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => country.inputValue()).toBe('Greece');
    // The place is left out on purpose: the refusal must bring the focus back to it.
    await chooseWithArrows(page, page.getByRole('combobox', { name: 'Type of incident' }), 'Arson');
    await chooseWithArrows(page, page.getByRole('combobox', { name: 'Property attacked' }), 'Refugee shelter');
    await tabTo(page, page.getByRole('checkbox', { name: 'Refugees', exact: true }));
    await page.keyboard.press('Space');
    await chooseWithArrows(page, page.getByRole('combobox', { name: 'Bias motivation' }), 'Racist and xenophobic');
    await tabTo(page, page.getByRole('textbox', { name: 'Description' }));
    await page.keyboard.type('At night someone set fire to the door of the shelter.');
    await chooseWithArrows(page, page.getByRole('combobox', { name: 'You are reporting as' }), 'Witness');
    await tabTo(page, page.getByRole('button', { name: 'Send the report' }));
    await page.keyboard.press('Enter');

    const place = page.getByRole('textbox', { name: 'Place' });
    await expect.poll(() => place.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => focused(place)).toBe(true);
    await page.keyboard.type('Chios');
    await tabTo(page, page.getByRole('button', { name: 'Send the report' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Thank you: your report has been received' }).waitFor();
    expect((await page.getByTestId('receipt').textContent())?.trim()).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    watcher.expectClean(origin);
  });
});
