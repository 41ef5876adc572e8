import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { insertTestEvent, organisationId } from '../../test-support/conferences/fixtures.js';
import { testBackends } from '../../test-support/database.js';

describe.each(testBackends())('publishing a conference’s outcome on %s', (backend) => {
  let t: TestApp;
  let focal: Persona;
  let coordinator: Persona;
  let delegation: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    focal = await t.as('focal_point');
    coordinator = await t.as('coordinator');
    delegation = await t.as('delegation');
  });
  afterAll(() => t?.close());

  const get = (who: Persona | null, url: string) => t.request(who, { method: 'GET', url });
  const send = (who: Persona | null, method: 'POST' | 'PUT' | 'PATCH', url: string, payload: unknown) =>
    t.request(who, { method, url, payload: payload as object });
  const publish = (who: Persona | null, event: string, payload: unknown = { keyArea: 'protection', dimension: 'human' }) =>
    send(who, 'POST', `/api/conferences/events/${event}/outcome/publish`, payload);

  it('puts the chair’s recommendations into the tracker with the conference as source, once', async () => {
    const event = await insertTestEvent(t.database.db);
    const recorded = await send(focal, 'PUT', `/api/conferences/events/${event}/outcome`, {
      summary: 'The conference reviewed the response to mixed migration flows.',
      recommendations: ['Share data on arrivals weekly.', 'Train border guards on identification of victims.'],
    });
    expect(recorded.json().outcomePublishedAt).toBeNull();
    // Before publication the tracker holds nothing from this conference.
    expect((await get(delegation, `/api/recommendations?eventId=${event}`)).json().total).toBe(0);

    const published = await publish(focal, event);
    expect(published.statusCode).toBe(200);
    expect(published.json().outcomePublishedAt).toEqual(expect.any(String));

    const tracker = (await get(delegation, `/api/recommendations?source=conference&eventId=${event}`)).json();
    expect(tracker.items.map((r: { position: number; text: string }) => [r.position, r.text]).sort()).toEqual([
      [1, 'Share data on arrivals weekly.'],
      [2, 'Train border guards on identification of victims.'],
    ]);
    expect(tracker.items[0]).toMatchObject({
      source: 'conference',
      eventId: event,
      eventTitle: 'Expert conference on the migration challenge',
      reportId: null,
      missionCode: null,
      addressee: 'ODIHR',
      keyArea: 'protection',
      dimension: 'human',
      priority: 'medium',
      status: 'not_started',
    });
    // They are tracked to projects like a mission's recommendations.
    const project = await send(focal, 'POST', `/api/recommendations/${tracker.items[0].id}/projects`, {
      organisationId: await organisationId(t.database.db),
      title: 'Weekly arrivals bulletin',
    });
    expect(project.statusCode).toBe(201);
    expect((await get(coordinator, `/api/recommendations/${tracker.items[0].id}`)).json().projectCount).toBe(1);

    // Published once; the outcome is then fixed.
    const again = await publish(coordinator, event);
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    const edit = await send(focal, 'PUT', `/api/conferences/events/${event}/outcome`, { summary: 'Other', recommendations: [] });
    expect(edit.statusCode).toBe(409);
    expect((await get(delegation, `/api/recommendations?eventId=${event}`)).json().total).toBe(2);
  });

  it('refuses to publish an empty summary, a stranger and a delegation, with problem documents', async () => {
    const event = await insertTestEvent(t.database.db);
    const empty = await publish(focal, event);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([expect.objectContaining({ pointer: '/summary' })]);
    expect((await publish(delegation, event)).statusCode).toBe(403);
    expect((await publish(null, event)).statusCode).toBe(401);
    const bad = await publish(focal, event, { keyArea: 'weather', dimension: 'human' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
