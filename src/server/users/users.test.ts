import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';

describe.each(testBackends())('user administration on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  let odihrId: string;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
    odihrId = (await t.database.db.selectFrom('organisation').select('id').where('code', '=', 'ODIHR').executeTakeFirstOrThrow())
      .id;
  });
  afterAll(() => t?.close());

  const auditOf = (recordId: string) =>
    t.database.db
      .selectFrom('audit_log')
      .select(['verb', 'actor_id', 'request_id'])
      .where('record_id', '=', recordId)
      .orderBy('id')
      .execute();

  it('creates an account whose one-time password signs in once and must then be changed', async () => {
    const created = await t.request(coordinator, {
      method: 'POST',
      url: '/api/users',
      payload: {
        email: 'new.focal@example.org',
        name: 'Nadia Focal',
        language: 'fr',
        grants: [{ role: 'focal_point', scopeType: 'organisation', organisationId: odihrId }],
      },
    });
    expect(created.statusCode).toBe(201);
    const { user, oneTimePassword } = created.json();
    expect(oneTimePassword).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
    expect(user).toMatchObject({ email: 'new.focal@example.org', language: 'fr', mustChangePassword: true, disabled: false });
    expect(user.grants).toEqual([{ role: 'focal_point', scopeType: 'organisation', organisationId: odihrId, countryIso2: null }]);
    expect(user.actions).toEqual(['edit', 'grant', 'reset_password']);
    expect(JSON.stringify(user)).not.toContain('password_hash');

    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'new.focal@example.org', password: oneTimePassword },
    });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json().mustChangePassword).toBe(true);
    const entries = await auditOf(user.id);
    expect(entries[0]).toMatchObject({
      verb: 'user.create',
      actor_id: coordinator.userId,
      request_id: created.headers['x-request-id'],
    });
  });

  it('refuses a grant on a scope the role does not take, and writes nothing', async () => {
    const response = await t.request(coordinator, {
      method: 'POST',
      url: '/api/users',
      payload: { email: 'wrong.scope@example.org', name: 'Wrong Scope', grants: [{ role: 'delegation', scopeType: 'global' }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].pointer).toBe('/grants/0/scopeType');
    const exists = await t.database.db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', 'wrong.scope@example.org')
      .executeTakeFirst();
    expect(exists).toBeUndefined();
  });

  it('refuses a grant on an organisation that does not exist, and rolls the account back', async () => {
    const response = await t.request(coordinator, {
      method: 'POST',
      url: '/api/users',
      payload: {
        email: 'ghost.org@example.org',
        name: 'Ghost',
        grants: [{ role: 'focal_point', scopeType: 'organisation', organisationId: '00000000-0000-4000-8000-000000000001' }],
      },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().detail).toBe('The organisation of this grant does not exist.');
    const exists = await t.database.db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', 'ghost.org@example.org')
      .executeTakeFirst();
    expect(exists).toBeUndefined();
  });

  it('finds users by name or email and by role, a page at a time', async () => {
    await t.as('delegation');
    const byRole = await t.request(coordinator, { method: 'GET', url: '/api/users?role=delegation' });
    expect(byRole.json().items.map((u: { email: string }) => u.email)).toEqual(['diego.delegation@example.org']);
    const byText = await t.request(coordinator, { method: 'GET', url: '/api/users?q=NADIA' });
    expect(byText.json().total).toBe(1);
    const page = await t.request(coordinator, { method: 'GET', url: '/api/users?limit=1&offset=1' });
    expect(page.json().items).toHaveLength(1);
    expect(page.json().total).toBeGreaterThan(2);
  });

  it('disables an account, which ends its sessions, and keeps one co-ordinator at least', async () => {
    const person = await t.user({ role: 'analyst' });
    const disabled = await t.request(coordinator, {
      method: 'PATCH',
      url: `/api/users/${person.userId}`,
      payload: { disabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().disabled).toBe(true);
    expect((await t.request(person, { method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);

    const self = await t.request(coordinator, {
      method: 'PATCH',
      url: `/api/users/${coordinator.userId}`,
      payload: { disabled: true },
    });
    expect(self.statusCode).toBe(409);
    const demote = await t.request(coordinator, {
      method: 'PUT',
      url: `/api/users/${coordinator.userId}/grants`,
      payload: { grants: [] },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().detail).toBe('At least one active co-ordinator must remain.');
  });

  it('replaces grants as a whole and audits the change', async () => {
    const person = await t.user({ role: 'expert' });
    const response = await t.request(coordinator, {
      method: 'PUT',
      url: `/api/users/${person.userId}/grants`,
      payload: {
        grants: [
          { role: 'delegation', scopeType: 'country', countryIso2: 'GR' },
          { role: 'analyst', scopeType: 'global' },
        ],
      },
    });
    expect(response.statusCode).toBe(200);
    expect(
      response
        .json()
        .grants.map((g: { role: string }) => g.role)
        .sort(),
    ).toEqual(['analyst', 'delegation']);
    expect((await auditOf(person.userId)).map((e) => e.verb)).toContain('user.grant');
    const session = await t.request(person, { method: 'GET', url: '/api/auth/session' });
    expect(session.json().grants).toHaveLength(2);
  });

  it('never lets a co-ordinator grant themselves the incident-reviewer role; another must, with a reason', async () => {
    const self = await t.user({ role: 'coordinator' });
    const other = await t.user({ role: 'coordinator' });
    const grants = [
      { role: 'coordinator', scopeType: 'global' },
      { role: 'incident_reviewer', scopeType: 'global' },
    ];
    const put = (who: Persona, payload: Record<string, unknown>) =>
      t.request(who, { method: 'PUT', url: `/api/users/${self.userId}/grants`, payload });
    const view = await t.request(self, { method: 'GET', url: `/api/users/${self.userId}` });
    expect(view.json().grantableRoles).not.toContain('incident_reviewer');
    expect((await t.request(other, { method: 'GET', url: `/api/users/${self.userId}` })).json().grantableRoles).toContain(
      'incident_reviewer',
    );

    const selfGrant = await put(self, { grants, reason: 'I review incidents now' });
    expect(selfGrant.statusCode).toBe(403);
    expect(selfGrant.json().code).toBe('forbidden');
    const withoutReason = await put(other, { grants });
    expect(withoutReason.statusCode).toBe(400);
    expect(withoutReason.json().errors[0].pointer).toBe('/reason');
    expect(await auditOf(self.userId)).toEqual([]);

    const granted = await put(other, { grants, reason: 'Covers the reviewer on leave until March' });
    expect(granted.statusCode).toBe(200);
    const entries = await t.database.db
      .selectFrom('audit_log')
      .select(['verb', 'actor_id', 'details'])
      .where('record_id', '=', self.userId)
      .execute();
    expect(entries).toEqual([
      {
        verb: 'user.grant',
        actor_id: other.userId,
        details: expect.objectContaining({
          reason: 'Covers the reviewer on leave until March',
          sensitiveGranted: [{ role: 'incident_reviewer', scopeType: 'global' }],
        }),
      },
    ]);
    // Holding it, the co-ordinator may still change their other roles and keep this one.
    const kept = await put(self, { grants: [...grants, { role: 'analyst', scopeType: 'global' }] });
    expect(kept.statusCode).toBe(200);
  });

  it('asks for a reason when an account is created with the incident-reviewer role', async () => {
    const body = {
      email: 'new.reviewer@example.org',
      name: 'New Reviewer',
      grants: [{ role: 'incident_reviewer', scopeType: 'global' }],
    };
    const missing = await t.request(coordinator, { method: 'POST', url: '/api/users', payload: body });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].pointer).toBe('/reason');
    const created = await t.request(coordinator, {
      method: 'POST',
      url: '/api/users',
      payload: { ...body, reason: 'Second reviewer for the Balkans route' },
    });
    expect(created.statusCode).toBe(201);
    const [entry] = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('record_id', '=', created.json().user.id)
      .execute();
    expect(entry?.details).toMatchObject({ reason: 'Second reviewer for the Balkans route' });
  });

  it('resets a password: the old one and the old sessions stop working', async () => {
    const person = await t.user({ role: 'expert' });
    const response = await t.request(coordinator, { method: 'POST', url: `/api/users/${person.userId}/password-reset` });
    expect(response.statusCode).toBe(200);
    expect(response.json().user.mustChangePassword).toBe(true);
    expect((await t.request(person, { method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: person.email, password: person.password },
    });
    expect(old.statusCode).toBe(401);
    const fresh = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: person.email, password: response.json().oneTimePassword },
    });
    expect(fresh.statusCode).toBe(200);
  });
});
