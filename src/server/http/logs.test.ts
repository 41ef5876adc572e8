import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONA_PASSWORD, type TestApp, testApp } from '../test-support/app.js';
import { passSecondStep } from '../test-support/second-factor.js';

describe('what reaches the logs', () => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    t = await testApp('pglite', { logLevel: 'trace' }, { logStream: stream });
  });
  afterAll(() => t?.close());

  it('holds no password, session token, CSRF token or personal detail of a whole sign-in journey', async () => {
    const person = await t.user({ role: 'coordinator', email: 'secret.person@example.org' });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login?next=%2Fusers&token=feed-token-in-query',
      payload: { email: person.email, password: PERSONA_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = String([login.headers['set-cookie']].flat()[0]).split(';')[0] as string;
    const csrf = login.json().csrfToken as string;
    await passSecondStep(
      async (method, url, payload) => {
        const answer = await t.app.inject({
          method: method as 'POST',
          url,
          headers: { cookie, 'x-csrf-token': csrf },
          ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
        });
        return { status: answer.statusCode, body: answer.json() };
      },
      person.email,
      login.json().secondFactorStep,
    );
    const newPassword = 'Brand new hidden passphrase 42';
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: PERSONA_PASSWORD, newPassword },
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(change.statusCode).toBe(204);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      payload: { email: 'another.secret@example.org', name: 'Hidden Name' },
      headers: { cookie, 'x-csrf-token': csrf },
    });
    const oneTime = created.json().oneTimePassword as string;
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'another.secret@example.org', password: 'wrong guess 123' },
    });

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(5); // the logs were really captured
    for (const secret of [
      PERSONA_PASSWORD,
      newPassword,
      oneTime,
      cookie.split('=')[1] as string,
      csrf,
      'wrong guess 123',
      'feed-token-in-query',
      'secret.person@example.org',
      'another.secret@example.org',
      'Hidden Name',
    ]) {
      expect(log).not.toContain(secret);
    }
  });

  it('holds no calendar feed token, whether in the path or the query, answered or refused', async () => {
    const person = await t.user({ role: 'expert' });
    const created = await t.request(person, { method: 'POST', url: '/api/calendar/tokens', payload: { label: 'phone' } });
    expect(created.statusCode).toBe(201);
    const { token, urls } = created.json() as { token: string; urls: { mine: string; missions: string } };
    const unknown = 'Unknown_Token-0123456789abcdefghijKLMNOPQRSTUV';
    const malformed = 'short!token!that.fails.the.pattern.0123456789';
    const before = lines.length;
    for (const url of [
      urls.mine,
      urls.missions,
      `${urls.mine}?token=${token}`,
      `/api/calendar/feeds/${token}/missions/00000000-0000-4000-8000-000000000000.ics`,
      `/api/calendar/feeds/${unknown}/mine.ics`,
      `/api/calendar/feeds/${malformed}/mine.ics`,
      `/api/calendar/feeds/${token}/nothing-here.ics`,
    ]) {
      await t.app.inject({ method: 'GET', url });
    }
    const log = lines.slice(before).join('');
    expect(log).toContain('/api/calendar/feeds/'); // the requests were logged, without their tokens
    for (const secret of [token, unknown, malformed]) expect(log).not.toContain(secret);
  });
});
