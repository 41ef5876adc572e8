import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';
import { extractPending } from './documents/extraction.js';
import { seedNetworkDemo } from './seed.js';

describe.each(testBackends())('network demonstration data on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend);
  });
  afterAll(() => t?.close());

  it('adds focal points, a searchable library and a partly acknowledged urgent notice, once', { timeout: 120_000 }, async () => {
    const db = t.database.db;
    await seedNetworkDemo(db);
    await seedNetworkDemo(db);
    const focalPoints = await db.selectFrom('network_focal_point').select(['country_iso2', 'status']).execute();
    expect(new Set(focalPoints.map((f) => f.country_iso2)).size).toBe(14);
    expect(await extractPending(db)).toBe(6);

    const coordinator = await t.as('coordinator');
    const russian = (
      await t.request(coordinator, { method: 'GET', url: `/api/library/search?q=${encodeURIComponent('поддельные документы')}` })
    ).json();
    expect(russian.items.map((i: { document: { title: string } }) => i.document.title)).toEqual([
      'Обмен информацией о поддельных документах',
    ]);
    const everything = (await t.request(coordinator, { method: 'GET', url: '/api/library/search' })).json();
    expect(everything.facets.language.map((f: { value: string }) => f.value).sort()).toEqual([
      'de',
      'en',
      'es',
      'fr',
      'it',
      'ru',
    ]);
    const publicOnly = (await t.request(null, { method: 'GET', url: '/api/library/search' })).json();
    expect(publicOnly.total).toBe(3);

    const notices = (await t.request(coordinator, { method: 'GET', url: '/api/network/notices' })).json();
    const urgent = notices.items.find((n: { urgent: boolean }) => n.urgent);
    expect(urgent.acknowledged).toBeGreaterThan(0);
    expect(urgent.acknowledged).toBeLessThan(urgent.recipients);
  });
});
