import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { insertTestMember } from '../../test-support/network/fixtures.js';

describe.each(testBackends())('the focal-point network on %s', (backend) => {
  let t: TestApp;
  let delegation: Persona;
  let coordinator: Persona;
  let nominee: Persona;
  let sender: Persona;
  let german: Persona;
  let kazakh: Persona;

  beforeAll(async () => {
    t = await testApp(backend);
    delegation = await t.user({ role: 'delegation', countryIso2: 'AT' });
    coordinator = await t.as('coordinator');
    nominee = await t.user({});
    sender = await insertTestMember(t, 'FR');
    german = await insertTestMember(t, 'DE');
    kazakh = await insertTestMember(t, 'KZ');
  });
  afterAll(() => t?.close());

  it('lets a delegation nominate its State’s focal point, the co-ordinator confirm it, and opens the directory to the member', async () => {
    const outside = await t.request(delegation, {
      method: 'POST',
      url: '/api/network/states/DE/focal-points',
      payload: { email: nominee.email, agency: 'Bundespolizei' },
    });
    expect(outside.statusCode).toBe(403);
    const unknown = await t.request(delegation, {
      method: 'POST',
      url: '/api/network/states/AT/focal-points',
      payload: { email: 'nobody@example.org', agency: 'Bundespolizei' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].pointer).toBe('/email');

    const nominated = await t.request(delegation, {
      method: 'POST',
      url: '/api/network/states/AT/focal-points',
      payload: { email: nominee.email, agency: 'Bundespolizei', function: 'Liaison officer', languages: ['de', 'en'] },
    });
    expect(nominated.statusCode, nominated.body).toBe(201);
    expect(nominated.json()).toMatchObject({ status: 'nominated', member: false, actions: ['withdraw'] });
    expect((await t.request(nominee, { method: 'GET', url: '/api/network/focal-points' })).statusCode).toBe(403);

    const confirmed = await t.request(coordinator, {
      method: 'POST',
      url: `/api/network/focal-points/${nominated.json().id}/confirm`,
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', member: true });
    expect(confirmed.json().expiresOn > new Date().toISOString().slice(0, 10)).toBe(true);

    const directory = await t.request(nominee, { method: 'GET', url: '/api/network/focal-points?q=bundespolizei' });
    expect(directory.statusCode).toBe(200);
    expect(directory.json().items.map((f: { email: string }) => f.email)).toEqual([nominee.email]);
    const state = (await t.request(delegation, { method: 'GET', url: '/api/network/states/AT/focal-points' })).json();
    expect(state.items[0].actions).toEqual(['renew', 'withdraw']);

    // An expired membership closes the directory until it is renewed.
    await t.database.db
      .updateTable('network_focal_point')
      .set({ expires_on: '2020-01-01' })
      .where('user_id', '=', nominee.userId)
      .execute();
    expect((await t.request(nominee, { method: 'GET', url: '/api/network/focal-points' })).statusCode).toBe(403);
    const renewed = await t.request(delegation, {
      method: 'POST',
      url: `/api/network/focal-points/${nominated.json().id}/renew`,
    });
    expect(renewed.json().member).toBe(true);
    expect((await t.request(nominee, { method: 'GET', url: '/api/network/focal-points' })).statusCode).toBe(200);
  });

  it('sends an urgent notice to a sub-region, shows the sender who has acknowledged, and tells the recipients', async () => {
    const posted = await t.request(sender, {
      method: 'POST',
      url: '/api/network/notices',
      payload: {
        title: 'Forged visas',
        body: 'A series of forged visas is in circulation.',
        urgent: true,
        subregion: 'western_europe_north_america',
      },
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const id = posted.json().id;
    // France's sub-region holds Germany and Austria, not Kazakhstan.
    const names = posted.json().acknowledgements.map((a: { userId: string }) => a.userId);
    expect(names).toContain(german.userId);
    expect(names).not.toContain(kazakh.userId);
    expect((await t.request(kazakh, { method: 'GET', url: `/api/network/notices/${id}` })).statusCode).toBe(404);

    const inbox = (await t.request(german, { method: 'GET', url: '/api/notifications' })).json();
    expect(JSON.stringify(inbox)).toContain('network.urgent_notice');

    const seen = (await t.request(german, { method: 'GET', url: `/api/network/notices/${id}` })).json();
    expect(seen.actions).toEqual(['acknowledge', 'comment']);
    expect(seen.acknowledgements).toBeNull();
    const acked = await t.request(german, { method: 'POST', url: `/api/network/notices/${id}/acknowledge` });
    expect(acked.json().mine.acknowledgedAt).not.toBeNull();
    await t.request(german, {
      method: 'POST',
      url: `/api/network/notices/${id}/comments`,
      payload: { body: 'Seen at Kehl too.' },
    });

    const view = (await t.request(sender, { method: 'GET', url: `/api/network/notices/${id}` })).json();
    const germanAck = view.acknowledgements.find((a: { userId: string }) => a.userId === german.userId);
    expect(germanAck.acknowledgedAt).not.toBeNull();
    expect(view.acknowledged).toBe(1);
    expect(view.recipients).toBeGreaterThan(1);
    expect(view.acknowledgements.filter((a: { acknowledgedAt: string | null }) => a.acknowledgedAt === null).length).toBe(
      view.recipients - 1,
    );
    expect(view.comments.map((c: { body: string }) => c.body)).toEqual(['Seen at Kehl too.']);
  });

  it('tells the sender and earlier writers of a new message under a notice, never its writer', async () => {
    const austrian = await insertTestMember(t, 'AT');
    const posted = await t.request(sender, {
      method: 'POST',
      url: '/api/network/notices',
      payload: { title: 'Night crossings', body: 'Groups cross at night.', subregion: 'western_europe_north_america' },
    });
    const id = posted.json().id;
    const kinds = async (p: Persona) =>
      (await t.request(p, { method: 'GET', url: '/api/notifications?limit=100' }))
        .json()
        .items.filter((n: { kind: string; link: string }) => n.kind === 'network.notice_comment' && n.link.endsWith(id)).length;

    await t.request(german, { method: 'POST', url: `/api/network/notices/${id}/comments`, payload: { body: 'Seen here.' } });
    expect(await kinds(sender)).toBe(1);
    expect(await kinds(german)).toBe(0);
    expect(await kinds(austrian)).toBe(0);

    await t.request(austrian, { method: 'POST', url: `/api/network/notices/${id}/comments`, payload: { body: 'And here.' } });
    expect(await kinds(sender)).toBe(2);
    expect(await kinds(german)).toBe(1);
    expect(await kinds(austrian)).toBe(0);
  });
});
