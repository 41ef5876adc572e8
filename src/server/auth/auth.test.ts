import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../http/session.js';
import { PERSONA_PASSWORD, type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';

function sessionCookie(setCookie: string | string[] | undefined): string {
  const header = [setCookie ?? []].flat().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!header) throw new Error('no session cookie was set');
  return header;
}

describe.each(testBackends())('signing in and sessions on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend, { loginMaxFailuresPerAccount: 3, loginMaxFailuresPerAddress: 8 });
  });
  afterAll(() => t?.close());

  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });

  it('signs in with the right password and sets a protected session cookie', async () => {
    const person = await t.user({ role: 'analyst' });
    const response = await login(person.email.toUpperCase(), PERSONA_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = sessionCookie(response.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain HTTP in tests; behind TLS the cookie is Secure
    const body = response.json();
    expect(body.user.email).toBe(person.email);
    expect(body.grants).toEqual([{ role: 'analyst', scopeType: 'global', organisationId: null, countryIso2: null }]);
    const token = cookie.split(';')[0] as string;
    const session = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: token } });
    expect(session.statusCode).toBe(200);
    expect(session.json().csrfToken).toBe(body.csrfToken);
  });

  it('sets the Secure flag when the request came over TLS through a trusted proxy', async () => {
    const proxied = await testApp(backend, { trustProxy: true });
    try {
      const person = await proxied.user({ role: 'expert' });
      const response = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: person.email, password: PERSONA_PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(response.statusCode).toBe(200);
      expect(sessionCookie(response.headers['set-cookie'])).toMatch(/Secure/i);
      expect(response.headers['strict-transport-security']).toMatch(/max-age=/);
    } finally {
      await proxied.close();
    }
  });

  it('refuses a wrong password or unknown account with the same answer', async () => {
    const person = await t.user({ role: 'expert' });
    const wrong = await login(person.email, 'not-the-password', { 'x-forwarded-for': '10.0.0.1' });
    const unknown = await login('nobody@example.org', 'not-the-password', { 'x-forwarded-for': '10.0.0.1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().title).toBe(unknown.json().title);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('makes an address that keeps failing on an account wait, while the right password from elsewhere gets in', async () => {
    const person = await t.user({ role: 'expert' });
    for (let i = 0; i < 3; i++) expect((await login(person.email, `wrong-${i}`)).statusCode).toBe(401);
    const delayed = await login(person.email, PERSONA_PASSWORD);
    expect(delayed.statusCode).toBe(429);
    expect(delayed.headers['retry-after']).toBe(String(t.config.loginDelaySeconds));
    expect(delayed.json().code).toBe('rate_limited');
    // The owner, from an address that has not been failing, is not locked out.
    const owner = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: person.email, password: PERSONA_PASSWORD },
      remoteAddress: '192.0.2.10',
    });
    expect(owner.statusCode).toBe(200);
    // Another account from the same address is not held up by this one.
    const other = await t.user({ role: 'expert' });
    expect((await login(other.email, PERSONA_PASSWORD)).statusCode).toBe(200);
  });

  it('limits failed sign-ins per address across accounts', async () => {
    const busy = await testApp(backend, { loginMaxFailuresPerAccount: 100, loginMaxFailuresPerAddress: 4 });
    try {
      const person = await busy.user({ role: 'expert' });
      for (let i = 0; i < 4; i++) {
        const r = await busy.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: `guess${i}@example.org`, password: 'x' },
        });
        expect(r.statusCode).toBe(401);
      }
      const r = await busy.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: person.email, password: PERSONA_PASSWORD },
      });
      expect(r.statusCode).toBe(429);
    } finally {
      await busy.close();
    }
  });

  it('ends a session presented at sign-in, so a planted session id is never upgraded', async () => {
    const person = await t.user({ role: 'expert' });
    const planted = await t.session(person.userId);
    const response = await login(person.email, PERSONA_PASSWORD, { cookie: planted.cookie });
    expect(response.statusCode).toBe(200);
    expect(sessionCookie(response.headers['set-cookie'])).not.toContain(planted.cookie);
    const reuse = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: planted.cookie } });
    expect(reuse.statusCode).toBe(401);
  });

  it('refuses a disabled account', async () => {
    const person = await t.user({ role: 'expert' });
    await t.database.db.updateTable('app_user').set({ disabled_at: new Date() }).where('id', '=', person.userId).execute();
    expect((await login(person.email, PERSONA_PASSWORD)).json().code).toBe('account_disabled');
    const existing = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: person.cookie } });
    expect(existing.statusCode).toBe(401);
  });

  it('expires sessions after the idle time and after the absolute lifetime', async () => {
    const idle = await t.user({ role: 'expert' });
    await t.database.db
      .updateTable('user_session')
      .set({ last_seen_at: sql`now() - make_interval(mins => ${t.config.sessionIdleMinutes + 1})` })
      .where('user_id', '=', idle.userId)
      .execute();
    expect((await t.request(idle, { method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
    const old = await t.user({ role: 'expert' });
    await t.database.db
      .updateTable('user_session')
      .set({ expires_at: sql`now() - interval '1 second'` })
      .where('user_id', '=', old.userId)
      .execute();
    expect((await t.request(old, { method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
  });

  it('signs out: the session no longer opens anything', async () => {
    const person = await t.user({ role: 'coordinator' });
    const out = await t.request(person, { method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(204);
    expect((await t.request(person, { method: 'GET', url: '/api/users' })).statusCode).toBe(401);
  });

  it('requires the CSRF token on signed-in writes and refuses foreign origins', async () => {
    const person = await t.user({ role: 'coordinator' });
    const noToken = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: person.cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('csrf');
    const wrongToken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: person.cookie, 'x-csrf-token': `${person.csrfToken.slice(0, -2)}xx` },
    });
    expect(wrongToken.json().code).toBe('csrf');
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: person.email, password: PERSONA_PASSWORD },
      headers: { origin: 'https://evil.example', host: 'localhost:3000' },
    });
    expect(foreign.statusCode).toBe(403);
    // The session survived all three attempts.
    expect((await t.request(person, { method: 'GET', url: '/api/auth/session' })).statusCode).toBe(200);
  });

  it('accepts a write from the public address behind a trusted proxy that rewrites Host, and only then', async () => {
    const proxied = await testApp(backend, { trustProxy: true });
    try {
      const person = await proxied.user({ role: 'coordinator' });
      const headers = {
        origin: 'https://crossroads.example.org',
        host: 'app-1.internal:3000',
        'x-forwarded-host': 'crossroads.example.org',
      };
      const behindProxy = await proxied.request(person, {
        method: 'PATCH',
        url: '/api/auth/account',
        payload: { language: 'de' },
        headers,
      });
      expect(behindProxy.statusCode).toBe(200);
      const forged = await t.request(await t.user({ role: 'coordinator' }), {
        method: 'PATCH',
        url: '/api/auth/account',
        payload: { language: 'de' },
        headers,
      });
      expect(forged.statusCode).toBe(403);
      expect(forged.json().code).toBe('csrf');
    } finally {
      await proxied.close();
    }
  });

  it('forces a password change first, then lets the person in and ends their other sessions', async () => {
    const person = await t.user({ role: 'coordinator', mustChangePassword: true });
    const other = await t.session(person.userId);
    const blocked = await t.request(person, { method: 'GET', url: '/api/users' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_change_required');
    expect((await t.request(person, { method: 'GET', url: '/api/auth/session' })).json().mustChangePassword).toBe(true);

    const weak = await t.request(person, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: PERSONA_PASSWORD, newPassword: 'aaaaaaaaaaaaaaaa' },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().errors[0].pointer).toBe('/newPassword');
    const wrongCurrent = await t.request(person, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'not-it', newPassword: 'A much better passphrase 7' },
    });
    expect(wrongCurrent.statusCode).toBe(400);

    const changed = await t.request(person, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: PERSONA_PASSWORD, newPassword: 'A much better passphrase 7' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await t.request(person, { method: 'GET', url: '/api/users' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: other.cookie } })).statusCode).toBe(
      401,
    );
    expect((await login(person.email, 'A much better passphrase 7')).statusCode).toBe(200);
    const verbs = await t.database.db.selectFrom('audit_log').select('verb').where('actor_id', '=', person.userId).execute();
    expect(verbs.map((v) => v.verb)).toContain('auth.change_password');
  });

  it('does not ask again for the one-time password at the forced change, but does ask for it otherwise', async () => {
    const person = await t.user({ role: 'coordinator', mustChangePassword: true });
    const weak = await t.request(person, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { newPassword: 'aaaaaaaaaaaaaaaa' },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().errors[0]).toMatchObject({ pointer: '/newPassword' });
    const changed = await t.request(person, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { newPassword: 'Lantern harbour quietly 42' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await t.request(person, { method: 'GET', url: '/api/users' })).statusCode).toBe(200);
    // Once changed, a further change needs the current password, on its field.
    const again = await t.request(person, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { newPassword: 'Another harbour lantern 43' },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0]).toMatchObject({ pointer: '/currentPassword', code: 'required' });
    expect((await login(person.email, 'Lantern harbour quietly 42')).statusCode).toBe(200);
  });

  it('treats a session before the forced password change as anonymous on public routes', async () => {
    const editor = await t.user({ role: 'coordinator' });
    const odihr = await t.database.db
      .selectFrom('organisation')
      .select('id')
      .where('code', '=', 'ODIHR')
      .executeTakeFirstOrThrow();
    const added = await t.request(editor, {
      method: 'POST',
      url: '/api/directory/contacts',
      payload: { organisationId: odihr.id, name: 'Staff Only Contact', visibility: 'osce_staff' },
    });
    expect(added.statusCode).toBe(201);
    const contact = `/api/directory/contacts/${added.json().id}`;
    expect((await t.request(editor, { method: 'GET', url: contact })).statusCode).toBe(200);
    expect((await t.request(null, { method: 'GET', url: contact })).statusCode).toBe(404);

    const pending = await t.user({ role: 'coordinator', mustChangePassword: true });
    expect((await t.request(pending, { method: 'GET', url: contact })).statusCode).toBe(404);
    const list = await t.request(pending, { method: 'GET', url: '/api/directory/contacts?q=Staff%20Only' });
    expect(list.statusCode).toBe(200);
    expect(JSON.stringify(list.json())).not.toContain('Staff Only Contact');
    // What the password change needs still works, and afterwards the grants count again.
    expect((await t.request(pending, { method: 'GET', url: '/api/auth/session' })).json().mustChangePassword).toBe(true);
    const changed = await t.request(pending, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: PERSONA_PASSWORD, newPassword: 'Ferry-Lantern-Orchard-58' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await t.request(pending, { method: 'GET', url: contact })).statusCode).toBe(200);
  });

  it('refuses common and personal new passwords with a code for each field error', async () => {
    const person = await t.user({ role: 'expert', email: 'maria.rossi@example.org' });
    await t.database.db.updateTable('app_user').set({ name: 'Maria Rossi' }).where('id', '=', person.userId).execute();
    for (const [newPassword, code] of [
      ['Qwerty123456', 'common'],
      ['Summer2026!!', 'common'],
      ['Rossi-Family-1987', 'contains_name'],
      ['maria.rossi-2026', 'contains_email'],
    ]) {
      const refused = await t.request(person, {
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: PERSONA_PASSWORD, newPassword },
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors).toMatchObject([
        { pointer: '/newPassword', code, message: expect.any(String), messageKey: expect.stringMatching(/^auth\./) },
      ]);
    }
  });

  it('ends the session after too many wrong current passwords, and sign-in is then throttled', async () => {
    const person = await t.user({ role: 'expert' });
    const attempt = (currentPassword: string) =>
      t.request(person, {
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword, newPassword: 'Ferry-Lantern-Orchard-58' },
        remoteAddress: '192.0.2.50',
      });
    expect((await attempt('guess one')).statusCode).toBe(400);
    expect((await attempt('guess two')).statusCode).toBe(400);
    const ended = await attempt('guess three');
    expect(ended.statusCode).toBe(401);
    expect(ended.json().code).toBe('unauthenticated');
    expect((await t.request(person, { method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
    // The guesses count as failed sign-ins from this address: it must wait, the owner elsewhere need not.
    const here = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: person.email, password: PERSONA_PASSWORD },
      remoteAddress: '192.0.2.50',
    });
    expect(here.statusCode).toBe(429);
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: person.email, password: PERSONA_PASSWORD },
      remoteAddress: '192.0.2.44',
    });
    expect(elsewhere.statusCode).toBe(200);
    const verbs = await t.database.db.selectFrom('audit_log').select('verb').where('actor_id', '=', person.userId).execute();
    expect(verbs.map((v) => v.verb).filter((v) => v === 'auth.change_password_refused')).toHaveLength(3);
  });

  it('lets a person change their own name and language, and nothing else', async () => {
    const person = await t.user({ role: 'expert' });
    const changed = await t.request(person, {
      method: 'PATCH',
      url: '/api/auth/account',
      payload: { language: 'ru', name: ' Erik Expert ' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().user).toMatchObject({ language: 'ru', name: 'Erik Expert' });
    expect((await t.request(person, { method: 'GET', url: '/api/auth/session' })).json().user.language).toBe('ru');
    const escalate = await t.request(person, {
      method: 'PATCH',
      url: '/api/auth/account',
      payload: { grants: [{ role: 'coordinator' }] },
    });
    expect(escalate.statusCode).toBe(400);
    const badLanguage = await t.request(person, { method: 'PATCH', url: '/api/auth/account', payload: { language: 'xx' } });
    expect(badLanguage.statusCode).toBe(400);
  });

  it('stores only a hash of the session token', async () => {
    const person = await t.user({ role: 'expert' });
    const response = await login(person.email, PERSONA_PASSWORD);
    const token = (sessionCookie(response.headers['set-cookie']).split(';')[0] as string).split('=')[1] as string;
    const { rows } = await sql<{ found: number }>`
      select count(*)::int as found from user_session where encode(token_hash, 'escape') like ${`%${token}%`}`.execute(
      t.database.db,
    );
    expect(rows[0]?.found).toBe(0);
  });
});
