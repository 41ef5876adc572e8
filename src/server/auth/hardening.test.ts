import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../http/session.js';
import { PERSONA_PASSWORD, type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';

/** Attacks on sign-in and sessions beyond the everyday cases of auth.test.ts. */
describe.each(testBackends())('sign-in and sessions under attack on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend, { loginMaxFailuresPerAccount: 3, loginMaxFailuresPerAddress: 1000 });
  });
  afterAll(() => t?.close());

  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });
  const cookieOf = (response: { headers: Record<string, unknown> }) =>
    String([response.headers['set-cookie']].flat().find((c) => String(c).startsWith(`${SESSION_COOKIE}=`)) ?? '');

  it('stops a burst of parallel guesses at the limit, not after it', async () => {
    const person = await t.user({ role: 'expert' });
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => login(person.email, `guess number ${i}`)));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(9);
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from login_failure where account_key = ${person.email}`.execute(t.database.db);
    expect(rows[0]?.n).toBe(3);
  });

  it('counts an account’s failures whatever the case and spacing of its email, and for unknown accounts alike', async () => {
    const person = await t.user({ role: 'expert' });
    for (const variant of [person.email.toUpperCase(), ` ${person.email}`, `${person.email} `]) {
      expect((await login(variant, 'wrong')).statusCode).toBe(401);
    }
    expect((await login(person.email, PERSONA_PASSWORD)).statusCode).toBe(429);
    for (let i = 0; i < 3; i++) expect((await login('nobody.here@example.org', 'wrong')).statusCode).toBe(401);
    const unknown = await login('nobody.here@example.org', 'wrong');
    expect(unknown.statusCode).toBe(429); // the same answer as for a real account: no account is revealed
  });

  it('forgets failures older than the window, and a success does not wipe the count', async () => {
    const person = await t.user({ role: 'expert' });
    for (let i = 0; i < 2; i++) await login(person.email, 'wrong');
    expect((await login(person.email, PERSONA_PASSWORD)).statusCode).toBe(200);
    expect((await login(person.email, 'wrong')).statusCode).toBe(401);
    expect((await login(person.email, PERSONA_PASSWORD)).statusCode).toBe(429);
    await sql`update login_failure set at = now() - make_interval(mins => ${t.config.loginWindowMinutes + 1})
      where account_key = ${person.email}`.execute(t.database.db);
    expect((await login(person.email, PERSONA_PASSWORD)).statusCode).toBe(200);
  });

  const loginFrom = (address: string, email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: address });
  /** Moves an account's recorded failures into the past, as if that many seconds had gone by. */
  const wait = (email: string, seconds: number) =>
    sql`update login_failure set at = at - make_interval(secs => ${seconds}) where account_key = ${email}`.execute(t.database.db);

  it('lets the owner in with the right password while an attacker hammers the account', async () => {
    const person = await t.user({ role: 'coordinator' });
    const guesses = Array.from({ length: 10 }, (_, i) => loginFrom('203.0.113.5', person.email, `guess ${i}`));
    const owner = loginFrom('198.51.100.7', person.email, PERSONA_PASSWORD);
    const [answers, own] = await Promise.all([Promise.all(guesses), owner]);
    expect(own.statusCode).toBe(200);
    // The owner's attempt holds a reservation while its password is checked: it may cost the attacker a guess.
    const statuses = answers.map((a) => a.statusCode);
    const guessed = statuses.filter((s) => s === 401).length;
    expect(guessed).toBeGreaterThanOrEqual(2);
    expect(guessed).toBeLessThanOrEqual(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10 - guessed);
    // After the attack the owner still signs in at once from their own address.
    expect((await loginFrom('198.51.100.7', person.email, PERSONA_PASSWORD)).statusCode).toBe(200);
  });

  it('doubles the wait of a failing address after every further failure, up to the longest wait', async () => {
    const person = await t.user({ role: 'expert' });
    const base = t.config.loginDelaySeconds;
    for (let i = 0; i < 3; i++) expect((await loginFrom('203.0.113.9', person.email, `guess ${i}`)).statusCode).toBe(401);
    let expected = base;
    for (let round = 0; round < 3; round++) {
      const early = await loginFrom('203.0.113.9', person.email, 'next guess');
      expect(early.statusCode).toBe(429);
      expect(early.headers['retry-after']).toBe(String(expected));
      await wait(person.email, expected);
      expect((await loginFrom('203.0.113.9', person.email, 'next guess')).statusCode).toBe(401);
      expected *= 2;
    }
    // Many failures later the wait stops growing at the longest wait.
    await sql`insert into login_failure (account_key, address)
      select ${person.email}, '203.0.113.9' from generate_series(1, 40)`.execute(t.database.db);
    const capped = await loginFrom('203.0.113.9', person.email, PERSONA_PASSWORD);
    expect(capped.statusCode).toBe(429);
    expect(capped.headers['retry-after']).toBe(String(t.config.loginMaxDelaySeconds));
  });

  it('throttles guesses from ever new addresses on one account too', async () => {
    const person = await t.user({ role: 'expert' });
    for (let i = 0; i < 3; i++) expect((await loginFrom(`198.18.0.${i}`, person.email, `guess ${i}`)).statusCode).toBe(401);
    const fresh = await loginFrom('198.18.0.99', person.email, 'guess 99');
    expect(fresh.statusCode).toBe(429);
    expect(fresh.headers['retry-after']).toBe(String(t.config.loginDelaySeconds));
    await wait(person.email, t.config.loginDelaySeconds);
    expect((await loginFrom('198.18.0.99', person.email, PERSONA_PASSWORD)).statusCode).toBe(200);
  });

  it('does not let a forged X-Forwarded-For escape the per-address limit without a trusted proxy', async () => {
    // The limits are read at each attempt: lowered for this test only, on the same server.
    const limits = { account: t.config.loginMaxFailuresPerAccount, address: t.config.loginMaxFailuresPerAddress };
    await sql`delete from login_failure`.execute(t.database.db);
    Object.assign(t.config, { loginMaxFailuresPerAccount: 1000, loginMaxFailuresPerAddress: 3 });
    try {
      for (let i = 0; i < 3; i++) {
        const response = await login(`spray${i}@example.org`, 'Winter2026!', { 'x-forwarded-for': `198.51.100.${i}` });
        expect(response.statusCode).toBe(401);
      }
      const next = await login('spray9@example.org', 'Winter2026!', { 'x-forwarded-for': '203.0.113.77' });
      expect(next.statusCode).toBe(429);
    } finally {
      Object.assign(t.config, { loginMaxFailuresPerAccount: limits.account, loginMaxFailuresPerAddress: limits.address });
      await sql`delete from login_failure`.execute(t.database.db);
    }
  });

  it('issues a new, unguessable session token at every sign-in, in a cookie scripts cannot read', async () => {
    const person = await t.user({ role: 'analyst' });
    const first = cookieOf(await login(person.email, PERSONA_PASSWORD));
    const second = cookieOf(await login(person.email, PERSONA_PASSWORD));
    const token = (cookie: string) => cookie.split(';')[0]?.split('=')[1] ?? '';
    expect(token(first)).not.toBe(token(second));
    expect(token(first)).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
    expect(first).toMatch(/; HttpOnly/i);
    expect(first).toMatch(/; SameSite=Lax/i);
    expect(first).toMatch(/; Path=\//);
    expect(first).not.toMatch(/Domain=/i);
    expect(first).toMatch(new RegExp(`Max-Age=${t.config.sessionAbsoluteHours * 3600}`));
  });

  it('accepts the session only from its cookie, never from a header or the address', async () => {
    const person = await t.user({ role: 'coordinator' });
    const token = person.cookie.split('=')[1] as string;
    for (const options of [
      { url: '/api/users', headers: { authorization: `Bearer ${token}` } },
      { url: `/api/users?${SESSION_COOKIE}=${token}`, headers: {} },
      { url: '/api/users', headers: { cookie: `${SESSION_COOKIE}=${token.slice(0, -1)}x` } },
    ]) {
      expect((await t.app.inject({ method: 'GET', ...options })).statusCode).toBe(401);
    }
  });

  it('refuses a write with another session’s CSRF token, a foreign or opaque origin, or a form post', async () => {
    const person = await t.user({ role: 'coordinator' });
    const other = await t.user({ role: 'coordinator' });
    const write = (headers: Record<string, string>, payload: unknown = { capital: 'Vienna' }) =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/countries/AT',
        payload: payload as string,
        headers: { cookie: person.cookie, ...headers },
      });
    expect((await write({ 'x-csrf-token': other.csrfToken })).json().code).toBe('csrf');
    expect((await write({ 'x-csrf-token': person.csrfToken, origin: 'https://evil.example' })).json().code).toBe('csrf');
    expect((await write({ 'x-csrf-token': person.csrfToken, origin: 'null' })).json().code).toBe('csrf');
    const form = await write({ 'content-type': 'application/x-www-form-urlencoded' }, 'capital=Evil');
    expect(form.statusCode).toBe(403);
    expect(form.json().code).toBe('csrf');
    // The same request from the page itself goes through.
    const own = await write({ 'x-csrf-token': person.csrfToken, origin: 'http://localhost:3000', host: 'localhost:3000' });
    expect(own.statusCode).toBe(200);
    const audited = await t.database.db.selectFrom('audit_log').select('actor_id').where('record_id', '=', 'AT').execute();
    expect(audited).toEqual([{ actor_id: person.userId }]);
  });
});
