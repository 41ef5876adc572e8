// An analyst's early-warning journey in a real browser against the built platform: the first
// co-ordinator creates an analyst account; the analyst signs in, sets a rule, imports a file with
// HXL hashtags and sees the alert fire on the risk map; opens the country, sees the series with the
// alert marked, and acknowledges it. Throughout, the page talks to its own server only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { describeJourney, journeyPlatform, signInFirstTime, Watcher } from './browser.js';
import { expectNoRawCodes } from './raw-codes.js';

const COORDINATOR_PASSWORD = 'Early-Warning-2026!x';
const ANALYST_PASSWORD = 'Sea-Arrivals-2026!x';
const ANALYST_EMAIL = 'ana.analyst@example.org';

const FILE = [
  'indicator,country,year,value',
  '#indicator+code,#country+code,#date,#value',
  'sea_arrivals,GR,2025,9000',
  'sea_arrivals,GR,2026,12500',
  'sea_arrivals,IT,2026,3100',
].join('\n');

describeJourney('early-warning journey', () => {
  const platform = journeyPlatform();

  test('an analyst imports a file, sees the alert on the map and in the chart, and acknowledges it', {
    timeout: 180_000,
  }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    const watcher = new Watcher();
    const landmark = { name: 'Early warning' };

    // The co-ordinator creates the analyst's account.
    const coordinatorContext = await browser.newContext({ locale: 'en-GB' });
    const coordinator = await watcher.page(coordinatorContext, 15_000);
    await signInFirstTime(coordinator, origin, { ...server, newPassword: COORDINATOR_PASSWORD }, landmark);
    const session = await (await coordinator.request.get(`${origin}/api/auth/session`)).json();
    const created = await coordinator.request.post(`${origin}/api/users`, {
      headers: { 'x-csrf-token': session.csrfToken },
      data: { email: ANALYST_EMAIL, name: 'Ana Analyst', grants: [{ role: 'analyst', scopeType: 'global' }] },
    });
    expect(created.status()).toBe(201);
    const { oneTimePassword } = await created.json();
    await coordinatorContext.close();

    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    const page = await watcher.page(context, 15_000);
    await signInFirstTime(page, origin, { email: ANALYST_EMAIL, oneTimePassword, newPassword: ANALYST_PASSWORD }, landmark);
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });

    // A rule first, then the file that makes it fire.
    await navigation.getByRole('link', { name: 'Data and rules' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indicator data and rules' }).waitFor();
    await page.getByRole('combobox', { name: 'Indicator', exact: true }).selectOption('sea_arrivals');
    await page.getByRole('combobox', { name: 'Kind' }).selectOption('change_year');
    await page.getByRole('textbox', { name: 'Threshold' }).fill('25');
    await page.getByRole('combobox', { name: 'Level' }).selectOption('red');
    await page.getByRole('textbox', { name: 'Name' }).fill('Sea arrivals up by a quarter');
    await page.getByRole('button', { name: 'Create rule' }).click();
    await page
      .getByRole('table', { name: 'Rules' })
      .getByRole('row', { name: /Sea arrivals up by a quarter/ })
      .waitFor();
    // Its minimum base set in place: changes on fewer than 10,000 arrivals will not fire it.
    const base = page.getByRole('textbox', { name: 'Minimum base of “Sea arrivals up by a quarter”' });
    await base.fill('10000');
    await base.press('Enter');
    await page.getByRole('table', { name: 'Rules' }).getByRole('status').getByText('✓').waitFor();
    const rules = (await (await page.request.get(`${origin}/api/warning/rules`)).json()) as Array<{
      name: string;
      minimumBase: number | null;
    }>;
    expect(rules.find((r) => r.name === 'Sea arrivals up by a quarter')?.minimumBase).toBe(10000);
    await expectNoRawCodes(page);

    // The indicator catalogue is kept in the page: the source of sea arrivals corrected.
    await page.getByRole('button', { name: 'Edit Sea arrivals', exact: true }).click();
    const indicator = page.getByRole('form', { name: 'Edit Sea arrivals' });
    await indicator.getByRole('textbox', { name: 'Source' }).fill('UNHCR Operational Data Portal, checked by the analyst');
    await indicator.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('table', { name: 'Indicator catalogue' })
      .getByRole('row', { name: /^Sea arrivals .*checked by the analyst/ })
      .waitFor();

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-warning-')), 'arrivals.csv');
    fs.writeFileSync(file, FILE);
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const report = page.getByTestId('import-report');
    await report.getByText('Imported').waitFor();
    await expect.poll(() => report.textContent()).toContain('3 new, 0 corrected, 0 unchanged; 0 rows skipped; 1 alerts fired');

    // The map colours Greece: one red alert is 30 points, a yellow risk.
    await navigation.getByRole('link', { name: 'Early warning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Early warning: country risk' }).waitFor();
    const greece = page.locator('path[data-country="GR"]');
    await expect.poll(() => greece.getAttribute('data-level')).toBe('yellow');
    expect(await page.locator('path[data-country="IT"]').getAttribute('data-level')).toBeNull();
    await page
      .getByRole('table', { name: 'Risk score by country' })
      .getByRole('row', { name: /^Greece 30 Yellow 30/ })
      .waitFor();
    await expectNoRawCodes(page);
    if (process.env.E2E_SCREENSHOTS)
      await page.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, 'warning-map.png'), fullPage: true });
    await page.getByRole('link', { name: /^Greece: 30/ }).click();

    // The country: its chart carries the alert, the alert explains itself and is acknowledged.
    await page.getByRole('heading', { level: 1, name: 'Greece' }).waitFor();
    await page.getByTestId('risk-score').getByText('Risk score: 30').waitFor();
    const chart = page.getByRole('img', { name: 'Sea arrivals in Greece, with alerts marked' });
    await expect.poll(() => chart.getAttribute('data-alerts')).toBe('1');
    const alert = page.locator('[data-status="open"]').filter({ hasText: 'Sea arrivals up by a quarter' });
    await alert.getByText('Sea arrivals 2026: 12,500, a change of 38.89% from 9,000 a year earlier (threshold 25%).').waitFor();
    await alert.getByRole('textbox', { name: 'Note' }).fill('Reception capacity on the islands checked with UNHCR.');
    await alert.getByRole('button', { name: 'Acknowledge' }).click();
    const done = page.locator('[data-status="acknowledged"]').filter({ hasText: 'Sea arrivals up by a quarter' });
    await done.getByText('Note: Reception capacity on the islands checked with UNHCR. (Ana Analyst)').waitFor();
    expect(await done.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    // The analyst names what drives the movement, from the classification; the country's view of
    // the drivers over time counts the alert.
    const drivers = done.getByRole('combobox', { name: 'Drivers of displacement', exact: true });
    await drivers.click();
    await drivers.fill('armed');
    await page
      .getByRole('listbox', { name: 'Drivers of displacement', exact: true })
      .getByRole('option', { name: 'War and armed conflict', exact: true })
      .click();
    await page.keyboard.press('Escape');
    await page
      .getByRole('table', { name: 'Drivers of displacement over time' })
      .getByRole('row', { name: '2026 War and armed conflict 0 1' })
      .waitFor();
    await expectNoRawCodes(page);
    if (process.env.E2E_SCREENSHOTS)
      await page.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, 'warning-country.png'), fullPage: true });

    // The world and origin totals: empty until UNHCR population statistics are imported, saying so.
    await navigation.getByRole('link', { name: 'World and origin totals' }).click();
    await page.getByRole('heading', { level: 1, name: /world, regions and countries of origin/ }).waitFor();
    await page.getByText('No UNHCR population statistics have been imported yet', { exact: false }).waitFor();
    // A small UNHCR population table: the totals and the origins follow, with what the import did.
    await navigation.getByRole('link', { name: 'Data and rules' }).click();
    const population = path.join(os.tmpdir(), `unhcr-population-${process.pid}.csv`);
    fs.writeFileSync(
      population,
      [
        'year,coo_name,coo,coo_iso,coa_name,coa,coa_iso,refugees,asylum_seekers',
        '2015,Syria,SYR,SYR,Turkey,TUR,TUR,2503549,0',
        '2015,Afghanistan,AFG,AFG,Pakistan,PAK,PAK,1560592,0',
        '2015,Syria,SYR,SYR,Germany,GFR,DEU,100000,50000',
      ].join('\n'),
    );
    await page.locator('input[type="file"]').setInputFiles(population);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('import-report').getByText('Imported', { exact: true }).waitFor();
    await page
      .getByTestId('import-method')
      .getByText(/refugees_by_origin/)
      .waitFor();
    fs.rmSync(population, { force: true });
    await navigation.getByRole('link', { name: 'World and origin totals' }).click();
    await page.getByTestId('totals-world').getByText('4,164,141').waitFor();
    const origins = page.getByTestId('totals-origins');
    await origins.getByRole('row', { name: 'Syria 2,603,549 50,000' }).waitFor();
    await origins.getByRole('row', { name: 'Afghanistan 1,560,592 0' }).waitFor();
    await page
      .getByRole('table', { name: 'By region of asylum (UNHCR regions)' })
      .getByRole('row', { name: 'Europe 2,603,549 50,000' })
      .waitFor();
    await page
      .getByTestId('totals-provenance')
      .first()
      .getByText(/Summed over countries of origin/)
      .waitFor();

    // The inbox filters by the countries' role in the flows: Greece, where sea arrivals were
    // recorded, is a country of transit in the latest year, and no country is one of origin then.
    await navigation.getByRole('link', { name: 'Alert inbox' }).click();
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    for (const [label, option] of [
      ['Status', 'All'],
      ['Countries in the flows', 'Countries of transit (latest year)'],
    ]) {
      await page.getByRole('combobox', { name: label, exact: true }).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    }
    await page.locator('[data-country="GR"]').filter({ hasText: 'Sea arrivals up by a quarter' }).waitFor();
    await page.getByRole('combobox', { name: 'Countries in the flows', exact: true }).click();
    await page.getByRole('option', { name: 'Countries of origin (latest year)', exact: true }).click();
    await page.getByText('No alerts match these filters.').waitFor();
    expect(await page.locator('[data-country="GR"]').count()).toBe(0);

    watcher.expectClean(origin);
    await context.close();
  });
});
