// The platform as a new co-ordinator first sees it with the demonstration data (`serve --demo`):
// the alert inbox a page at a time, a filter carried in the address and opened again in a new
// tab, decisions on a whole page of alerts at once; then a short tour of the main pages whose
// screenshots illustrate the README (docs/tour/).
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { describeJourney, journeyPlatform, REPOSITORY, signInFirstTime, Watcher } from './browser.js';

const PASSWORD = 'Demonstration-Tour-2026!';
const TOUR = path.join(REPOSITORY, 'docs', 'tour');

/** Waits for what the page shows, as long as a loaded machine may need. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 250 });

describeJourney('demonstration journey', () => {
  const platform = journeyPlatform({ start: { args: ['--demo'], env: { LOG_LEVEL: 'info' } } });
  const watcher = new Watcher();
  let signedIn: import('playwright-core').BrowserContext | undefined;

  async function context() {
    if (signedIn) return signedIn;
    const { server, browser } = platform();
    const created = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    const page = await watcher.page(created, 30_000);
    await signInFirstTime(page, server.origin, { ...server, newPassword: PASSWORD }, { name: 'Alert inbox' });
    await page.close();
    signedIn = created;
    return created;
  }

  test('the inbox pages through the alerts, keeps its filters in the address and decides on a page at once', {
    timeout: 240_000,
  }, async () => {
    const { origin } = platform().server;
    const page = await watcher.page(await context(), 30_000);
    await page.goto(`${origin}/warning/alerts`);
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    const pager = page.getByRole('navigation', { name: 'Pages of alerts' });
    const showing = pager.getByRole('status');
    await poll(() => showing.textContent()).toMatch(/^Showing 1–50 of \d+$/);
    const total = Number(/of (\d+)/.exec((await showing.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(50);
    expect(await page.locator('[data-alert]').count()).toBe(50);

    // The next page, in the address.
    const first = await page.locator('[data-alert]').first().getAttribute('data-alert');
    await pager.getByRole('button', { name: 'Next page' }).click();
    await poll(() => showing.textContent()).toBe(`Showing 51–100 of ${total}`);
    expect(new URL(page.url()).searchParams.get('offset')).toBe('50');
    expect(await page.locator('[data-alert]').first().getAttribute('data-alert')).not.toBe(first);

    // Grouped by country; one country chosen from the groups narrows the list and the address.
    await page.getByRole('switch', { name: 'Group by country' }).check({ force: true });
    const groups = page.getByRole('table', { name: 'Alerts by country' });
    await groups.waitFor();
    const firstGroup = groups.getByRole('row').nth(1);
    const countryName = (await firstGroup.getByRole('link').textContent()) ?? '';
    const countryCount = Number(await firstGroup.getByRole('cell').nth(1).textContent());
    await firstGroup.getByRole('link').click();
    await poll(() => new URL(page.url()).searchParams.get('country')).toMatch(/^[A-Z]{2}$/);
    const country = new URL(page.url()).searchParams.get('country') as string;
    await poll(() => showing.textContent()).toBe(`Showing 1–${Math.min(50, countryCount)} of ${countryCount}`);
    expect(await page.getByRole('combobox', { name: 'Country' }).inputValue()).toBe(countryName);
    const countries = await page.locator('[data-alert]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-country')));
    expect(new Set(countries)).toEqual(new Set([country]));

    // The same address in a new tab shows the same view: it can be shared.
    const shared = await watcher.page(await context(), 30_000);
    await shared.goto(page.url());
    await poll(() => shared.getByRole('navigation', { name: 'Pages of alerts' }).getByRole('status').textContent()).toBe(
      `Showing 1–${Math.min(50, countryCount)} of ${countryCount}`,
    );
    expect(await shared.locator('[data-alert]').first().getAttribute('data-alert')).toBe(
      await page.locator('[data-alert]').first().getAttribute('data-alert'),
    );
    await shared.close();

    // Every alert of the page acknowledged at once, with one note.
    const onPage = await page.locator('[data-alert]').count();
    await page.getByRole('checkbox', { name: 'Select every alert on this page' }).check();
    await page.getByRole('textbox', { name: 'Note for the selected alerts' }).fill('Reviewed with the country desk.');
    await page.getByRole('button', { name: `Acknowledge selected (${onPage})` }).click();
    await page.getByText(`${onPage} alerts decided; 0 already decided by someone else.`).waitFor();
    const left = countryCount - onPage;
    if (left === 0) await page.getByText('No alerts match these filters.').waitFor();
    else await poll(() => showing.textContent()).toBe(`Showing 1–${Math.min(50, left)} of ${left}`);
    await page.goto(`${origin}/warning/alerts?status=acknowledged&country=${country}`);
    await poll(() => page.locator('[data-alert][data-status="acknowledged"]').count()).toBe(Math.min(50, onPage));
    await page.close();
  });

  test('a short tour of the pages, photographed for the README', { timeout: 240_000 }, async () => {
    const { origin } = platform().server;
    fs.mkdirSync(TOUR, { recursive: true });
    const page = await watcher.page(await context(), 30_000);
    await page.setViewportSize({ width: 1100, height: 700 });
    const stops: Array<{ file: string; url: string; heading: RegExp; ready?: string }> = [
      { file: '1-home.png', url: '/', heading: /./ },
      { file: '2-directory.png', url: '/directory', heading: /./ },
      { file: '3-risk-map.png', url: '/warning', heading: /Early warning/, ready: 'path[data-country]' },
      { file: '4-alerts.png', url: '/warning/alerts', heading: /Alerts/, ready: '[data-alert]' },
      { file: '5-missions.png', url: '/missions', heading: /./ },
      { file: '6-incident-statistics.png', url: '/incidents/statistics', heading: /./ },
      { file: '7-solidarity.png', url: '/solidarity', heading: /./ },
    ];
    for (const stop of stops) {
      await page.goto(`${origin}${stop.url}`);
      await page.getByRole('heading', { level: 1, name: stop.heading }).first().waitFor();
      if (stop.ready) await page.locator(stop.ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: path.join(TOUR, stop.file), type: 'png' });
      expect(fs.statSync(path.join(TOUR, stop.file)).size).toBeLessThan(400_000);
    }
    await page.close();
    watcher.expectClean(origin);
  });
});
