// Missions in co-ordination with partners, with the demonstration data (`serve --demo`): the
// co-ordinator adds a partner organisation to an approved mission and sees whom "whom do I call?"
// proposes for its host countries; a report names whom the team met and why people moved; Greece's
// early-warning page shows its role in the flows and the drivers recorded over time.
import { expect, test } from 'vitest';
import { describeJourney, journeyPlatform, signInFirstTime, Watcher } from './browser.js';
import { expectNoRawCodes } from './raw-codes.js';

const PASSWORD = 'Partners-On-The-Ground-2026!';

/** Waits for what the page shows, as long as a loaded machine may need. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 250 });

describeJourney('missions with partners journey', () => {
  const platform = journeyPlatform({ start: { args: ['--demo'] } });

  test('a partner added to a mission, contacts proposed, people met and drivers in the report, the country role', {
    timeout: 300_000,
  }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const watcher = new Watcher();
    const page = await watcher.page(context, 30_000);
    await signInFirstTime(page, origin, { ...server, newPassword: PASSWORD }, { name: 'Missions', exact: true });

    // The approved mission to the Eastern Mediterranean islands has no partner yet.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Missions', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Fact-finding missions' }).waitFor();
    await page.getByRole('link', { name: 'RFFM-2027-01', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'RFFM-2027-01 Eastern Mediterranean: the islands' }).waitFor();
    await page.getByText('No partner organisation yet').waitFor();

    // UNHCR joins for a joint visit, chosen by name.
    const organisation = page.getByRole('combobox', { name: 'Organisation' });
    await organisation.click();
    await organisation.fill('UNHCR');
    await page
      .getByRole('option', { name: /^UNHCR – / })
      .first()
      .click();
    await page.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Joint visit' });
    await page.getByRole('textbox', { name: 'Note' }).fill('Visits Lesvos and Samos with the team.');
    await page.getByRole('button', { name: 'Add partner' }).click();
    const partners = page.getByRole('table', { name: 'Partners on the ground' });
    await partners.getByRole('cell', { name: 'Joint visit' }).waitFor();
    await partners.getByText('Visits Lesvos and Samos with the team.').waitFor();
    await expect(page.getByText('No partner organisation yet').count()).resolves.toBe(0);

    // "Whom do I call?" proposes people for Greece and Cyprus and the mission's competences.
    await page.getByRole('heading', { level: 3, name: 'Proposed contacts' }).waitFor();
    await poll(async () => (await page.getByText('Nobody in the directory matches').count()) === 0).toBe(true);
    await expectNoRawCodes(page);

    // The partner is kept: the page read again shows it.
    await page.reload();
    await page.getByRole('table', { name: 'Partners on the ground' }).getByRole('cell', { name: 'Joint visit' }).waitFor();

    // The report of the Idomeni mission names the drivers of displacement and whom the team met.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Mission reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mission reports' }).waitFor();
    await page.getByRole('link', { name: 'RFFM-2016-01 Western Balkans route: Idomeni and Gevgelija' }).click();
    await page.getByRole('heading', { level: 1, name: 'Report of mission RFFM-2016-01' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Drivers of displacement' }).waitFor();
    const met = page.getByRole('table', { name: 'People met' });
    await met.getByRole('cell', { name: 'Head of the Idomeni field office' }).waitFor();
    await met.getByRole('cell', { name: 'Mayor of Paionia' }).waitFor();
    await expectNoRawCodes(page);

    // Greece: its role in the flows each year, and the drivers its reports and alerts named.
    await page.goto(`${origin}/warning/countries/GR`);
    await page.getByRole('heading', { level: 1, name: 'Greece' }).waitFor();
    const roles = page.getByRole('table', { name: 'Role in the flows' });
    await roles.waitFor();
    expect(await roles.getByText(/^(Origin|Transit|Destination)$/).count()).toBeGreaterThan(0);
    const drivers = page.getByRole('table', { name: 'Drivers of displacement over time' });
    await drivers.waitFor();
    expect(await drivers.getByRole('row').count()).toBeGreaterThan(1);

    watcher.expectClean(origin);
    await context.close();
  });
});
