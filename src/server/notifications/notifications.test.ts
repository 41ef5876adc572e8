import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lateRecommendations } from '../reports/jobs.js';
import { type Persona, type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';
import { insertTestMission } from '../test-support/missions/fixtures.js';
import { insertTestReport } from '../test-support/reports/fixtures.js';
import { insertTestExpert, structureId } from '../test-support/roster/fixtures.js';
import { notify } from './notify.js';
import { signingKey, unsubscribeToken } from './outbox/signing.js';
import type { NoticePage } from './schemas.js';

describe.each(testBackends())('notifications on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  let expert: Persona;
  let other: Persona;

  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
    expert = await t.user({ role: 'expert' });
    other = await t.user({ role: 'expert' });
    await t.database.db.updateTable('app_user').set({ language: 'es' }).where('id', '=', expert.userId).execute();
  });
  afterAll(() => t?.close());

  const list = async (persona: Persona, query = '') => {
    const response = await t.request(persona, { method: 'GET', url: `/api/notifications${query}` });
    expect(response.statusCode).toBe(200);
    return response.json() as NoticePage;
  };

  it('tells an expert booked on a mission, in their language, with the link to the mission', async () => {
    const missionId = await insertTestMission(t.database.db, { status: 'approved', code: 'GR-2027-01' });
    const expertId = await insertTestExpert(t.database.db, { userId: expert.userId, name: 'Elena Expert' });
    const confirmed = await t.request(coordinator, {
      method: 'POST',
      url: `/api/missions/${missionId}/team`,
      payload: { expertIds: [expertId] },
    });
    expect(confirmed.statusCode).toBe(200);
    const page = await list(expert);
    expect(page.unread).toBe(1);
    expect(page.items).toEqual([
      expect.objectContaining({
        kind: 'mission.booked',
        category: 'missions',
        subject: 'Forma parte del equipo de la misión GR-2027-01 Fact-finding on the Western Balkans route',
        link: `/missions/${missionId}`,
        readAt: null,
      }),
    ]);
    const outbox = await t.database.db
      .selectFrom('notification_email')
      .selectAll()
      .where('user_id', '=', expert.userId)
      .execute();
    expect(outbox.map((e) => e.status)).toEqual(['pending']);
    // The co-ordinator who confirmed is not told of their own act.
    expect((await list(coordinator)).total).toBe(0);
  });

  it('shows each person only their own notices, and lets only them mark theirs read', async () => {
    await t.database.db
      .transaction()
      .execute((trx) =>
        notify(trx, { kind: 'mission.deployed', to: { users: [other.userId] }, params: { mission: 'X-1' }, link: '/missions/x' }),
      );
    const mine = await list(expert);
    const theirs = await list(other);
    expect(theirs.items.map((n) => n.kind)).toEqual(['mission.deployed']);
    expect(mine.items.map((n) => n.kind)).toEqual(['mission.booked']);
    const theirId = theirs.items[0]?.id as string;
    const refused = await t.request(expert, { method: 'POST', url: `/api/notifications/${theirId}/read` });
    expect(refused.statusCode).toBe(404);
    expect((await list(other)).unread).toBe(1);

    const read = await t.request(other, { method: 'POST', url: `/api/notifications/${theirId}/read` });
    expect(read.statusCode).toBe(204);
    const count = await t.request(other, { method: 'GET', url: '/api/notifications/unread-count' });
    expect(count.json()).toEqual({ unread: 0 });
    expect((await list(other, '?unread=true')).items).toEqual([]);
    expect((await list(expert)).unread).toBe(1);
    const all = await t.request(expert, { method: 'POST', url: '/api/notifications/read-all' });
    expect(all.json()).toEqual({ marked: 1 });
  });

  it('keeps each person’s preferences, refusing to turn account security off', async () => {
    const refused = await t.request(expert, {
      method: 'PUT',
      url: '/api/notifications/preferences',
      payload: { preferences: [{ category: 'security', mode: 'off' }] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ pointer: '/preferences/0/mode' })]);
    const set = await t.request(expert, {
      method: 'PUT',
      url: '/api/notifications/preferences',
      payload: { preferences: [{ category: 'missions', mode: 'digest' }] },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().items).toContainEqual({ category: 'missions', mode: 'digest', mandatory: false });
    expect(set.json().items).toContainEqual({ category: 'security', mode: 'immediate', mandatory: true });
    const others = await t.request(other, { method: 'GET', url: '/api/notifications/preferences' });
    expect(others.json().items).toContainEqual({ category: 'missions', mode: 'immediate', mandatory: false });
  });

  it('turns a category off from a signed one-click link, as a mail client posts it, and refuses a forged one', async () => {
    const token = unsubscribeToken(await signingKey(t.database.db), other.userId, 'reports');
    const described = await t.request(null, { method: 'GET', url: `/api/notifications/unsubscribe/${token}` });
    expect(described.json()).toEqual({ category: 'reports', mode: 'immediate' });
    const done = await t.request(null, {
      method: 'POST',
      url: `/api/notifications/unsubscribe/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ category: 'reports', mode: 'off' });
    const prefs = await t.request(other, { method: 'GET', url: '/api/notifications/preferences' });
    expect(prefs.json().items).toContainEqual({ category: 'reports', mode: 'off', mandatory: false });

    const forged = token.replace('.reports.', '.alerts.');
    expect((await t.request(null, { method: 'POST', url: `/api/notifications/unsubscribe/${forged}` })).statusCode).toBe(404);
    const security = unsubscribeToken(await signingKey(t.database.db), other.userId, 'security');
    expect((await t.request(null, { method: 'POST', url: `/api/notifications/unsubscribe/${security}` })).statusCode).toBe(404);
  });

  it('lists failed emails for the co-ordinator, who can send one again', async () => {
    const { id } = await t.database.db
      .insertInto('notification_email')
      .values({ user_id: other.userId, notification_id: null, status: 'failed', attempts: 8, last_error: '550 No such mailbox' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const page = await t.request(coordinator, { method: 'GET', url: '/api/notifications/failed' });
    expect(page.json().items).toContainEqual(
      expect.objectContaining({
        id,
        attempts: 8,
        lastError: '550 No such mailbox',
        recipient: expect.objectContaining({ id: other.userId }),
      }),
    );
    expect((await t.request(expert, { method: 'GET', url: '/api/notifications/failed' })).statusCode).toBe(403);
    const retry = await t.request(coordinator, { method: 'POST', url: `/api/notifications/failed/${id}/retry` });
    expect(retry.statusCode).toBe(204);
    const row = await t.database.db.selectFrom('notification_email').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });
    const audit = await t.database.db.selectFrom('audit_log').select('verb').where('verb', 'like', 'notification.%').execute();
    expect(audit.map((a) => a.verb)).toEqual(expect.arrayContaining(['notification.failures.read', 'notification.email.retry']));
  });

  it('tells a person whose password a co-ordinator reset, and of a sign-in from a new device', async () => {
    const reset = await t.request(coordinator, { method: 'POST', url: `/api/users/${other.userId}/password-reset` });
    expect(reset.statusCode).toBe(200);
    const login = (agent: string) =>
      t.request(null, {
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'user-agent': agent },
        payload: { email: expert.email, password: expert.password },
      });
    expect((await login('Firefox on the office laptop')).statusCode).toBe(200);
    expect((await login('Firefox on the office laptop')).statusCode).toBe(200);
    expect((await login('Unknown phone')).statusCode).toBe(200);
    const kinds = async (userId: string) =>
      (
        await t.database.db
          .selectFrom('notification')
          .select('kind')
          .where('user_id', '=', userId)
          .where('category', '=', 'security')
          .execute()
      ).map((n) => n.kind);
    expect(await kinds(other.userId)).toEqual(['account.password_reset']);
    expect(await kinds(expert.userId)).toEqual(['account.new_device']);
  });

  it('tells the focal points of the addressee of a late recommendation, once', async () => {
    const focal = await t.user({ role: 'focal_point' });
    const report = await insertTestReport(t.database.db);
    const { id } = await t.database.db
      .insertInto('recommendation')
      .values({
        report_id: report.id,
        position: 1,
        text: 'Open a second reception centre.',
        addressee_country_iso2: null,
        addressee_organisation_id: await structureId(t.database.db, 'ODIHR'),
        key_area_code: 'solidarity',
        dimension_code: 'human',
        priority: 'high',
        due_on: '2020-01-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await lateRecommendations.run(t.database.db)).toMatchObject({ told: expect.any(Number) });
    const notices = await list(focal);
    expect(notices.items).toEqual([
      expect.objectContaining({ kind: 'follow_up.recommendation_late', link: `/recommendations/${id}` }),
    ]);
    expect(await lateRecommendations.run(t.database.db)).toEqual({ told: 0 });
  });
});
