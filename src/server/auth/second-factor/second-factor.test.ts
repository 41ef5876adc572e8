import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../access/roles.js';
import { SESSION_COOKIE } from '../../http/session.js';
import { PERSONA_PASSWORD, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { sealPlainSecrets } from './sealing.js';
import { codeAt, newSecret } from './totp.js';

/** A session opened through the sign-in form, as the browser holds it. */
interface Signed {
  cookie: string;
  csrfToken: string;
  secondFactorStep: 'verify' | 'enrol' | null;
}

describe.each(testBackends())('two-factor sign-in on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend, { loginMaxFailuresPerAccount: 3, loginMaxFailuresPerAddress: 50 });
  });
  afterAll(() => t?.close());

  async function login(email: string, remoteAddress = '127.0.0.1'): Promise<Signed> {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: PERSONA_PASSWORD },
      remoteAddress,
    });
    expect(response.statusCode).toBe(200);
    const cookie = String([response.headers['set-cookie']].flat().find((c) => String(c).startsWith(SESSION_COOKIE))).split(
      ';',
    )[0] as string;
    const body = response.json();
    return { cookie, csrfToken: body.csrfToken, secondFactorStep: body.secondFactorStep };
  }

  function call(session: Signed, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, remoteAddress = '127.0.0.1') {
    return t.app.inject({
      method,
      url,
      remoteAddress,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  }

  /** Enrols through the routes as a person would; returns the secret and the recovery codes shown. */
  async function enrol(session: Signed) {
    const started = await call(session, 'POST', '/api/auth/second-factor/enrolment');
    expect(started.statusCode).toBe(200);
    const { secret, uri, qrCode } = started.json();
    expect(uri).toContain(`secret=${secret}`);
    expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    const confirmed = await call(session, 'POST', '/api/auth/second-factor/enrolment/confirm', { code: codeAt(secret) });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json() as { recoveryCodes: string[] };
    return { secret: secret as string, recoveryCodes };
  }

  async function person(role: Role) {
    const { email, userId } = await t.user({ role });
    return { email, userId };
  }

  async function auditVerbs(recordId: string) {
    const rows = await t.database.db.selectFrom('audit_log').select('verb').where('record_id', '=', recordId).execute();
    return rows.map((row) => row.verb);
  }

  it('makes a co-ordinator enrol before anything else, then lets the session through', async () => {
    const { email, userId } = await person('coordinator');
    const session = await login(email);
    expect(session.secondFactorStep).toBe('enrol');
    const blocked = await call(session, 'GET', '/api/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('second_factor_enrolment_required');
    // Removing is not a way round: the role requires a factor.
    expect((await call(session, 'GET', '/api/auth/session')).json().secondFactorStep).toBe('enrol');

    const { recoveryCodes } = await enrol(session);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await call(session, 'GET', '/api/users')).statusCode).toBe(200);
    expect(await auditVerbs(userId)).toContain('auth.second_factor_enrol');
    const status = await call(session, 'GET', '/api/auth/second-factor');
    expect(status.json()).toEqual({ enrolled: true, required: true, recoveryCodesLeft: 10 });
  });

  it('requires enrolment of incident reviewers too, but not of an expert', async () => {
    const reviewer = await login((await person('incident_reviewer')).email);
    expect(reviewer.secondFactorStep).toBe('enrol');
    expect((await call(reviewer, 'GET', '/api/notifications')).json().code).toBe('second_factor_enrolment_required');
    const expert = await login((await person('expert')).email);
    expect(expert.secondFactorStep).toBeNull();
    expect((await call(expert, 'GET', '/api/notifications')).statusCode).toBe(200);
  });

  it('refuses a wrong enrolment code on its field and keeps the session limited', async () => {
    const session = await login((await person('coordinator')).email);
    const started = await call(session, 'POST', '/api/auth/second-factor/enrolment');
    const { secret } = started.json();
    const wrong = await call(session, 'POST', '/api/auth/second-factor/enrolment/confirm', {
      code: codeAt(secret, Date.now() - 10 * 60_000),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ pointer: '/code', code: 'wrong_code' });
    expect((await call(session, 'GET', '/api/users')).json().code).toBe('second_factor_enrolment_required');
  });

  it('accepts a code within the window, refuses one outside it and the same code twice', async () => {
    const { email } = await person('expert');
    const { secret } = await enrol(await login(email));

    const later = await login(email);
    expect(later.secondFactorStep).toBe('verify');
    expect((await call(later, 'GET', '/api/notifications')).json().code).toBe('second_factor_required');
    // Five minutes old: outside the window of one step either side.
    const stale = await call(later, 'POST', '/api/auth/second-factor/verify', { code: codeAt(secret, Date.now() - 5 * 60_000) });
    expect(stale.statusCode).toBe(400);
    expect(stale.json().errors[0].pointer).toBe('/code');
    // From the next step (a fast clock): within the window.
    const next = codeAt(secret, Date.now() + 30_000);
    const ok = await call(later, 'POST', '/api/auth/second-factor/verify', { code: next });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().secondFactorStep).toBeNull();
    expect((await call(later, 'GET', '/api/notifications')).statusCode).toBe(200);

    // The same code, seen by someone looking over the shoulder, does not open a second session.
    const replay = await login(email);
    const again = await call(replay, 'POST', '/api/auth/second-factor/verify', { code: next });
    expect(again.statusCode).toBe(400);
    expect((await call(replay, 'GET', '/api/notifications')).statusCode).toBe(403);
  });

  it('keeps the secret sealed in the database, and signs in with codes from the secret shown at enrolment', async () => {
    const { email, userId } = await person('expert');
    const { secret } = await enrol(await login(email));
    const row = await t.database.db
      .selectFrom('user_second_factor')
      .select('secret')
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(row.secret).toMatch(/^sealed:v1:/);
    expect(row.secret).not.toContain(secret);
    // Nor in any other column of the row.
    const whole = await t.database.db.selectFrom('user_second_factor').selectAll().where('user_id', '=', userId).execute();
    expect(JSON.stringify(whole)).not.toContain(secret);

    const later = await login(email);
    const ok = await call(later, 'POST', '/api/auth/second-factor/verify', { code: codeAt(secret, Date.now() + 30_000) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().secondFactorStep).toBeNull();
  });

  it('signs in an account enrolled before secrets were sealed, and seals its secret at the next start', async () => {
    const { email, userId } = await person('expert');
    // Kept in the clear, as enrolments were before.
    const secret = newSecret();
    await t.database.db
      .insertInto('user_second_factor')
      .values({ user_id: userId, secret, confirmed_at: new Date(), last_step: null })
      .execute();
    const before = await login(email);
    expect(before.secondFactorStep).toBe('verify');
    const first = await call(before, 'POST', '/api/auth/second-factor/verify', { code: codeAt(secret, Date.now() - 30_000) });
    expect(first.statusCode).toBe(200);

    // What the server does at start, after the migrations.
    expect(await sealPlainSecrets(t.database.db, t.config)).toBeGreaterThanOrEqual(1);
    const row = await t.database.db
      .selectFrom('user_second_factor')
      .select('secret')
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(row.secret).toMatch(/^sealed:v1:/);
    expect(row.secret).not.toContain(secret);
    // A second start finds nothing left in the clear.
    expect(await sealPlainSecrets(t.database.db, t.config)).toBe(0);

    const after = await login(email);
    const ok = await call(after, 'POST', '/api/auth/second-factor/verify', { code: codeAt(secret, Date.now() + 30_000) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().secondFactorStep).toBeNull();
  });

  it('accepts a recovery code once, then refuses it', async () => {
    const { email, userId } = await person('coordinator');
    const { recoveryCodes } = await enrol(await login(email));
    const code = recoveryCodes[3] as string;

    const first = await login(email);
    const used = await call(first, 'POST', '/api/auth/second-factor/verify', { recoveryCode: ` ${code.toUpperCase()} ` });
    expect(used.statusCode).toBe(200);
    expect((await call(first, 'GET', '/api/users')).statusCode).toBe(200);
    expect((await call(first, 'GET', '/api/auth/second-factor')).json().recoveryCodesLeft).toBe(9);

    const second = await login(email);
    const reused = await call(second, 'POST', '/api/auth/second-factor/verify', { recoveryCode: code });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().errors[0]).toMatchObject({ pointer: '/recoveryCode', code: 'wrong_code' });
    expect((await call(second, 'GET', '/api/users')).json().code).toBe('second_factor_required');
    const verbs = await auditVerbs(userId);
    expect(verbs).toContain('auth.second_factor_failed');
  });

  it('counts wrong codes in the sign-in throttle and audits them', async () => {
    const { email, userId } = await person('expert');
    const { secret } = await enrol(await login(email, '198.51.100.7'));
    const session = await login(email, '198.51.100.7');
    for (let i = 0; i < 3; i++) {
      const wrong = await call(session, 'POST', '/api/auth/second-factor/verify', { code: '000000' }, '198.51.100.7');
      expect(wrong.statusCode).toBe(400);
    }
    // Even the right code now waits, as a password would.
    const limited = await call(session, 'POST', '/api/auth/second-factor/verify', { code: codeAt(secret) }, '198.51.100.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBeDefined();
    const failures = (await auditVerbs(userId)).filter((verb) => verb === 'auth.second_factor_failed');
    expect(failures).toHaveLength(3);
  });

  it('lets a person remove their own optional factor with their password, but not a co-ordinator', async () => {
    const { email, userId } = await person('analyst');
    const session = await login(email);
    await enrol(session);
    const wrong = await call(session, 'DELETE', '/api/auth/second-factor', { password: 'not-my-password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].pointer).toBe('/password');
    const removed = await call(session, 'DELETE', '/api/auth/second-factor', { password: PERSONA_PASSWORD });
    expect(removed.statusCode).toBe(204);
    expect((await login(email)).secondFactorStep).toBeNull();
    expect(await auditVerbs(userId)).toContain('auth.second_factor_remove');

    const coordinator = await login((await person('coordinator')).email);
    await enrol(coordinator);
    const refused = await call(coordinator, 'DELETE', '/api/auth/second-factor', { password: PERSONA_PASSWORD });
    expect(refused.statusCode).toBe(403);
  });

  it('lets the co-ordinator reset a person’s factor, audited, and ends their sessions; nobody else may', async () => {
    const { email, userId } = await person('incident_reviewer');
    const session = await login(email);
    await enrol(session);

    const expert = await t.as('expert');
    const notAllowed = await t.request(expert, { method: 'DELETE', url: `/api/users/${userId}/second-factor` });
    expect(notAllowed.statusCode).toBe(403);

    const coordinator = await t.as('coordinator');
    const shown = (await t.request(coordinator, { method: 'GET', url: `/api/users/${userId}` })).json();
    expect(shown.secondFactor).toBe(true);
    expect(shown.actions).toContain('reset_second_factor');
    const reset = await t.request(coordinator, { method: 'DELETE', url: `/api/users/${userId}/second-factor` });
    expect(reset.statusCode).toBe(204);
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'verb'])
      .where('record_id', '=', userId)
      .where('verb', '=', 'auth.second_factor_reset')
      .executeTakeFirst();
    expect(audited?.actor_id).toBe(coordinator.userId);
    expect((await call(session, 'GET', '/api/auth/session')).statusCode).toBe(401);
    // The reviewer's role still requires a factor: the next sign-in enrols again.
    expect((await login(email)).secondFactorStep).toBe('enrol');
    const nothingLeft = await t.request(coordinator, { method: 'DELETE', url: `/api/users/${userId}/second-factor` });
    expect(nothingLeft.statusCode).toBe(404);
    const self = await t.request(coordinator, { method: 'DELETE', url: `/api/users/${coordinator.userId}/second-factor` });
    expect(self.statusCode).toBe(403);
  });
});
