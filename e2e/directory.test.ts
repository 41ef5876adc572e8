// The directory across pages, in a real browser against the built platform: a signed-out visitor
// finds whom to call about trafficking in Serbia; a focal point adds an activity of their
// structure; the co-ordinator imports a 3W XLSX with one bad row and sees why it was rejected.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { apiSignInFirstTime, describeJourney, journeyPlatform, takeSecondStep, Watcher } from './browser.js';
import { expectNoRawCodes } from './raw-codes.js';

const PASSWORD = 'Directory-Journey-2026!';

async function signInPage(page: Page, origin: string, email: string) {
  await page.goto(`${origin}/sign-in`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await takeSecondStep(page, email);
  await page.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
}

describeJourney('directory journey', () => {
  let focalEmail = '';
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-e2e-directory-'));

  const platform = journeyPlatform({
    prepare: async (server) => {
      const { origin } = server;
      const coordinator = await apiSignInFirstTime(origin, { ...server, newPassword: PASSWORD });
      const organisations = await coordinator<{ items: { id: string; code: string }[] }>(
        'GET',
        '/directory/organisations?limit=200',
      );
      const id = (code: string) => organisations.items.find((o) => o.code === code)?.id as string;
      const ana = await coordinator<{ id: string }>('POST', '/directory/contacts', {
        organisationId: id('FO-SERBIA'),
        name: 'Ana Anti-Trafficking',
        title: 'National Anti-Trafficking Adviser',
        emails: ['ana.at@example.org'],
        countries: ['RS'],
        keyAreas: ['trafficking'],
        visibility: 'public',
      });
      await coordinator('POST', '/directory/activities', {
        organisationId: id('FO-SERBIA'),
        title: 'Victim identification along the Balkan route',
        keyAreas: ['trafficking'],
        countries: ['RS'],
        status: 'ongoing',
        contactId: ana.id,
        visibility: 'public',
      });
      await coordinator('POST', '/directory/contacts', {
        organisationId: id('ODIHR'),
        name: 'Hidden Person',
        countries: ['RS'],
        keyAreas: ['trafficking'],
        visibility: 'coordinator',
      });
      focalEmail = 'focal.odihr@example.org';
      const created = await coordinator<{ oneTimePassword: string }>('POST', '/users', {
        email: focalEmail,
        name: 'Olga Focal',
        grants: [{ role: 'focal_point', scopeType: 'organisation', organisationId: id('ODIHR') }],
      });
      await apiSignInFirstTime(origin, { email: focalEmail, oneTimePassword: created.oneTimePassword, newPassword: PASSWORD });
    },
  });
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  test('a visitor finds whom to call, a focal point adds an activity, the co-ordinator imports a 3W sheet', {
    timeout: 240_000,
  }, async () => {
    const { server, browser } = platform();
    const { origin } = server;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const watcher = new Watcher();
    const page = await watcher.page(context);

    // A signed-out visitor asks whom to call about trafficking in Serbia.
    await page.goto(`${origin}/`);
    await page.getByRole('link', { name: 'Whom do I call?' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Whom do I call?' }).waitFor();
    await page.getByRole('textbox', { name: 'What is it about?' }).fill('trafficking');
    await page.getByRole('combobox', { name: 'Which country?' }).selectOption('RS');
    await page.getByRole('button', { name: 'Find contacts' }).click();
    const ana = page.getByRole('article', { name: 'Ana Anti-Trafficking' });
    await ana.waitFor();
    await ana.getByText('Works on this in Serbia').waitFor();
    await ana.getByText('Covers Serbia').waitFor();
    await ana.getByText('Victim identification along the Balkan route', { exact: false }).first().waitFor();
    await ana.getByRole('link', { name: 'ana.at@example.org' }).waitFor();
    expect(await page.getByRole('article', { name: 'Hidden Person' }).count()).toBe(0);
    await expectNoRawCodes(page);

    // The public map and table of who does what where.
    await page.goto(`${origin}/directory/public`);
    await page.getByRole('img', { name: 'Map of the number of activities by country' }).waitFor();
    await page.getByRole('table', { name: 'Activities by country' }).getByRole('button', { name: 'Serbia' }).waitFor();
    await expectNoRawCodes(page);
    // The 3W table fits a phone: nothing wider than its 390 pixels.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('table', { name: 'Activities', exact: true }).getByRole('row').nth(1).waitFor();
    await expect
      .poll(() => page.evaluate<number>('document.documentElement.scrollWidth'), { timeout: 30_000 })
      .toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });

    // A focal point adds an activity of their structure.
    await signInPage(page, origin, focalEmail);
    await page.goto(`${origin}/directory/activities/new`);
    await page.getByRole('heading', { level: 1, name: 'Add an activity' }).waitFor();
    // The focal point's own organisation is chosen already; choosing it again by the words typed
    // (searched on the server) keeps it.
    const organisation = page.getByRole('combobox', { name: 'Organisation' });
    await expect
      .poll(() => organisation.inputValue(), { timeout: 30_000 })
      .toBe('ODIHR – Office for Democratic Institutions and Human Rights');
    await organisation.click();
    await organisation.fill('ODIHR');
    await page.getByRole('option', { name: 'ODIHR – Office for Democratic Institutions and Human Rights' }).click();
    await expect
      .poll(() => organisation.inputValue(), { timeout: 30_000 })
      .toBe('ODIHR – Office for Democratic Institutions and Human Rights');
    await page.getByRole('textbox', { name: 'Activity' }).fill('Hate crime recording for police in Preševo');
    await page.getByRole('checkbox', { name: 'Protection of people along migration routes' }).check();
    const countries = page.getByRole('combobox', { name: 'Countries' });
    await countries.click();
    await countries.fill('Serb');
    await page.getByRole('option', { name: 'Serbia', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'Status' }).selectOption('ongoing');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: /ODIHR/ }).waitFor();
    await page.getByRole('article', { name: 'Hate crime recording for police in Preševo' }).waitFor();
    await expectNoRawCodes(page);
    await page.getByRole('button', { name: 'Olga Focal' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

    // The co-ordinator imports a 3W XLSX with one bad row and is told which row and why.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('3W');
    sheet.addRow(['Organisation', 'Activity', 'Countries', 'Start', 'End', 'Status']);
    sheet.addRow(['#org+name', '#activity+name', '#country+code', '#date+start', '#date+end', '#status']);
    sheet.addRow(['IOM', 'Assisted voluntary return counselling', 'MKD', '2026-01-01', '2026-12-31', 'ongoing']);
    sheet.addRow(['UNHCR', 'Reception monitoring', 'Atlantis', '2026-01-01', '2026-12-31', 'ongoing']);
    const file = path.join(scratch, 'partners-3w.xlsx');
    await workbook.xlsx.writeFile(file);
    await signInPage(page, origin, server.email);
    await page.goto(`${origin}/directory/import`);
    await page.getByRole('heading', { level: 1, name: '3W import and export' }).waitFor();
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole('checkbox', { name: /Only check/ }).uncheck();
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Not imported: some rows were rejected, so nothing was changed').waitFor();
    const rejected = page.getByRole('table', { name: 'Rejected rows' });
    await rejected.getByRole('cell', { name: '4', exact: true }).waitFor();
    await rejected.getByText('Unknown country “Atlantis”.').waitFor();
    await expectNoRawCodes(page);
    const search = await fetch(`${origin}/api/directory/search?q=voluntary+return`);
    expect(((await search.json()) as { total: number }).total).toBe(0);

    watcher.expectClean(origin);
    await context.close();
  });
});
