// What every browser journey shares: the built platform, Debian's Chromium, pages that record what
// they request and what they log, the first sign-in with a one-time password, and the closing
// check that the page talked to its own server only and logged no error, and the accessibility scan
// of every page visited (accessibility.ts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type ConsoleMessage, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect } from 'vitest';
import { freshCode, passSecondStep, rememberSecret } from '../src/server/test-support/second-factor.js';
import { AccessibilityScanner, describeViolations } from './accessibility.js';
import { type RunningServer, type StartOptions, startServer } from './server.js';

export const REPOSITORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(executablePath);
const required = process.env.REQUIRE_E2E === '1';

/**
 * A journey's `describe`: skipped on a machine without Chromium, unless REQUIRE_E2E=1, when the
 * journey's set-up fails instead (see launchBrowser), so that CI cannot pass without a browser.
 */
export const describeJourney = describe.skipIf(!hasChromium && !required);

/** Builds the platform once if a journey finds it unbuilt (the README's test command builds first). */
export function ensureBuilt(): void {
  const built = ['dist/server/crossroads.mjs', 'dist/web/index.html'].every((file) => fs.existsSync(path.join(REPOSITORY, file)));
  if (!built) execFileSync('npm', ['run', 'build'], { cwd: REPOSITORY, stdio: 'inherit' });
}

/** Launches Debian's Chromium; `extraArgs` add switches for one journey's own browser (a fake camera, say). */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!hasChromium)
    throw new Error(`REQUIRE_E2E=1 but there is no Chromium at ${executablePath}. Install it or set CHROMIUM_PATH.`);
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** A visitor's first look at the session is answered 401 by design; the browser logs that as an error. */
export function sessionCheck(message: ConsoleMessage): boolean {
  return message.text().includes('status of 401') && message.location().url.endsWith('/api/auth/session');
}

/** The watchers of the test under way, whose accessibility findings its end checks. */
const watchers = new Set<Watcher>();
const closingWaits = new WeakSet<BrowserContext>();

/**
 * Records every request and every logged error of the pages it watches, except the expected noise,
 * and scans each page it watches for accessibility.
 */
export class Watcher {
  readonly requests: string[] = [];
  readonly errors: string[] = [];
  readonly accessibility = new AccessibilityScanner();
  constructor(private readonly noise: (message: ConsoleMessage) => boolean = sessionCheck) {
    watchers.add(this);
  }

  /** A new page of the context, watched, with a default timeout for each step. */
  async page(context: BrowserContext, timeout = 20_000): Promise<Page> {
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    this.accessibility.watch(page);
    if (!closingWaits.has(context)) {
      // A journey that closes its context at the end still has its last page scanned.
      closingWaits.add(context);
      const close = context.close.bind(context);
      context.close = async (options) => {
        await this.accessibility.settled();
        return close(options);
      };
    }
    page.on('request', (request) => this.requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' && !this.noise(message)) this.errors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => this.errors.push(`uncaught: ${error.message}`));
    return page;
  }

  /** The journey's closing check: no request to another host, no error in the console. */
  expectClean(origin: string): void {
    const foreign = this.requests.filter((url) => /^https?:/.test(url) && new URL(url).origin !== origin);
    expect(foreign, 'requests to another host').toEqual([]);
    expect(this.errors, 'console errors').toEqual([]);
  }
}

/**
 * The second step of a sign-in through the pages, when the account has one: enrols as a person
 * would (reads the key shown as text beside the QR code, types a code computed from it, keeps the
 * recovery codes shown once and returns them), or types a fresh code. Returns null otherwise.
 */
export async function takeSecondStep(page: Page, email: string): Promise<string[] | null> {
  await page.waitForURL((url) => url.pathname !== '/sign-in', { timeout: 60_000 });
  if (new URL(page.url()).pathname !== '/second-factor') return null;
  const enrol = page.getByRole('button', { name: 'Show the QR code' });
  const code = page.getByRole('textbox', { name: 'Code' });
  await enrol.or(code).first().waitFor();
  if (await enrol.isVisible()) {
    await enrol.click();
    const key = (await page.getByLabel('Key for your authenticator app').textContent()) ?? '';
    rememberSecret(email, key.replace(/\s/g, ''));
    await code.fill(await freshCode(email));
    await page.getByRole('button', { name: 'Confirm the set-up' }).click();
    const list = page.getByRole('list', { name: 'Recovery codes' });
    await list.waitFor();
    const codes = (await list.getByRole('listitem').allTextContents()).map((text) => text.trim());
    await page.getByRole('button', { name: 'I have saved the codes: continue' }).click();
    return codes;
  }
  await code.fill(await freshCode(email));
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/second-factor');
  return null;
}

/**
 * Signs in through the pages with a one-time password and chooses the new password when asked;
 * done when the main navigation shows `landmark` (a link a signed-in person sees).
 */
export async function signInFirstTime(
  page: Page,
  origin: string,
  account: { email: string; oneTimePassword: string; newPassword: string },
  landmark: { name: string; exact?: boolean },
): Promise<string[] | null> {
  await page.goto(`${origin}/sign-in`);
  await page.getByRole('textbox', { name: 'Email' }).fill(account.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(account.oneTimePassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // A co-ordinator sets up their second factor first of all, then chooses their password.
  const recoveryCodes = await takeSecondStep(page, account.email);
  await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
  // The one-time password is not asked for a second time.
  if ((await page.getByRole('textbox', { name: 'One-time password' }).count()) > 0) {
    throw new Error('The forced password change asks again for the one-time password just used to sign in.');
  }
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(account.newPassword);
  await page.getByRole('textbox', { name: 'Repeat the new password' }).fill(account.newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', landmark).waitFor();
  return recoveryCodes;
}

/**
 * Starts the built platform on a fresh database and Chromium for the journeys of one `describe`,
 * and stops both afterwards. `start` passes settings and a step before the server starts;
 * `prepare` sets the scene through the API before the browser starts. Returns what the tests use;
 * calling it before the set-up finished throws.
 */
export function journeyPlatform(
  options: { start?: StartOptions; prepare?: (server: RunningServer) => Promise<void> } = {},
): () => { server: RunningServer; browser: Browser } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ensureBuilt();
    server = await startServer(REPOSITORY, options.start);
    await options.prepare?.(server);
    browser = await launchBrowser();
  }, 300_000);
  // Every page the test visited passes the scan: no serious or critical WCAG 2.1 A/AA violation.
  afterEach(async () => {
    const found = [];
    for (const watcher of watchers) {
      await watcher.accessibility.settled();
      found.push(...watcher.accessibility.violations.splice(0));
    }
    expect(describeViolations(found), 'serious or critical accessibility violations').toEqual([]);
  }, 120_000);
  afterAll(async () => {
    watchers.clear();
    await browser?.close();
    await server?.stop();
  }, 30_000);
  return () => {
    if (!server || !browser) throw new Error('The server or the browser did not start.');
    return { server, browser };
  };
}

/** An API client signed in with a password, for setting the scene as the operator would through the pages. */
export type ApiCall = <T>(method: string, url: string, body?: unknown) => Promise<T>;

export async function apiSignIn(origin: string, email: string, password: string): Promise<ApiCall> {
  const login = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`sign-in of ${email}: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const session = (await login.json()) as { csrfToken: string; secondFactorStep: 'verify' | 'enrol' | null };
  const { csrfToken } = session;
  // Whose role requires a second factor enrols (or types a code) before anything else.
  await passSecondStep(
    async (method, url, body) => {
      const response = await fetch(`${origin}${url}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: response.status, body: await response.json().catch(() => undefined) };
    },
    email,
    session.secondFactorStep,
  );
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

/** Replaces a new account's one-time password through the API and signs in with the new one. */
export async function apiSignInFirstTime(
  origin: string,
  account: { email: string; oneTimePassword: string; newPassword: string },
): Promise<ApiCall> {
  const call = await apiSignIn(origin, account.email, account.oneTimePassword);
  await call('POST', '/auth/password', { currentPassword: account.oneTimePassword, newPassword: account.newPassword });
  return apiSignIn(origin, account.email, account.newPassword);
}
