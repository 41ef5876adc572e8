// The co-ordinator looks after the platform's scheduled jobs in a real browser against the built
// platform: opens the jobs page from the navigation, finds every job named in words with its last
// run, runs one now behind a confirmation, sees the result and the job's new last run, and finds
// the outbox with its link to the failed emails.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeJourney, journeyPlatform, signInFirstTime, Watcher } from './browser.js';
import { expectNoRawCodes } from './raw-codes.js';

const PASSWORD = 'Scheduled-Jobs-2027!x';
const JOB = 'Remove expired sessions and old sign-in failures';

/** When the job's row says it last started, from the machine-readable time the page shows. */
async function lastStarted(page: Page): Promise<number | undefined> {
  const time = page.getByRole('row', { name: new RegExp(JOB) }).locator('time');
  if ((await time.count()) === 0) return undefined;
  const at = await time.getAttribute('datetime');
  return at ? Date.parse(at) : undefined;
}

describeJourney('scheduled jobs journey', () => {
  const platform = journeyPlatform();

  test('the co-ordinator opens the jobs page, runs a job now and sees its new last run', { timeout: 180_000 }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    const watcher = new Watcher();
    const page = await watcher.page(await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' }));
    await signInFirstTime(page, origin, { ...server, newPassword: PASSWORD }, { name: 'Scheduled jobs', exact: true });

    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Scheduled jobs', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Scheduled jobs' }).waitFor();
    const table = page.getByRole('table', { name: 'Scheduled jobs' });
    await table.waitFor();
    for (const name of [JOB, 'Remove the record of old job runs', 'Send the daily digest emails']) {
      await table.getByRole('rowheader', { name }).waitFor();
    }
    const row = table.getByRole('row', { name: new RegExp(JOB) });
    // The runner runs every job once at start-up: the page shows that run once it is recorded.
    await expect.poll(() => lastStarted(page), { timeout: 30_000, interval: 500 }).toBeGreaterThan(0);
    await expect.poll(() => row.getByText('Succeeded').count(), { timeout: 30_000 }).toBe(1);
    const before = (await lastStarted(page)) ?? 0;
    // The daily digest runs only on its schedule: it has no button.
    await expect(
      table
        .getByRole('row', { name: /Send the daily digest emails/ })
        .getByText('Runs only on its schedule')
        .count(),
    ).resolves.toBe(1);

    await row.getByRole('button', { name: `Run now: ${JOB}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Run this job now?' });
    await dialog.getByText(`“${JOB}” will run once, now, on one server.`, { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Run it now' }).click();
    await page.getByRole('status').filter({ hasText: 'It ran and succeeded in' }).waitFor();
    await expect.poll(() => lastStarted(page), { timeout: 15_000 }).toBeGreaterThan(before);
    await row.getByText('Succeeded').waitFor();

    const outbox = page.getByRole('region', { name: 'Notification outbox' });
    await outbox.getByText('Emails waiting').waitFor();
    await outbox.getByRole('link', { name: 'See and resend the failed emails' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Scheduled jobs' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/notifications/failed');

    await page.goBack();
    await table.waitFor();
    await expectNoRawCodes(page);
    watcher.expectClean(origin);
  });
});
