// Hate incidents across pages, in a real browser against the built platform: the organisation's
// key is created with the command line; a visitor on a phone reports an incident with a photo and
// keeps the receipt; a reviewer verifies it and reads the contact details, giving a reason and the
// passphrase (decrypted in the browser); the public statistics change and the reporter sees the status.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jpeg from 'jpeg-js';
import type { Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import {
  type ApiCall,
  apiSignInFirstTime,
  describeJourney,
  journeyPlatform,
  REPOSITORY,
  sessionCheck,
  takeSecondStep,
  Watcher,
} from './browser.js';
import { expectNoRawCodes } from './raw-codes.js';

const PASSWORD = 'Incidents-Journey-2026!';
const PASSPHRASE = 'journey passphrase for the organisation key';
const CONTACT = 'Samir, +30 690 555 0101';

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describeJourney('hate incident journey', () => {
  const reviewerEmail = 'irene.reviewer@example.org';
  let coordinator: ApiCall | undefined;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-e2e-incidents-'));

  const platform = journeyPlatform({
    start: {
      // Jobs every few seconds: the statistics are published on a schedule, not at each verification.
      env: { INCIDENT_MIN_FILL_SECONDS: '1', JOB_PERIOD_SECONDS: '3' },
      // The key pair, made as an operator would: the passphrase on standard input, never stored.
      prepare: (env) => {
        const output = execFileSync(
          process.execPath,
          [path.join(REPOSITORY, 'dist', 'server', 'crossroads.mjs'), 'incidents', 'keygen'],
          {
            env: { ...env, CROSSROADS_INCIDENT_PASSPHRASE: '' },
            input: `${PASSPHRASE}\n`,
            encoding: 'utf8',
          },
        );
        if (!output.includes('Created the incident key')) throw new Error(output);
      },
    },
    prepare: async (server) => {
      coordinator = await apiSignInFirstTime(server.origin, { ...server, newPassword: PASSWORD });
      const created = await coordinator<{ oneTimePassword: string }>('POST', '/users', {
        email: reviewerEmail,
        name: 'Irene Reviewer',
        grants: [{ role: 'incident_reviewer', scopeType: 'global' }],
        reason: 'Reviews the reports of this journey',
      });
      await apiSignInFirstTime(server.origin, {
        email: reviewerEmail,
        oneTimePassword: created.oneTimePassword,
        newPassword: PASSWORD,
      });
      fs.writeFileSync(
        path.join(scratch, 'shelter.jpg'),
        jpeg.encode({ width: 64, height: 48, data: Buffer.alloc(64 * 48 * 4, 120) }, 90).data,
      );
    },
  });
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  test('a visitor reports on a phone, a reviewer verifies and reads the contact, the statistics change', {
    timeout: 240_000,
  }, async () => {
    const { server, browser } = platform();
    if (!coordinator) throw new Error('The co-ordinator did not sign in.');
    const { origin } = server;
    // The refused duplicate link is answered 400 on purpose; the browser logs that as an error.
    const watcher = new Watcher(
      (message) =>
        sessionCheck(message) ||
        (message.text().includes('status of 400') && /\/api\/incidents\/reports\/[^/]+\/status$/.test(message.location().url)),
    );

    // The statistics before: nothing verified in Greece, a figure not published (0 to 4 never are).
    type Slice = { total: { suppressed: boolean }; asOf: string | null };
    const greece = async () => (await (await fetch(`${origin}/api/incidents/statistics?by=year&country=GR`)).json()) as Slice;
    expect((await greece()).total.suppressed).toBe(true);

    // The reviewer's queue before any report: it says what fills it, and links to the public form; a filter
    // that matches nothing says so, not that the platform is empty.
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const reviewer = await watcher.page(desk);
    await reviewer.goto(`${origin}/sign-in`);
    await reviewer.getByRole('textbox', { name: 'Email' }).fill(reviewerEmail);
    await reviewer.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await reviewer.getByRole('button', { name: 'Sign in' }).click();
    await takeSecondStep(reviewer, reviewerEmail);
    await reviewer.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
    await reviewer.getByRole('link', { name: 'Incident review' }).first().click();
    await reviewer.getByRole('heading', { level: 1, name: 'Incident review queue' }).waitFor();
    const emptyQueue = reviewer.locator('[data-empty-state]');
    await emptyQueue.getByText(/No report is waiting\. Reports arrive from the public incident form/).waitFor();
    expect(await emptyQueue.getByRole('link', { name: 'The public incident form' }).count()).toBe(1);
    await expectNoRawCodes(reviewer);
    await choose(reviewer, 'Assigned to', 'Assigned to me');
    await reviewer.getByText('No report matches these filters. Clear a filter to see the others.').waitFor();
    expect(await reviewer.locator('[data-empty-state]').count()).toBe(0);
    // A visitor on a phone.
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'en-GB',
    });
    const visitor = await watcher.page(phone);
    await visitor.goto(`${origin}/incidents/report`);
    await visitor.getByRole('heading', { level: 1, name: 'Report a hate incident' }).waitFor();
    await expectNoRawCodes(visitor);
    await visitor.getByLabel('Date of the incident').fill('2025-06-14');
    const country = visitor.getByRole('combobox', { name: 'Country' });
    await country.click();
    await country.fill('Gree');
    await visitor.getByRole('option', { name: 'Greece', exact: true }).click();
    await visitor.getByRole('img', { name: 'Map: tap to place the point (optional)' }).click({ position: { x: 250, y: 220 } });
    expect(await visitor.getByRole('textbox', { name: 'Latitude (optional)' }).inputValue()).toMatch(/^\d+(\.\d+)?$/);
    await choose(visitor, 'Type of incident', 'Arson');
    await choose(visitor, 'Property attacked', 'Refugee shelter');
    await visitor.getByRole('checkbox', { name: 'Refugees', exact: true }).check();
    await choose(visitor, 'Bias motivation', 'Racist and xenophobic');
    await visitor.getByRole('checkbox', { name: 'Symbols, drawings or graffiti' }).check();
    await visitor
      .getByRole('textbox', { name: 'Description' })
      .fill('At night someone set fire to the door of the shelter and sprayed slogans.');
    await choose(visitor, 'You are reporting as', 'Witness');
    await visitor.locator('input[type="file"]').setInputFiles(path.join(scratch, 'shelter.jpg'));
    await visitor.getByRole('textbox', { name: 'Your contact details' }).fill(CONTACT);
    await visitor.getByRole('checkbox', { name: 'I agree to be contacted about this report' }).check();
    // The place left out: the form marks that field, takes the visitor to it and keeps the rest.
    await visitor.getByRole('button', { name: 'Send the report' }).click();
    const place = visitor.getByRole('textbox', { name: 'Place' });
    await expect.poll(() => place.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => place.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await visitor.getByText('This field is required.').count()).toBe(1);
    expect(await visitor.getByRole('textbox', { name: 'Description' }).inputValue()).toContain('set fire to the door');
    expect(await visitor.getByRole('textbox', { name: 'Your contact details' }).inputValue()).toBe(CONTACT);
    await place.fill('Chios');
    await visitor.getByRole('button', { name: 'Send the report' }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Thank you: your report has been received' }).waitFor();
    await expectNoRawCodes(visitor);
    const receipt = (await visitor.getByTestId('receipt').textContent())?.trim() ?? '';
    expect(receipt).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);

    // A reviewer verifies it and reads the contact details with a reason and the passphrase.
    await reviewer.goto(`${origin}/incidents/review`);
    await reviewer.getByRole('heading', { level: 1, name: 'Incident review queue' }).waitFor();
    await expectNoRawCodes(reviewer);
    await reviewer.getByRole('row', { name: /Chios/ }).getByRole('link').click();
    await reviewer.getByRole('heading', { level: 1, name: 'Incident case' }).waitFor();
    expect(await reviewer.getByText(CONTACT).count()).toBe(0);
    await reviewer.getByRole('button', { name: 'Assign to me' }).click();
    await reviewer.getByTestId('case-status').filter({ hasText: 'Under review' }).waitFor();
    const publishedBefore = (await greece()).asOf;
    // A refused move is told on the field it concerns, and in the alert by the field's label.
    await choose(reviewer, 'New status', 'Duplicate');
    const kept = reviewer.getByRole('textbox', { name: 'Kept report' });
    await kept.fill('not-a-report');
    await reviewer.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => kept.getAttribute('aria-invalid'), { timeout: 30_000 }).toBe('true');
    await reviewer.getByRole('alert').filter({ hasText: 'Kept report:' }).waitFor();
    expect(await kept.inputValue()).toBe('not-a-report');
    await reviewer.getByTestId('case-status').filter({ hasText: 'Under review' }).waitFor();
    await choose(reviewer, 'New status', 'Verified');
    await reviewer.getByRole('textbox', { name: 'Note' }).first().fill('Confirmed with the shelter staff.');
    await reviewer.getByRole('button', { name: 'Apply' }).click();
    await reviewer.getByTestId('case-status').filter({ hasText: 'Verified' }).waitFor();
    await expectNoRawCodes(reviewer);
    await reviewer.getByRole('textbox', { name: 'Why do you need to see it?' }).fill('Calling the witness back');
    await reviewer.getByLabel('Organisation key passphrase').fill(PASSPHRASE);
    await reviewer.getByRole('button', { name: 'Show protected data' }).click();
    await reviewer.getByTestId('protected-contact').filter({ hasText: CONTACT }).waitFor();
    await reviewer.getByTestId('protected-description').filter({ hasText: 'set fire to the door' }).waitFor();
    await reviewer.getByRole('img', { name: 'Photo 1' }).waitFor();
    const audit = await coordinator<{ items: Array<{ verb: string; details: { reason?: string } }> }>(
      'GET',
      '/audit?verb=incident.protected.read',
    );
    expect(audit.items.map((e) => e.details.reason)).toEqual(['Calling the witness back']);

    // The next scheduled publication counts it, as a figure not published; never at the moment of verifying.
    const deadline = Date.now() + 60_000;
    while ((await greece()).asOf === publishedBefore) {
      if (Date.now() > deadline) throw new Error('The statistics were not published again within a minute.');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect((await greece()).total.suppressed).toBe(true);
    await visitor.goto(`${origin}/incidents/statistics`);
    await visitor.getByRole('heading', { level: 1, name: 'Hate incidents against migrants and refugees' }).waitFor();
    await visitor.getByTestId('stats-total').filter({ hasText: 'Verified incidents: not published' }).waitFor();
    await visitor.getByRole('img', { name: 'Map of verified incidents by country' }).waitFor();
    await expectNoRawCodes(visitor);

    // The reporter checks the status with the receipt.
    await visitor.goto(`${origin}/incidents/status`);
    await visitor.getByRole('textbox', { name: 'Receipt code' }).fill(receipt);
    await visitor.getByRole('button', { name: 'Check' }).click();
    await visitor.getByTestId('receipt-status').filter({ hasText: 'Verified' }).waitFor();
    await expectNoRawCodes(visitor);

    watcher.expectClean(origin);
    await phone.close();
    await desk.close();
  });
});
