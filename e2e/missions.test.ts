// The co-ordinator composes a fact-finding team, in a real browser against the built platform:
// four experts are nominated through the API, a mission to Greece is drafted in the form, proposed
// and approved; the optimiser proposes a team, one expert is pinned, the team is re-solved and
// confirmed, and the booking shows in the pinned expert's calendar. The page talks to its own
// server only and logs no error.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeJourney, journeyPlatform, signInFirstTime, Watcher } from './browser.js';
import { expectNoRawCodes } from './raw-codes.js';

const NEW_PASSWORD = 'Roving-Mission-2027!x';

/** Chooses an option of a searchable picker by typing part of its name. */
async function pick(page: Page, label: string, typed: string, option: string): Promise<void> {
  const picker = page.getByRole('combobox', { name: label, exact: true });
  await picker.click();
  await picker.fill(typed);
  await page.getByRole('listbox', { name: label, exact: true }).getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

/** Nominates experts through the API from the signed-in page (with its CSRF token). */
async function nominate(page: Page) {
  return page.evaluate(async () => {
    const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
    const structures = (await (await fetch('/api/structures')).json()) as Array<{ code: string; id: string }>;
    const id = (code: string) => structures.find((s) => s.code === code)?.id;
    const experts = [
      {
        name: 'Alma Border',
        organisationId: id('ODIHR'),
        gender: 'female',
        nationalities: ['AT'],
        competences: [{ code: 'border_security', level: 3 }],
        languages: [{ code: 'el', speaking: 'B2', writing: 'B1' }],
      },
      {
        name: 'Bruno Border',
        organisationId: id('HCNM'),
        gender: 'male',
        nationalities: ['IT'],
        competences: [{ code: 'border_security', level: 2 }],
        languages: [],
      },
      {
        name: 'Chiara Speaker',
        organisationId: id('TNTD'),
        gender: 'female',
        nationalities: ['CY'],
        competences: [{ code: 'hate_crime', level: 2 }],
        languages: [{ code: 'el', speaking: 'C2', writing: 'C2' }],
      },
      {
        name: 'Dimitris Local',
        organisationId: id('ODIHR'),
        gender: 'male',
        nationalities: ['GR'],
        competences: [{ code: 'border_security', level: 3 }],
        languages: [{ code: 'el', speaking: 'C2', writing: 'C2' }],
      },
    ];
    const ids: Record<string, string> = {};
    for (const expert of experts) {
      const response = await fetch('/api/roster/experts', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(expert),
      });
      if (response.status !== 201) throw new Error(`nomination failed: ${response.status} ${await response.text()}`);
      ids[expert.name] = ((await response.json()) as { id: string }).id;
    }
    return ids;
  });
}

describeJourney('missions journey', () => {
  const platform = journeyPlatform();

  test('create a mission, compose a team, pin, re-solve, confirm, and see the booking', { timeout: 180_000 }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    const watcher = new Watcher();
    const page = await watcher.page(context);

    await signInFirstTime(page, origin, { ...server, newPassword: NEW_PASSWORD }, { name: 'Missions', exact: true });
    const ids = await nominate(page);

    // Draft the mission in the form.
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await navigation.getByRole('link', { name: 'Missions', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Fact-finding missions' }).waitFor();
    await page.getByRole('button', { name: 'New mission' }).click();
    const form = page.getByRole('form', { name: 'Draft a mission' });
    await form.getByRole('textbox', { name: 'Code', exact: true }).fill('E2E-2027-01');
    await form.getByRole('textbox', { name: 'Title', exact: true }).fill('Eastern Mediterranean islands');
    await pick(page, 'Host countries', 'Gree', 'Greece');
    await form.getByLabel('Starts on').fill('2027-05-04');
    await form.getByLabel('Ends on').fill('2027-05-18');
    await form.getByRole('button', { name: 'Add a competence' }).click();
    await pick(page, 'Competence 1', 'Border', 'Border security and management');
    await form.getByRole('button', { name: 'Add a language' }).click();
    await pick(page, 'Language 1', 'Gree', 'Greek');
    await form.getByRole('combobox', { name: 'Minimum CEFR level 1' }).selectOption('C1');
    await form.getByRole('textbox', { name: 'Smallest team', exact: true }).fill('2');
    await form.getByRole('textbox', { name: 'Largest team', exact: true }).fill('2');
    await form.getByRole('button', { name: 'Create mission' }).click();
    await page.getByRole('heading', { level: 1, name: 'E2E-2027-01 Eastern Mediterranean islands' }).waitFor();
    await page.getByText('Greek, spoken, C1 or above').waitFor();
    await expectNoRawCodes(page);

    // Propose and approve: the buttons are the moves the server allows.
    await page.getByRole('button', { name: 'Propose' }).click();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('link', { name: 'Compose the team' }).click();
    await page.getByRole('heading', { level: 1, name: 'Team composer' }).waitFor();

    // The optimiser's team: the Greek national is left out; balanced: one woman, one man.
    await page.getByRole('button', { name: 'Propose a team' }).click();
    const matrix = page.getByRole('table', { name: 'Who covers which requirement' });
    await matrix.waitFor();
    const members = () => matrix.getByTestId('member').locator('td:first-child').allTextContents();
    await expect.poll(async () => (await members()).length).toBe(2);
    expect((await members()).join(' ')).not.toContain('Dimitris Local');
    expect((await members()).join(' ')).toContain('Chiara Speaker');
    await matrix.getByRole('columnheader', { name: 'Border security and management: experienced or above, 1 expert' }).waitFor();

    // The balanced team takes Bruno; Alma, the more experienced, is offered as his alternative: pin her and re-solve.
    expect((await members()).join(' ')).toContain('Bruno Border');
    await matrix.getByRole('button', { name: 'Pin Alma Border' }).click();
    await page.getByText('1 pinned, 0 excluded').waitFor();
    await page.getByRole('button', { name: 'Re-solve' }).click();
    await expect.poll(async () => (await members()).join(' ')).toContain('Alma Border');
    await expect.poll(async () => (await members()).length).toBe(2);
    await expectNoRawCodes(page);

    // Confirm: the mission shows its team, and the booking is in Alma's calendar.
    if (process.env.E2E_SCREENSHOTS)
      await page.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, 'composer.png'), fullPage: true });
    await page.getByRole('button', { name: 'Confirm this team and book the experts' }).click();
    await page.getByRole('heading', { level: 1, name: 'E2E-2027-01 Eastern Mediterranean islands' }).waitFor();
    await page.getByText('Team confirmed', { exact: true }).first().waitFor();
    // What each member covers, in words (once `competence:border_security`).
    await page.getByText(/Alma Border\s+Border security and management/).waitFor();
    await expectNoRawCodes(page);
    await page.getByRole('link', { name: 'Alma Border' }).click();
    await page.getByRole('heading', { level: 1, name: 'Alma Border' }).waitFor();
    const calendar = page.getByRole('table', { name: 'Calendar: deployments and availability' });
    await calendar.getByTestId('deployment').filter({ hasText: 'E2E-2027-01 Eastern Mediterranean islands' }).waitFor();
    expect(await calendar.getByTestId('deployment').first().textContent()).toContain('2027-05-04');
    await page.getByText('Nationality: Austria').waitFor();
    await expectNoRawCodes(page);
    expect(ids['Alma Border']).toBeTruthy();

    // The portfolio: on the map, in the calendar, and its geographical balance, all drawn in the page.
    await navigation.getByRole('link', { name: 'Missions', exact: true }).click();
    // The list's filters: by host country (a picker of names) and by status, with a sentence when none match.
    const list = page.getByRole('tabpanel', { name: 'List' });
    await pick(page, 'Host country', 'Gree', 'Greece');
    await list.getByRole('link', { name: 'E2E-2027-01' }).waitFor();
    await list.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Cancelled' });
    await list.getByText('No mission matches these filters. Clear a filter to see more.').waitFor();
    await list.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Any status' });
    await list.getByRole('link', { name: 'E2E-2027-01' }).waitFor();
    await page.getByRole('tab', { name: 'Map' }).click();
    await page.getByRole('img', { name: "Map of the missions' host countries" }).locator('circle').first().waitFor();
    await page.getByRole('tab', { name: 'Calendar' }).click();
    await page.getByText(/2027-05-04 – 2027-05-18: E2E-2027-01/).waitFor();
    await expectNoRawCodes(page);
    await navigation.getByRole('link', { name: 'Mission balance' }).click();
    await page.getByRole('heading', { level: 1, name: 'Geographical balance of missions' }).waitFor();
    await page.getByRole('img', { name: 'East and west of Vienna' }).waitFor();
    await page.getByText(/1 mission, 1 visits/).waitFor();
    await expectNoRawCodes(page);
    if (process.env.E2E_SCREENSHOTS)
      await page.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, 'balance.png'), fullPage: true });

    watcher.expectClean(origin);
    await context.close();
  });
});
