// The co-ordinator's solidarity day, in a real browser against the built platform: open the 2015
// EU relocation key, change its weights and see the shares move, record a pledge and a relocation
// for Austria, and see both in the fulfilment table. The page talks to its own server only.
import path from 'node:path';
import type { ConsoleMessage, Locator } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeJourney, journeyPlatform, sessionCheck, signInFirstTime, Watcher } from './browser.js';
import { expectNoRawCodes } from './raw-codes.js';

const NEW_PASSWORD = 'Relocation-Key-2015!x';

/**
 * The browser logs every 4xx it receives. Two are expected: the session check of a signed-out
 * visitor (401), and the live recomputation while one weight has been changed and the other not
 * yet, when the weights do not sum to 1 and the server refuses the key (400), which the page shows.
 */
function expectedNoise(message: ConsoleMessage): boolean {
  if (sessionCheck(message)) return true;
  return message.text().includes('status of 400') && message.location().url.endsWith('/api/solidarity/compute');
}

/** Chooses a State in a searchable picker by typing part of its name, as a person would. */
async function chooseState(dialog: Locator, label: string, name: string) {
  const picker = dialog.getByRole('combobox', { name: label });
  await picker.click();
  await picker.fill(name.slice(0, 4));
  await dialog.page().getByRole('option', { name, exact: true }).click();
  await expect.poll(() => picker.inputValue()).toBe(name);
}

describeJourney('solidarity journey', () => {
  const platform = journeyPlatform();

  test('key weights move the shares; a pledge and a relocation show in fulfilment', { timeout: 180_000 }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    const watcher = new Watcher(expectedNoise);
    const page = await watcher.page(context, 15_000);

    await signInFirstTime(page, origin, { ...server, newPassword: NEW_PASSWORD }, { name: 'Solidarity' });
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });

    // The 2015 key: the 40,000 shared among the States other than Italy and Greece, its
    // beneficiaries, which are shown as such with nothing allocated; its sources are named.
    await navigation.getByRole('link', { name: 'Solidarity' }).click();
    await page.getByRole('heading', { level: 1, name: 'Distribution keys' }).waitFor();
    await page.getByRole('link', { name: /EU relocation key, May 2015/ }).click();
    await page.getByRole('heading', { level: 1, name: /EU relocation key, May 2015/ }).waitFor();
    await page.getByRole('img', { name: /Bar chart of each State's share/ }).waitFor();
    const shares = page.getByRole('table', { name: 'Shares, allocations and the contribution of each criterion' });
    const germany = shares
      .getByRole('row', { name: /^Germany/ })
      .getByRole('cell')
      .first();
    await expect.poll(() => germany.textContent()).toBe('22.10 %');
    await expectNoRawCodes(page);
    const italy = shares.getByRole('row', { name: /^Italy/ });
    await italy.getByText('(beneficiary: receives nothing)').waitFor();
    expect(await italy.getByRole('cell').nth(1).textContent()).toBe('0');
    await page
      .getByTestId('key-sources')
      .getByText(/COM\(2015\) 240/)
      .waitFor();
    await page.getByText(/largest deviation is Spain's/).waitFor();
    if (process.env.E2E_SCREENSHOTS)
      await page.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, 'key.png'), fullPage: true });

    // More weight on population, less on GDP: Germany's share moves, and the key still sums.
    await page.getByRole('textbox', { name: 'Weight of Population (1 January 2014)' }).fill('0.5');
    await page.getByRole('textbox', { name: 'Weight of GDP 2014 (million EUR)' }).fill('0.3');
    await page.getByRole('status').getByText('The weights sum to 1.').waitFor();
    await expect.poll(() => germany.textContent(), { timeout: 10_000 }).toBe('21.25 %');

    // The September 2015 key reproduces the Commission's 120,000: Germany 31,443 published.
    await navigation.getByRole('link', { name: 'Solidarity' }).click();
    await page.getByRole('link', { name: 'EU relocation key, September 2015 (COM(2015) 450 and 451)' }).click();
    await page.getByRole('heading', { level: 1, name: /COM\(2015\) 450 and 451/ }).waitFor();
    const september = page
      .getByRole('table', { name: 'Shares, allocations and the contribution of each criterion' })
      .getByRole('row', { name: /^Germany/ })
      .getByRole('cell')
      .nth(1);
    await expect.poll(() => september.textContent()).toBe('31,599');
    await page.getByText(/within 1\.6 %; the largest deviation is Poland's/).waitFor();

    // States added as a group: the participating States that hosted refugees in 2022, from the
    // UNHCR figures early warning holds, those already in the key left out.
    const session = await (await page.request.get(`${origin}/api/auth/session`)).json();
    const imported = await page.request.post(`${origin}/api/warning/imports`, {
      headers: { 'x-csrf-token': session.csrfToken, 'content-type': 'text/csv' },
      data: 'indicator,country,period,value\n#indicator+code,#country+code,#date,#value\nrefugees_hosted,DE,2022,2000000\nrefugees_hosted,TR,2022,3500000\n',
    });
    expect(imported.status()).toBe(200);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /COM\(2015\) 450 and 451/ }).waitFor();
    for (const [label, option] of [
      ['Add a group: countries of', 'destination'],
      ['In the year', '2022'],
    ]) {
      await page.getByRole('combobox', { name: label, exact: true }).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    }
    await page.getByRole('button', { name: 'Add 1 State' }).click();
    await page.getByRole('status').getByText('1 State added.').waitFor();
    await page
      .getByRole('table', { name: 'Values of each State by criterion' })
      .getByRole('rowheader', { name: 'Türkiye' })
      .waitFor();

    // A pledge of relocation places for Austria, then a relocation against it.
    await navigation.getByRole('link', { name: 'Pledge ledger' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pledge ledger' }).waitFor();
    await page.getByRole('button', { name: 'Record a pledge' }).click();
    const pledgeDialog = page.getByRole('dialog', { name: 'Record a pledge' });
    await chooseState(pledgeDialog, 'State', 'Austria');
    await pledgeDialog.getByRole('textbox', { name: 'Quantity' }).fill('1953');
    await chooseState(pledgeDialog, 'For', 'Greece');
    await pledgeDialog.getByRole('button', { name: 'Record a pledge' }).click();
    await pledgeDialog.waitFor({ state: 'detached' });
    const pledges = page.getByRole('table', { name: 'Pledges' });
    await pledges.getByRole('row', { name: /^Austria Relocation places 1,953/ }).waitFor();

    await page.getByRole('button', { name: 'Record a relocation' }).click();
    const relocationDialog = page.getByRole('dialog', { name: 'Record a relocation' });
    await chooseState(relocationDialog, 'Receiving State', 'Austria');
    await chooseState(relocationDialog, 'From', 'Greece');
    await relocationDialog.getByRole('textbox', { name: 'Persons' }).fill('40');
    await relocationDialog.getByRole('combobox', { name: 'Against pledge' }).selectOption({ index: 1 });
    await relocationDialog.getByRole('button', { name: 'Record a relocation' }).click();
    await relocationDialog.waitFor({ state: 'detached' });
    await page
      .getByRole('table', { name: 'Relocations' })
      .getByRole('row', { name: /^Austria Greece .* 40/ })
      .waitFor();
    await expectNoRawCodes(page);

    // Fulfilment: Austria has pledged 1,953 places and relocated 40 persons, 2.0 % of the pledge.
    await page.getByRole('link', { name: 'Fulfilment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fulfilment' }).waitFor();
    const austria = page.getByRole('table', { name: 'Fulfilment per State' }).getByRole('row', { name: /^Austria/ });
    await expect
      .poll(() => austria.getByRole('cell').allTextContents())
      .toEqual(expect.arrayContaining(['1,953', '40', '2.0 %']));
    await page.getByRole('img', { name: /Bar chart per State of fair share/ }).waitFor();
    await expectNoRawCodes(page);
    if (process.env.E2E_SCREENSHOTS)
      await page.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, 'fulfilment.png'), fullPage: true });

    watcher.expectClean(origin);
    await context.close();
  });
});
