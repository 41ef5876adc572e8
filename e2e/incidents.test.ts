// Hate incidents across pages, in a real browser against the built platform: the organisation's
// key is created with the command line; a visitor on a phone reports an incident with a photo and
// keeps the receipt; a reviewer verifies it and reads the contact details, giving a reason and the
// passphrase (decrypted in the browser); the public statistics change and the reporter sees the status.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';
import { type Browser, type ConsoleMessage, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningServer, startServer } from './server.js';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(executablePath);
const required = process.env.REQUIRE_E2E === '1';
const PASSWORD = 'Incidents-Journey-2026!';
const PASSPHRASE = 'journey passphrase for the organisation key';
const CONTACT = 'Samir, +30 690 555 0101';

function expectedNoise(message: ConsoleMessage): boolean {
  return message.text().includes('status of 401') && message.location().url.endsWith('/api/auth/session');
}

async function signIn(origin: string, email: string, password: string) {
  const login = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`sign-in of ${email}: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${origin}/api${url}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
}

async function withNewPassword(origin: string, email: string, oneTimePassword: string) {
  const call = await signIn(origin, email, oneTimePassword);
  await call('POST', '/auth/password', { currentPassword: oneTimePassword, newPassword: PASSWORD });
  return signIn(origin, email, PASSWORD);
}

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe.skipIf(!hasChromium && !required)('hate incident journey', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const reviewerEmail = 'irene.reviewer@example.org';
  let coordinator: Awaited<ReturnType<typeof signIn>> | undefined;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-e2e-incidents-'));

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`REQUIRE_E2E=1 but there is no Chromium at ${executablePath}.`);
    const built = ['dist/cli/main.js', 'dist/web/index.html'].every((file) => fs.existsSync(path.join(repository, file)));
    if (!built) execFileSync('npm', ['run', 'build'], { cwd: repository, stdio: 'inherit' });
    server = await startServer(repository, {
      env: { INCIDENT_MIN_FILL_SECONDS: '1' },
      // The key pair, made as an operator would: the passphrase on standard input, never stored.
      prepare: (env) => {
        const output = execFileSync(process.execPath, [path.join(repository, 'dist', 'cli', 'main.js'), 'incidents', 'keygen'], {
          env: { ...env, CROSSROADS_INCIDENT_PASSPHRASE: '' },
          input: `${PASSPHRASE}\n`,
          encoding: 'utf8',
        });
        if (!output.includes('Created the incident key')) throw new Error(output);
      },
    });
    coordinator = await withNewPassword(server.origin, server.email, server.oneTimePassword);
    const created = await coordinator<{ oneTimePassword: string }>('POST', '/users', {
      email: reviewerEmail,
      name: 'Irene Reviewer',
      grants: [{ role: 'incident_reviewer', scopeType: 'global' }],
    });
    await withNewPassword(server.origin, reviewerEmail, created.oneTimePassword);
    fs.writeFileSync(
      path.join(scratch, 'shelter.jpg'),
      jpeg.encode({ width: 64, height: 48, data: Buffer.alloc(64 * 48 * 4, 120) }, 90).data,
    );
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }, 30_000);

  test('a visitor reports on a phone, a reviewer verifies and reads the contact, the statistics change', {
    timeout: 240_000,
  }, async () => {
    if (!server || !browser || !coordinator) throw new Error('The server or the browser did not start.');
    const { origin } = server;
    const requests: string[] = [];
    const errors: string[] = [];
    const watch = (page: Page) => {
      page.setDefaultTimeout(20_000);
      page.on('request', (request) => requests.push(request.url()));
      page.on('console', (message) => {
        if (message.type() === 'error' && !expectedNoise(message)) errors.push(`${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    };

    // The statistics before: nothing verified in Greece.
    const before = (await (await fetch(`${origin}/api/incidents/statistics?country=GR`)).json()) as { total: { value: number } };
    expect(before.total.value).toBe(0);

    // A visitor on a phone.
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'en-GB',
    });
    const visitor = await phone.newPage();
    watch(visitor);
    await visitor.goto(`${origin}/incidents/report`);
    await visitor.getByRole('heading', { level: 1, name: 'Report a hate incident' }).waitFor();
    await visitor.getByLabel('Date of the incident').fill('2025-06-14');
    const country = visitor.getByRole('combobox', { name: 'Country' });
    await country.click();
    await country.fill('Gree');
    await visitor.getByRole('option', { name: 'Greece', exact: true }).click();
    await visitor.getByRole('textbox', { name: 'Place' }).fill('Chios');
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
    await visitor.getByRole('button', { name: 'Send the report' }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Thank you: your report has been received' }).waitFor();
    const receipt = (await visitor.getByTestId('receipt').textContent())?.trim() ?? '';
    expect(receipt).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);

    // A reviewer verifies it and reads the contact details with a reason and the passphrase.
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const reviewer = await desk.newPage();
    watch(reviewer);
    await reviewer.goto(`${origin}/sign-in`);
    await reviewer.getByRole('textbox', { name: 'Email' }).fill(reviewerEmail);
    await reviewer.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await reviewer.getByRole('button', { name: 'Sign in' }).click();
    await reviewer.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
    await reviewer.getByRole('link', { name: 'Incident review' }).first().click();
    await reviewer.getByRole('heading', { level: 1, name: 'Incident review queue' }).waitFor();
    await reviewer.getByRole('row', { name: /Chios/ }).getByRole('link').click();
    await reviewer.getByRole('heading', { level: 1, name: 'Incident case' }).waitFor();
    expect(await reviewer.getByText(CONTACT).count()).toBe(0);
    await reviewer.getByRole('button', { name: 'Assign to me' }).click();
    await reviewer.getByTestId('case-status').filter({ hasText: 'Under review' }).waitFor();
    await choose(reviewer, 'New status', 'Verified');
    await reviewer.getByRole('textbox', { name: 'Note' }).first().fill('Confirmed with the shelter staff.');
    await reviewer.getByRole('button', { name: 'Apply' }).click();
    await reviewer.getByTestId('case-status').filter({ hasText: 'Verified' }).waitFor();
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

    // The public statistics now count it, as "fewer than 5".
    await visitor.goto(`${origin}/incidents/statistics`);
    await visitor.getByRole('heading', { level: 1, name: 'Hate incidents against migrants and refugees' }).waitFor();
    await visitor.getByTestId('stats-total').filter({ hasText: 'Verified incidents: fewer than 5' }).waitFor();
    await visitor.getByRole('img', { name: 'Map of verified incidents by country' }).waitFor();
    const after = (await (await fetch(`${origin}/api/incidents/statistics?country=GR`)).json()) as {
      total: { fewerThanFive: boolean };
    };
    expect(after.total.fewerThanFive).toBe(true);

    // The reporter checks the status with the receipt.
    await visitor.goto(`${origin}/incidents/status`);
    await visitor.getByRole('textbox', { name: 'Receipt code' }).fill(receipt);
    await visitor.getByRole('button', { name: 'Check' }).click();
    await visitor.getByTestId('receipt-status').filter({ hasText: 'Verified' }).waitFor();

    const foreign = requests.filter((url) => /^https?:/.test(url) && new URL(url).origin !== origin);
    expect(foreign, 'requests to another host').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
    await phone.close();
    await desk.close();
  });
});
