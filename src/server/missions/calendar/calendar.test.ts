import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { insertTestMission } from '../../test-support/missions/fixtures.js';
import { insertTestExpert } from '../../test-support/roster/fixtures.js';

function events(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics));
  return component.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return { summary: event.summary, start: event.startDate.toString(), end: event.endDate.toString(), location: event.location };
  });
}

describe.each(testBackends())('calendar feeds on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend);
  });
  afterAll(() => t?.close());

  it('serves an expert’s bookings and the missions as iCalendar that parses, until the token is revoked', async () => {
    const db = t.database.db;
    const me = await t.user({ role: 'expert' });
    const expert = await insertTestExpert(db, { name: 'Feed Reader', userId: me.userId });
    const mission = await insertTestMission(db, {
      code: 'ICS-1',
      status: 'approved',
      hostCountries: ['MK'],
      startsOn: '2027-10-01',
      endsOn: '2027-10-03',
    });
    const coordinator = await t.as('coordinator');
    expect(
      (await t.request(coordinator, { method: 'POST', url: `/api/missions/${mission}/team`, payload: { expertIds: [expert] } }))
        .statusCode,
    ).toBe(200);

    const created = await t.request(me, { method: 'POST', url: '/api/calendar/tokens', payload: { label: 'phone' } });
    expect(created.statusCode).toBe(201);
    const { token, urls, id } = created.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await db.selectFrom('calendar_feed_token').select('token_hash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash.toString('utf8')).not.toContain(token);

    const mine = await t.request(null, { method: 'GET', url: urls.mine });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toMatch(/^text\/calendar/);
    expect(events(mine.body)).toEqual([
      { summary: 'ICS-1 Fact-finding on the Western Balkans route', start: '2027-10-01', end: '2027-10-04', location: null },
    ]);
    const all = events((await t.request(null, { method: 'GET', url: urls.missions })).body);
    expect(all).toContainEqual(
      expect.objectContaining({ summary: 'ICS-1 Fact-finding on the Western Balkans route', location: 'North Macedonia' }),
    );
    const one = await t.request(null, { method: 'GET', url: `/api/calendar/feeds/${token}/missions/${mission}.ics` });
    expect(events(one.body)).toHaveLength(1);
    // An expert cannot read another expert's calendar through the feed.
    const other = await insertTestExpert(db, { name: 'Someone' });
    expect((await t.request(null, { method: 'GET', url: `/api/calendar/feeds/${token}/experts/${other}.ics` })).statusCode).toBe(
      404,
    );

    const listed = await t.request(me, { method: 'GET', url: '/api/calendar/tokens' });
    expect(listed.json()).toEqual([expect.objectContaining({ id, label: 'phone', revokedAt: null })]);
    expect(JSON.stringify(listed.json())).not.toContain(token);
    expect((await t.request(null, { method: 'GET', url: '/api/calendar/tokens' })).statusCode).toBe(401);
    expect((await t.request(me, { method: 'POST', url: '/api/calendar/tokens', payload: { label: 5 } })).statusCode).toBe(400);
    expect((await t.request(me, { method: 'DELETE', url: `/api/calendar/tokens/${id}` })).statusCode).toBe(204);
    const revoked = await t.request(null, { method: 'GET', url: urls.mine });
    expect(revoked.statusCode).toBe(404);
    expect(revoked.json().detail).toMatch(/revoked/);
  });
});
