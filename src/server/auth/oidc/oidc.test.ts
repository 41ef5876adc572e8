import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../config.js';
import { SESSION_COOKIE } from '../../http/session.js';
import { PERSONA_PASSWORD, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { signInAtProvider, startTestProvider, type TestProvider } from '../../test-support/oidc/provider.js';
import { redirectUri } from './service.js';

const STATE_COOKIE = 'crossroads_sso';

function cookieValue(setCookie: string | string[] | undefined, name: string): string | undefined {
  const header = [setCookie ?? []].flat().find((c) => c.startsWith(`${name}=`));
  const value = header?.split(';')[0]?.slice(name.length + 1);
  return value === '' ? undefined : value;
}

describe.each(testBackends())('single sign-on through OpenID Connect on %s', (backend) => {
  let provider: TestProvider;
  let t: TestApp;
  const logs: string[] = [];
  let counter = 0;

  beforeAll(async () => {
    const publicUrl = 'http://localhost:3000';
    provider = await startTestProvider({ redirectUris: [`${publicUrl}/api/auth/oidc/callback`] });
    const sso: Config['sso'] = {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      name: 'OSCE',
      staffDomains: ['osce.example'],
    };
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    });
    t = await testApp(backend, { sso, publicUrl, logLevel: 'warn' }, { logStream: stream });
  });
  afterAll(async () => {
    await t?.close();
    await provider?.close();
  });

  /** A provider account with a fresh login. */
  function account(values: { email?: string; emailVerified?: boolean; name?: string }): string {
    counter++;
    const login = `person-${counter}-${backend}`;
    provider.accounts.set(login, values);
    return login;
  }

  async function start(query = '') {
    const response = await t.app.inject({ method: 'GET', url: `/api/auth/oidc/start${query}` });
    expect(response.statusCode).toBe(302);
    const state = cookieValue(response.headers['set-cookie'], STATE_COOKIE);
    if (!state) throw new Error('no state cookie');
    return { location: response.headers.location as string, state, setCookie: response.headers['set-cookie'] };
  }

  function callback(answer: URL, cookies: Record<string, string | undefined>) {
    const cookie = Object.entries(cookies)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
    return t.app.inject({ method: 'GET', url: `${answer.pathname}${answer.search}`, headers: cookie ? { cookie } : {} });
  }

  /** The whole flow as a browser goes through it; returns the platform's last answer. */
  async function signInAs(login: string, query = '') {
    const begun = await start(query);
    const answer = await signInAtProvider(begun.location, login);
    return callback(answer, { [STATE_COOKIE]: begun.state });
  }

  async function sessionOf(response: Awaited<ReturnType<typeof callback>>) {
    const token = cookieValue(response.headers['set-cookie'], SESSION_COOKIE);
    expect(token, 'a session cookie').toBeDefined();
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: `${SESSION_COOKIE}=${token}` },
    });
    expect(session.statusCode).toBe(200);
    return { cookie: `${SESSION_COOKIE}=${token}`, body: session.json() };
  }

  /** The reasons the log gives for the refusals so far. */
  function refusalReasons(): string[] {
    return logs.filter((line) => line.includes('single sign-on refused')).map((line) => JSON.parse(line).reason);
  }

  function auditVerbs(userId: string) {
    return t.database.db
      .selectFrom('audit_log')
      .select('verb')
      .where('actor_id', '=', userId)
      .orderBy('id')
      .execute()
      .then((rows) => rows.map((row) => row.verb));
  }

  it('tells the sign-in page that single sign-on is offered, and under which name', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/oidc' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ enabled: true, name: 'OSCE' });
  });

  it('sends the browser to the provider with state, nonce and PKCE, keeping them out of reach of scripts', async () => {
    const begun = await start();
    const url = new URL(begun.location);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('client_id')).toBe(provider.clientId);
    expect(url.searchParams.get('redirect_uri')).toBe(redirectUri(t.config));
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get('state')).toBe(begun.state);
    const header = [begun.setCookie].flat().find((c) => c?.startsWith(`${STATE_COOKIE}=`)) as string;
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).toMatch(/Path=\/api\/auth\/oidc/);
    expect(header).toMatch(/Max-Age=600/);
  });

  it('opens an account without roles at the first sign-in, finds it again later, and signing out ends the session', async () => {
    const email = `new.${backend}@osce.example`;
    const login = account({ email, emailVerified: true, name: 'Nadia New' });
    const response = await signInAs(login, '?redirect=/missions');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/missions');
    const { cookie, body } = await sessionOf(response);
    expect(body.user).toMatchObject({ email, name: 'Nadia New' });
    expect(body.grants).toEqual([]);
    expect(body.permissions).toEqual([]);
    expect(body.mustChangePassword).toBe(false);
    const user = await t.database.db
      .selectFrom('app_user')
      .select(['password_hash'])
      .where('id', '=', body.user.id)
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toBeNull();
    expect(await auditVerbs(body.user.id)).toEqual(['auth.sso.account_created', 'auth.sso.sign_in']);

    // Later, with another address at the provider, the same account: it is linked to the provider's account.
    provider.accounts.set(login, { email: `renamed.${backend}@osce.example`, emailVerified: true });
    const again = await sessionOf(await signInAs(login));
    expect(again.body.user.id).toBe(body.user.id);

    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': body.csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('links the first sign-in to the existing account with the same verified email, which keeps its roles', async () => {
    const existing = await t.user({ role: 'analyst', email: `Ana.Linked.${backend}@example.org` });
    const login = account({ email: `ana.linked.${backend}@example.org`, emailVerified: true });
    const response = await signInAs(login);
    expect(response.headers.location).toBe('/');
    const { body } = await sessionOf(response);
    expect(body.user.id).toBe(existing.userId);
    expect(body.permissions.length).toBeGreaterThan(0);
    expect(body.grants).toEqual([{ role: 'analyst', scopeType: 'global', organisationId: null, countryIso2: null }]);
    expect(await auditVerbs(existing.userId)).toEqual(['auth.sso.linked', 'auth.sso.sign_in']);
  });

  it('neither links nor opens an account for an email the provider has not verified', async () => {
    const existing = await t.user({ role: 'coordinator', email: `cora.unverified.${backend}@example.org` });
    for (const values of [
      { email: existing.email, emailVerified: false },
      { email: `someone.${backend}@example.org`, emailVerified: false },
      {},
    ]) {
      const response = await signInAs(account(values));
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('/sign-in?sso=sso_email_unverified');
      expect(cookieValue(response.headers['set-cookie'], SESSION_COOKIE)).toBeUndefined();
    }
    const links = await t.database.db
      .selectFrom('sso_identity')
      .select('user_id')
      .where('user_id', '=', existing.userId)
      .execute();
    expect(links).toEqual([]);
    const opened = await t.database.db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', `someone.${backend}@example.org`)
      .execute();
    expect(opened).toEqual([]);
  });

  it('refuses an answer whose state is not the one this browser started with', async () => {
    const login = account({ email: `state.${backend}@example.org`, emailVerified: true });
    const begun = await start();
    const other = await start();
    const answer = await signInAtProvider(begun.location, login);
    for (const state of [other.state, undefined]) {
      const refused = await callback(answer, { [STATE_COOKIE]: state });
      expect(refused.statusCode).toBe(302);
      expect(refused.headers.location).toBe('/sign-in?sso=sso_failed');
      expect(cookieValue(refused.headers['set-cookie'], SESSION_COOKIE)).toBeUndefined();
    }
    expect(refusalReasons()).toContain('state');
    // The browser that started it still can finish it, once.
    await sessionOf(await callback(answer, { [STATE_COOKIE]: begun.state }));
    const replay = await callback(answer, { [STATE_COOKIE]: begun.state });
    expect(replay.headers.location).toBe('/sign-in?sso=sso_failed');
  });

  it('refuses an ID token whose nonce is not the one sent', async () => {
    const login = account({ email: `nonce.${backend}@example.org`, emailVerified: true });
    const begun = await start();
    // As if the token had been issued for another sign-in: the nonce kept for this one differs.
    await t.database.db.updateTable('sso_attempt').set({ nonce: 'a-nonce-this-sign-in-never-sent' }).execute();
    const answer = await signInAtProvider(begun.location, login);
    const refused = await callback(answer, { [STATE_COOKIE]: begun.state });
    expect(refused.headers.location).toBe('/sign-in?sso=sso_failed');
    expect(cookieValue(refused.headers['set-cookie'], SESSION_COOKIE)).toBeUndefined();
    expect(refusalReasons()).toContain('nonce');
  });

  it('refuses an answer that names another issuer', async () => {
    const login = account({ email: `issuer.${backend}@example.org`, emailVerified: true });
    const begun = await start();
    const answer = await signInAtProvider(begun.location, login);
    expect(answer.searchParams.get('iss')).toBe(provider.issuer);
    answer.searchParams.set('iss', 'https://impostor.example');
    const refused = await callback(answer, { [STATE_COOKIE]: begun.state });
    expect(refused.headers.location).toBe('/sign-in?sso=sso_failed');
    expect(cookieValue(refused.headers['set-cookie'], SESSION_COOKIE)).toBeUndefined();
    expect(refusalReasons()).toContain('issuer');
  });

  it('refuses a provider whose discovery document names another issuer than the one configured', async () => {
    const impostor = await startTestProvider({ redirectUris: [redirectUri(t.config)], issuerHost: 'localhost' });
    const misled = await testApp(backend, {
      sso: {
        issuer: impostor.issuer.replace('localhost', '127.0.0.1'),
        clientId: impostor.clientId,
        clientSecret: impostor.clientSecret,
        name: undefined,
        staffDomains: [],
      },
    });
    try {
      const response = await misled.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('/sign-in?sso=unavailable');
      expect(cookieValue(response.headers['set-cookie'], STATE_COOKIE)).toBeUndefined();
    } finally {
      await misled.close();
      await impostor.close();
    }
  });

  it('refuses a return path to another host', async () => {
    for (const redirect of ['//evil.example/', '/\\evil.example', 'https://evil.example/']) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/auth/oidc/start?redirect=${encodeURIComponent(redirect)}`,
      });
      expect(response.statusCode, redirect).toBe(400);
    }
  });

  it('refuses a password sign-in to staff, while an external person still signs in with a password', async () => {
    const staff = await t.user({ role: 'analyst', email: `sam.staff.${backend}@osce.example` });
    const field = await t.user({ role: 'expert', email: `fiona.field.${backend}@vienna.osce.example` });
    const delegate = await t.user({ role: 'delegation', email: `diego.${backend}@ministry.example` });
    for (const person of [staff, field]) {
      const refused = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: person.email, password: PERSONA_PASSWORD },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('sso_required');
      expect(refused.headers['set-cookie']).toBeUndefined();
    }
    const allowed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: delegate.email, password: PERSONA_PASSWORD },
    });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json().user.email).toBe(delegate.email);
  });
});

describe.each(testBackends())('without single sign-on configured, on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend);
  });
  afterAll(() => t?.close());

  it('says so to the sign-in page, and the flow’s routes answer that it is not set up', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/oidc' })).json()).toEqual({ enabled: false, name: null });
    for (const url of ['/api/auth/oidc/start', '/api/auth/oidc/callback?code=x&state=y']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('sso_not_configured');
    }
  });
});
