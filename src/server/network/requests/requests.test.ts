import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { insertTestMember } from '../../test-support/network/fixtures.js';
import { extractPending } from '../documents/extraction.js';

describe.each(testBackends())('requests for assistance on %s', (backend) => {
  let t: TestApp;
  let asker: Persona;
  let german: Persona;
  let kazakh: Persona;
  let outsider: Persona;

  const told = async (p: Persona, kind: string, id: string) =>
    (await t.request(p, { method: 'GET', url: '/api/notifications?limit=100' }))
      .json()
      .items.filter((n: { kind: string; link: string }) => n.kind === kind && n.link === `/network/requests/${id}`).length;

  beforeAll(async () => {
    t = await testApp(backend);
    asker = await insertTestMember(t, 'FR');
    german = await insertTestMember(t, 'DE');
    const db = t.database.db;
    await db.updateTable('app_user').set({ name: 'Claire Asker' }).where('id', '=', asker.userId).execute();
    await db.updateTable('app_user').set({ name: 'Jonas Answerer' }).where('id', '=', german.userId).execute();
    kazakh = await insertTestMember(t, 'KZ');
    outsider = await t.user({ role: 'delegation', countryIso2: 'DE' });
  });
  afterAll(() => t?.close());

  it('lets a member ask, another answer, the asker choose the best answer and save it into the library, where search finds it', {
    timeout: 120_000,
  }, async () => {
    const refused = await t.request(asker, {
      method: 'POST',
      url: '/api/network/requests',
      payload: { title: 'Drones', question: 'Who has used drones?', keyAreas: ['not_an_area'] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].pointer).toBe('/keyAreas');
    expect(
      (await t.request(outsider, { method: 'POST', url: '/api/network/requests', payload: { title: 'x', question: 'y' } }))
        .statusCode,
    ).toBe(403);

    const asked = await t.request(asker, {
      method: 'POST',
      url: '/api/network/requests',
      payload: {
        title: 'Thermal cameras at the green border',
        question: 'Who has experience with thermal cameras for night patrols along a forested border?',
        keyAreas: ['border_management'],
        country: 'FR',
        subregion: 'western_europe_north_america',
      },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const id = asked.json().id;
    expect(asked.json()).toMatchObject({ status: 'open', answers: 0, actions: [], author: 'Claire Asker' });
    // Told: the members of the sub-region, not the asker, not Kazakhstan's member.
    expect(await told(german, 'network.request', id)).toBe(1);
    expect(await told(asker, 'network.request', id)).toBe(0);
    expect(await told(kazakh, 'network.request', id)).toBe(0);
    // Every member sees it in the list.
    const listed = (await t.request(kazakh, { method: 'GET', url: '/api/network/requests' })).json();
    expect(listed.items.map((r: { id: string }) => r.id)).toContain(id);
    expect((await t.request(outsider, { method: 'GET', url: `/api/network/requests/${id}` })).statusCode).toBe(403);

    const own = await t.request(asker, { method: 'POST', url: `/api/network/requests/${id}/answers`, payload: { body: 'Me.' } });
    expect(own.statusCode).toBe(403);
    const answered = await t.request(german, {
      method: 'POST',
      url: `/api/network/requests/${id}/answers`,
      payload: {
        body: 'We patrol with thermische Kameras on poles every two kilometres; the operators rotate every four hours.',
      },
    });
    expect(answered.statusCode, answered.body).toBe(201);
    const answerId = answered.json().answerList[0].id;
    expect(answered.json().answerList[0]).toMatchObject({ author: 'Jonas Answerer', country: 'DE', best: false });
    expect(await told(asker, 'network.request_answered', id)).toBe(1);
    expect(await told(german, 'network.request_answered', id)).toBe(0);

    const notAsker = await t.request(german, {
      method: 'PUT',
      url: `/api/network/requests/${id}/best-answer`,
      payload: { answerId },
    });
    expect(notAsker.statusCode).toBe(403);
    const tooEarly = await t.request(asker, {
      method: 'POST',
      url: `/api/network/requests/${id}/library`,
      payload: { language: 'en' },
    });
    expect(tooEarly.statusCode).toBe(409);
    const stranger = await t.request(asker, {
      method: 'PUT',
      url: `/api/network/requests/${id}/best-answer`,
      payload: { answerId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors[0].pointer).toBe('/answerId');
    const chosen = await t.request(asker, {
      method: 'PUT',
      url: `/api/network/requests/${id}/best-answer`,
      payload: { answerId },
    });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json()).toMatchObject({ status: 'resolved', actions: ['choose_best', 'save_to_library'] });
    expect(chosen.json().answerList[0].best).toBe(true);
    const resolved = (await t.request(asker, { method: 'GET', url: '/api/network/requests?status=resolved' })).json();
    expect(resolved.items.map((r: { id: string }) => r.id)).toEqual([id]);
    const open = (await t.request(asker, { method: 'GET', url: '/api/network/requests?status=open' })).json();
    expect(open.items.map((r: { id: string }) => r.id)).not.toContain(id);

    const saved = await t.request(asker, {
      method: 'POST',
      url: `/api/network/requests/${id}/library`,
      payload: { language: 'en' },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const documentId = saved.json().documentId;
    expect(documentId).toBeTruthy();
    expect(saved.json().actions).toEqual(['choose_best']);
    const again = await t.request(asker, {
      method: 'POST',
      url: `/api/network/requests/${id}/library`,
      payload: { language: 'en' },
    });
    expect(again.statusCode).toBe(409);

    const doc = (await t.request(german, { method: 'GET', url: `/api/library/documents/${documentId}` })).json();
    expect(doc).toMatchObject({
      title: 'Thermal cameras at the green border',
      type: 'good_practice',
      access: 'network',
      country: 'FR',
      keyAreas: ['border_management'],
      sourceOrganisation: 'Border Police',
    });
    expect(doc.versions[0]).toMatchObject({ mediaType: 'text/plain', extraction: 'pending' });
    expect(await extractPending(t.database.db)).toBe(1);
    // The answerer's State is written by its name, not its code.
    const stored = await t.database.db
      .selectFrom('library_version')
      .select('content')
      .where('document_id', '=', documentId)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(stored.content).toString('utf8')).toMatch(/, Germany$/);
    const found = (
      await t.request(kazakh, { method: 'GET', url: `/api/library/search?q=${encodeURIComponent('operators rotate')}` })
    ).json();
    expect(found.items.map((i: { document: { id: string } }) => i.document.id)).toEqual([documentId]);
    // A network document: not for a reader outside the network.
    const outside = (
      await t.request(outsider, { method: 'GET', url: `/api/library/search?q=${encodeURIComponent('operators rotate')}` })
    ).json();
    expect(outside.total).toBe(0);
  });

  it('filters by key area and pages the list', async () => {
    for (const n of [1, 2, 3]) {
      const r = await t.request(kazakh, {
        method: 'POST',
        url: '/api/network/requests',
        payload: { title: `Trafficking indicators ${n}`, question: 'Which indicators do you use?', keyAreas: ['trafficking'] },
      });
      expect(r.statusCode).toBe(201);
    }
    const page = (
      await t.request(asker, { method: 'GET', url: '/api/network/requests?keyArea=trafficking&limit=2&offset=2' })
    ).json();
    expect(page.total).toBe(3);
    expect(page.items.map((r: { title: string }) => r.title)).toEqual(['Trafficking indicators 1']);
  });
});
