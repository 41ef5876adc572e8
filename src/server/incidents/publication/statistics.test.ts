import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { insertTestReport } from '../../test-support/incidents/fixtures.js';
import type { StatisticsView } from './schemas.js';
import { refreshPublication } from './service.js';

interface Incident {
  country: string;
  year: number;
  incidentType: string;
  biasMotivation: string;
  targets: string[];
}

const rounded = (n: number) => Math.round(n / 5) * 5;

/** Many incidents in a few cells, a few in others: figures of every kind. */
function incidents(): Incident[] {
  const list: Incident[] = [];
  const add = (n: number, i: Incident) => {
    for (let k = 0; k < n; k++) list.push(i);
  };
  add(23, { country: 'DE', year: 2023, incidentType: 'threat', biasMotivation: 'racist_xenophobic', targets: ['migrants'] });
  add(9, { country: 'DE', year: 2024, incidentType: 'arson', biasMotivation: 'anti_muslim', targets: ['refugees', 'migrants'] });
  add(17, {
    country: 'GR',
    year: 2023,
    incidentType: 'physical_assault',
    biasMotivation: 'racist_xenophobic',
    targets: ['refugees'],
  });
  add(31, {
    country: 'GR',
    year: 2024,
    incidentType: 'threat',
    biasMotivation: 'racist_xenophobic',
    targets: ['asylum_seekers'],
  });
  add(2, { country: 'MT', year: 2024, incidentType: 'vandalism', biasMotivation: 'anti_roma', targets: ['migrants'] });
  return list;
}

describe.each(testBackends())('public statistics on %s', (backend) => {
  let t: TestApp;
  const get = async (query: string) => {
    const response = await t.request(null, { method: 'GET', url: `/api/incidents/statistics?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as StatisticsView;
  };
  beforeAll(async () => {
    t = await testApp(backend);
    const list = incidents();
    await t.database.db
      .insertInto('incident_report')
      .values(
        list.map((i, n) => ({
          receipt_hash: Buffer.from(`stats-${n}`.padEnd(32, '-')),
          status: 'verified',
          occurred_on: `${i.year}-0${(n % 9) + 1}-15`,
          country_iso2: i.country,
          place: 'Somewhere',
          incident_type: i.incidentType,
          targets: i.targets,
          bias_motivation: i.biasMotivation,
          source: 'ngo',
          encrypted_in: 'server' as const,
          closed_at: new Date(),
        })),
      )
      .execute();
    // An unverified report never counts.
    await insertTestReport(t.database.db, { country: 'MT', status: 'under_review', occurredOn: '2024-02-02' });
    await refreshPublication(t.database.db);
  });
  afterAll(() => t?.close());

  it('publishes each figure rounded to 5 from its exact count, or suppressed; never a count of 0 to 4', async () => {
    const list = incidents();
    const slices: Array<[string, (i: Incident) => boolean, (i: Incident) => string[]]> = [
      ['by=country', () => true, (i) => [i.country]],
      ['by=target&year=2024', (i) => i.year === 2024, (i) => i.targets],
      ['by=incidentType&year=2023', (i) => i.year === 2023, (i) => [i.incidentType]],
      ['by=year&country=DE', (i) => i.country === 'DE', (i) => [String(i.year)]],
      ['by=year&biasMotivation=racist_xenophobic', (i) => i.biasMotivation === 'racist_xenophobic', (i) => [String(i.year)]],
      ['by=year', () => true, (i) => [String(i.year)]],
    ];
    let published = 0;
    for (const [query, selects, keys] of slices) {
      const view = await get(query);
      expect(view.asOf).not.toBeNull();
      const selected = list.filter(selects);
      const exact = new Map<string, number>();
      for (const i of selected) for (const key of keys(i)) exact.set(key, (exact.get(key) ?? 0) + 1);
      const figures: Array<[string, number, StatisticsView['total']]> = [
        ['total', selected.length, view.total],
        ...view.rows.map((r) => [r.key, exact.get(r.key) ?? 0, r.count] as [string, number, StatisticsView['total']]),
      ];
      for (const [key, n, figure] of figures) {
        const expected =
          n < 5 || figure.suppressed ? { value: null, suppressed: true } : { value: rounded(n), suppressed: false };
        expect({ query, key, figure }).toEqual({ query, key, figure: expected });
        if (!figure.suppressed) published++;
      }
      // Every category has its row, with incidents or not: an absent row would say 0.
      for (const key of exact.keys()) expect(view.rows.some((r) => r.key === key)).toBe(true);
    }
    expect((await get('by=country')).rows.length).toBeGreaterThan(50);
    expect(published).toBeGreaterThan(5);
  });

  it('writes the same slice as CSV, a suppressed figure empty and marked', async () => {
    const csv = await t.request(null, { method: 'GET', url: '/api/incidents/statistics.csv?by=year&country=MT' });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.trim().split('\n')).toEqual([
      'year,verified_incidents,note',
      '2023,,suppressed',
      '2024,,suppressed',
      'total,,suppressed',
    ]);
  });

  it('refuses any slice outside the fixed tables with a problem document', async () => {
    for (const query of [
      'by=country&incidentType=threat',
      'by=incidentType&country=DE&year=2024',
      'by=year&country=DE&target=migrants',
      'by=year&year=2024',
    ]) {
      const response = await t.request(null, { method: 'GET', url: `/api/incidents/statistics?${query}` });
      expect(`${query} ${response.statusCode}`).toBe(`${query} 400`);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('changes only when the publication is computed again, not when a report is verified', async () => {
    const before = await get('by=country');
    await insertTestReport(t.database.db, { country: 'DE', status: 'verified', occurredOn: '2024-05-05' });
    expect(await get('by=country')).toEqual(before);
    expect(await refreshPublication(t.database.db)).toMatchObject({ changed: true });
    expect(await refreshPublication(t.database.db)).toEqual({ changed: false });
  });
});
