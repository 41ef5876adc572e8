// Funding and the EU-Turkey 1:1 scheme, in a real browser against the built platform with its
// demonstration data: the co-ordinator imports the published figures of the 1:1 scheme (first a
// file with a bad cell, refused on its row; then part of the series; then all of it) and reads
// returns against resettlements in the chart and its table; then pledges a contribution to a
// follow-up project and finds it in the solidarity ledger beside the other pledges.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConsoleMessage, Locator } from 'playwright-core';
import { expect, test } from 'vitest';
import { ONE_FOR_ONE_PROGRESS_CSV } from '../src/server/solidarity/data/eu-turkey-2016-2018.js';
import { describeJourney, journeyPlatform, sessionCheck, signInFirstTime, Watcher } from './browser.js';
import { expectNoRawCodes } from './raw-codes.js';

const PASSWORD = 'One-For-One-Scheme-2016!';

/** Waits for what the page shows, as long as a loaded machine may need. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 250 });

/** The refused import answers 400, which the browser logs; the page shows it on its row. */
function expectedNoise(message: ConsoleMessage): boolean {
  if (sessionCheck(message)) return true;
  return message.text().includes('status of 400') && message.location().url.includes('/api/solidarity/one-for-one/import');
}

/** Chooses an option of a searchable picker by typing part of its name, as a person would. */
async function choose(scope: Locator, label: string, name: string) {
  const picker = scope.getByRole('combobox', { name: label });
  await picker.click();
  await picker.fill(name.slice(0, 5));
  await scope.page().getByRole('option', { name, exact: true }).click();
  await poll(() => picker.inputValue()).toBe(name);
}

describeJourney('funding and the 1:1 scheme journey', () => {
  const platform = journeyPlatform({ start: { args: ['--demo'] } });
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'one-for-one-'));
  const lines = ONE_FOR_ONE_PROGRESS_CSV.trim().split('\n');
  const write = (name: string, rows: string[]) => {
    const file = path.join(files, name);
    fs.writeFileSync(file, `${rows.join('\n')}\n`);
    return file;
  };

  test('imports the published figures, charts returns against resettlements, and funds a project', {
    timeout: 300_000,
  }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    const watcher = new Watcher(expectedNoise);
    const page = await watcher.page(context, 30_000);
    await signInFirstTime(page, origin, { ...server, newPassword: PASSWORD }, { name: 'Pledge ledger' });

    await page.goto(`${origin}/solidarity/pledges`);
    await page.getByRole('heading', { level: 1, name: 'Pledge ledger' }).waitFor();
    await page.getByRole('link', { name: 'EU–Turkey statement: the 1:1 scheme' }).click();
    await page.getByRole('heading', { level: 1, name: 'EU–Turkey statement: the 1:1 scheme' }).waitFor();

    // A figure that falls is refused on its row and column; nothing is imported.
    const falling = lines.slice(0, 3).map((line, i) => (i === 2 ? line.replace('2672,801', '2672,501') : line));
    await page.locator('input[type="file"]').setInputFiles(write('falling.csv', falling));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const refused = page.getByRole('list', { name: 'Cells refused' });
    await refused.getByText(/^Row 3, column returns_to_turkey_cumulative: .*fewer than the 578/).waitFor();

    // Part of the series: three reports, three months.
    await page.locator('input[type="file"]').setInputFiles(write('to-2017.csv', lines.slice(0, 4)));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').getByText('Imported 3 reports as 3 months: 1,487 returns and 3,565 resettled.').waitFor();
    const table = page.getByRole('table', { name: 'Returns and resettlements per month, with their sources' });
    const total = table.getByRole('row', { name: /^Total/ });
    await poll(() => total.textContent()).toBe('Total1,4873,565');
    expect(await table.getByRole('row', { name: /^March 2018/ }).count()).toBe(0);

    // The whole published table: March 2018 joins, approximate as its source says.
    await page.locator('input[type="file"]').setInputFiles(write('one_for_one_progress.csv', lines));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').getByText('Imported 4 reports as 4 months: 2,200 returns and 12,500 resettled.').waitFor();
    await poll(() => total.textContent()).toBe('Total2,20012,500');
    const march = table.getByRole('row', { name: /^March 2018/ });
    await march.getByText('approximate').waitFor();
    expect(await march.getByRole('cell').nth(0).textContent()).toBe('713');
    expect(await march.getByRole('cell').nth(1).textContent()).toBe('8,935');
    expect(await march.getByRole('cell').nth(2).textContent()).toBe('2017-02-27 – 2018-03-01');
    await page.getByRole('img', { name: 'Returns to Turkey against Syrians resettled from Turkey, per month' }).waitFor();
    // The file's column headers are named as the file spells them, and a source by its web address.
    await expectNoRawCodes(page, {
      allowed: [
        'as_of',
        'syrians_resettled_from_turkey_cumulative',
        'returns_to_turkey_cumulative',
        'source_document',
        'source_url',
        'azil.rs',
      ],
    });

    // A contribution pledged to a project appears on the project and in the ledger.
    await page.goto(`${origin}/solidarity/pledges`);
    const contributions = page.getByRole('table', { name: 'Contributions to follow-up projects' });
    await contributions.getByRole('link', { name: 'Mediators at disembarkation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mediators at disembarkation' }).waitFor();
    const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Record a contribution' }) });
    await choose(form, 'Participating State', 'Sweden');
    await form.getByRole('textbox', { name: 'Amount' }).fill('75000');
    await choose(form, 'Currency', 'Swedish Krona');
    await form.getByRole('textbox', { name: 'Note' }).fill('Sida grant');
    await form.getByRole('button', { name: 'Record the contribution' }).click();
    const onProject = page.getByRole('table', { name: 'Extra-budgetary contributions' });
    const sweden = onProject.getByRole('row', { name: /^Sweden/ });
    await sweden.getByText(/SEK\s75,000\.00/).waitFor();
    await page.getByRole('table', { name: 'Totals per currency' }).getByRole('row', { name: /^SEK/ }).waitFor();

    await page.goto(`${origin}/solidarity/pledges`);
    await contributions.waitFor();
    await page.getByRole('radiogroup', { name: 'Kind of contributor' }).getByText('States').click();
    const row = contributions.getByRole('row', { name: /^Sweden/ });
    await row.getByText(/SEK\s75,000\.00/).waitFor();
    expect(await row.getByRole('cell').nth(0).textContent()).toBe('Mediators at disembarkation');
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('Pledged');
    // States only: the EU's demonstration pledge is filtered out.
    await poll(() => contributions.getByRole('row', { name: /^EU/ }).count()).toBe(0);
    await page.getByRole('table', { name: 'Contributions: totals per currency' }).getByRole('row', { name: /^SEK/ }).waitFor();
    await expectNoRawCodes(page);
    watcher.expectClean(origin);
    await context.close();
  });
});
