import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { insertTestExpert } from '../../test-support/roster/fixtures.js';

describe.each(testBackends())('the account of a roster expert on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend);
  });
  afterAll(() => t?.close());

  const auditOf = (recordId: string) =>
    t.database.db.selectFrom('audit_log').select(['verb', 'details']).where('record_id', '=', recordId).orderBy('id').execute();

  it('invites an expert to a new account that signs in as them, shown on the expert and the user', async () => {
    const coordinator = await t.as('coordinator');
    const id = await insertTestExpert(t.database.db, { name: 'Ines Invited' });
    const path = `/api/roster/experts/${id}/invitation`;
    expect((await t.request(null, { method: 'POST', url: path, payload: { email: 'ines@example.org' } })).statusCode).toBe(401);
    const focal = await t.request(await t.as('focal_point'), {
      method: 'POST',
      url: path,
      payload: { email: 'ines@example.org' },
    });
    expect(focal.statusCode).toBe(403);
    const bad = await t.request(coordinator, { method: 'POST', url: path, payload: { email: 'not an address' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);

    const invited = await t.request(coordinator, {
      method: 'POST',
      url: path,
      payload: { email: 'ines@example.org', language: 'fr' },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const body = invited.json();
    expect(body.oneTimePassword.length).toBeGreaterThanOrEqual(12);
    expect(body.expert.account).toMatchObject({ email: 'ines@example.org', name: 'Ines Invited' });
    expect(body.expert.actions).toEqual(['edit', 'unlink_account']);
    const userId = body.expert.account.id as string;
    const user = (await t.request(coordinator, { method: 'GET', url: `/api/users/${userId}` })).json();
    expect(user).toMatchObject({
      name: 'Ines Invited',
      language: 'fr',
      mustChangePassword: true,
      expert: { id, name: 'Ines Invited' },
    });
    expect(user.grants).toEqual([{ role: 'expert', scopeType: 'global', organisationId: null, countryIso2: null }]);
    expect((await auditOf(id)).map((a) => a.verb)).toEqual(['expert.account.invite']);
    expect((await auditOf(userId)).map((a) => a.verb)).toEqual(['user.create']);

    // The expert signs in with the one-time password and finds their own profile.
    const login = await t.request(null, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ines@example.org', password: body.oneTimePassword },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().mustChangePassword).toBe(true);
    // Once the password is changed (as the sign-in page makes them do), their own profile is theirs.
    await t.database.db.updateTable('app_user').set({ must_change_password: false }).where('id', '=', userId).execute();
    const mine = await t.request(
      { userId, email: 'ines@example.org', password: '', ...(await t.session(userId)) },
      { method: 'GET', url: '/api/roster/me' },
    );
    expect(mine.json().expert).toMatchObject({ id, account: { email: 'ines@example.org' }, actions: ['edit'] });

    // Invited twice: refused, nothing created.
    const again = await t.request(coordinator, { method: 'POST', url: path, payload: { email: 'ines.two@example.org' } });
    expect(again.statusCode).toBe(409);
    const count = await t.database.db.selectFrom('app_user').select('id').where('email', '=', 'ines.two@example.org').execute();
    expect(count).toEqual([]);
  });

  it('refuses an address already in use, and leaves the expert without an account', async () => {
    const coordinator = await t.as('coordinator');
    const id = await insertTestExpert(t.database.db, { name: 'Dora Duplicate' });
    const taken = await t.request(coordinator, {
      method: 'POST',
      url: `/api/roster/experts/${id}/invitation`,
      payload: { email: (await t.as('analyst')).email },
    });
    expect(taken.statusCode).toBe(409);
    const expert = (await t.request(coordinator, { method: 'GET', url: `/api/roster/experts/${id}` })).json();
    expect(expert).toMatchObject({ userId: null, account: null, actions: ['edit', 'invite', 'link_account'] });
    const missing = await t.request(coordinator, {
      method: 'POST',
      url: '/api/roster/experts/00000000-0000-0000-0000-000000000000/invitation',
      payload: { email: 'nobody.here@example.org' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('links an existing account, one expert per account, and unlinks it, audited', async () => {
    const coordinator = await t.as('coordinator');
    const account = await t.user({ role: 'expert' });
    const first = await insertTestExpert(t.database.db, { name: 'Luka Linked' });
    const second = await insertTestExpert(t.database.db, { name: 'Second Expert' });
    const link = (id: string, payload: unknown, persona: typeof coordinator | null = coordinator) =>
      t.request(persona, { method: 'PUT', url: `/api/roster/experts/${id}/account`, payload: payload as object });
    expect((await link(first, { userId: account.userId }, null)).statusCode).toBe(401);
    expect((await link(first, { userId: account.userId }, await t.as('delegation'))).statusCode).toBe(403);
    expect((await link(first, { userId: 'nope' })).statusCode).toBe(400);
    const unknown = await link(first, { userId: '00000000-0000-0000-0000-000000000000' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].pointer).toBe('/userId');

    const linked = await link(first, { userId: account.userId });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ userId: account.userId, account: { email: account.email } });
    const elsewhere = await link(second, { userId: account.userId });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().detail).toContain('Luka Linked');
    const users = (
      await t.request(coordinator, { method: 'GET', url: `/api/users?q=${encodeURIComponent(account.email)}` })
    ).json();
    expect(users.items[0].expert).toEqual({ id: first, name: 'Luka Linked' });

    const unlink = (persona: typeof coordinator | null) =>
      t.request(persona, { method: 'DELETE', url: `/api/roster/experts/${first}/account` });
    expect((await unlink(null)).statusCode).toBe(401);
    expect((await unlink(await t.as('focal_point'))).statusCode).toBe(403);
    const unlinked = await unlink(coordinator);
    expect(unlinked.statusCode).toBe(200);
    expect(unlinked.json()).toMatchObject({ userId: null, account: null });
    expect((await unlink(coordinator)).statusCode).toBe(409);
    expect((await t.request(coordinator, { method: 'GET', url: `/api/users/${account.userId}` })).json().expert).toBeNull();
    expect((await auditOf(first)).map((a) => [a.verb, a.details.userId])).toEqual([
      ['expert.account.link', account.userId],
      ['expert.account.unlink', account.userId],
    ]);
  });

  it('shows the account’s address only to those who manage accounts, and says why a profile is read-only', async () => {
    const account = await t.user({ role: 'expert' });
    const id = await insertTestExpert(t.database.db, { organisation: 'HCNM', userId: account.userId });
    const focal = (await t.request(await t.as('focal_point'), { method: 'GET', url: `/api/roster/experts/${id}` })).json();
    expect(focal).toMatchObject({ userId: account.userId, account: null, actions: [], readOnly: 'outside_scope' });
    const coordinator = (await t.request(await t.as('coordinator'), { method: 'GET', url: `/api/roster/experts/${id}` })).json();
    expect(coordinator).toMatchObject({ account: { email: account.email }, readOnly: null });
  });
});
