// The co-ordinator keeps a scheduled data feed in a real browser against the built platform: opens
// the jobs page from the navigation, finds no feed yet, adds one pointing at a source the test
// serves (UNHCR's published sea-arrivals table), is told on the field when the address is not a
// web address, runs the feed now and sees the import batch it created with its row counts.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeJourney, journeyPlatform, REPOSITORY, sessionCheck, signInFirstTime, Watcher } from './browser.js';
import { expectNoRawCodes } from './raw-codes.js';

const PASSWORD = 'Data-Feeds-2027!x';
const FEED = 'Mediterranean sea arrivals';
/** UNHCR's Mediterranean sea arrivals by country and year, as published: 41 rows, one value each. */
const SEA_ARRIVALS = zlib.gunzipSync(
  fs.readFileSync(`${REPOSITORY}/src/server/warning/data/unhcr_sea_arrivals_by_country_year_2014_2022.csv.gz`),
);

describeJourney('data feeds journey', () => {
  const platform = journeyPlatform();
  let source: http.Server;
  let sourceUrl = '';
  const served: string[] = [];
  beforeAll(async () => {
    source = http.createServer((request, response) => {
      served.push(request.url ?? '');
      if ((request.url ?? '').startsWith('/sea-arrivals.csv'))
        response.writeHead(200, { 'content-type': 'text/csv' }).end(SEA_ARRIVALS);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    sourceUrl = `http://127.0.0.1:${(source.address() as AddressInfo).port}/sea-arrivals.csv?token=journey`;
  });
  afterAll(async () => {
    source?.closeAllConnections();
    await new Promise((resolve) => source?.close(resolve));
  });

  test('the co-ordinator adds a feed on the jobs page, runs it now and sees the batch it imported', {
    timeout: 180_000,
  }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    // The refused address is answered 400 on purpose; the browser logs that as an error.
    const watcher = new Watcher(
      (message) =>
        sessionCheck(message) ||
        (message.text().includes('status of 400') && message.location().url.endsWith('/api/warning/feeds')),
    );
    const page = await watcher.page(await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' }));
    await signInFirstTime(page, origin, { ...server, newPassword: PASSWORD }, { name: 'Scheduled jobs', exact: true });

    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Scheduled jobs', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Scheduled jobs' }).waitFor();
    // The job that runs the feeds is named in words among the others.
    await page
      .getByRole('table', { name: 'Scheduled jobs' })
      .getByRole('rowheader', { name: 'Run the data feeds that are due' })
      .waitFor();
    const feeds = page.getByRole('region', { name: 'Data feeds' });
    await feeds.getByText('No data feed yet.', { exact: false }).waitFor();

    await feeds.getByRole('button', { name: 'Add a data feed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a data feed' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(FEED);
    const address = dialog.getByRole('textbox', { name: /Address/ });
    await address.fill('ftp://example.org/sea-arrivals.csv');
    await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'Sea arrivals by year' });
    // Run by hand only in this journey: the schedule must not take the first run.
    await dialog.getByRole('switch', { name: 'Run on its schedule' }).uncheck();
    await dialog.getByRole('button', { name: 'Save the feed' }).click();
    // The refusal is said on the field it concerns.
    await expect.poll(() => address.getAttribute('aria-invalid')).toBe('true');
    await dialog.getByText('The address must begin with http:// or https://.').waitFor();
    await address.fill(sourceUrl);
    await dialog.getByRole('button', { name: 'Save the feed' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const table = feeds.getByRole('table', { name: 'Data feeds' });
    const row = table.getByRole('row', { name: new RegExp(FEED) });
    await row.getByRole('rowheader', { name: new RegExp(FEED) }).waitFor();
    await row.getByText('Sea arrivals by year').waitFor();
    await row.getByText('Never run yet').waitFor();
    await row.getByText('No import yet').waitFor();
    expect(served).toEqual([]);

    await row.getByRole('button', { name: `Run now: ${FEED}` }).click();
    const result = feeds.getByRole('status').filter({ hasText: 'It ran and imported new data:' });
    await result.waitFor();
    await result.getByText(/Import no\. \d+/).waitFor();
    await result.getByText('41 rows read: 41 new, 0 corrected, 0 unchanged').waitFor();
    expect(served).toEqual(['/sea-arrivals.csv?token=journey']);
    // The feed's row shows the same run and the batch it made.
    await row.getByText('Imported', { exact: true }).waitFor();
    await row.getByText('41 rows read: 41 new, 0 corrected, 0 unchanged').waitFor();
    await expect(row.locator('time').count()).resolves.toBeGreaterThanOrEqual(2);

    // Run again: the same file brings nothing new, and no new batch.
    await row.getByRole('button', { name: `Run now: ${FEED}` }).click();
    await feeds.getByRole('status').filter({ hasText: 'the data has not changed since the last import' }).waitFor();
    await row.getByText('Nothing new', { exact: true }).waitFor();

    await expectNoRawCodes(page);
    watcher.expectClean(origin);
  });
});
