import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';
import type { PublishedCount, StatDimension, StatisticsQuery, StatisticsView } from './schemas.js';
import { publish, publishedText } from './suppression.js';

interface Incident {
  country: string;
  year: number;
  incidentType: string;
  biasMotivation: string;
  targets: string[];
}

const COUNTRIES = ['AT', 'GR', 'IT'];
const YEARS = [2022, 2023, 2024];
const TYPES = ['physical_assault', 'threat', 'arson'];
const BIASES = ['racist_xenophobic', 'anti_muslim'];
const TARGETS = ['migrants', 'refugees', 'asylum_seekers'];
const DIMENSIONS: StatDimension[] = ['country', 'year', 'incidentType', 'biasMotivation', 'target'];

const incident = fc.record({
  country: fc.constantFrom(...COUNTRIES),
  year: fc.constantFrom(...YEARS),
  incidentType: fc.constantFrom(...TYPES),
  biasMotivation: fc.constantFrom(...BIASES),
  targets: fc.subarray(TARGETS, { minLength: 1 }),
});
const filter: fc.Arbitrary<StatisticsQuery> = fc.record(
  {
    country: fc.constantFrom(...COUNTRIES),
    year: fc.constantFrom(...YEARS),
    incidentType: fc.constantFrom(...TYPES),
    biasMotivation: fc.constantFrom(...BIASES),
    target: fc.constantFrom(...TARGETS),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<StatisticsQuery>;

function matches(i: Incident, f: StatisticsQuery): boolean {
  return (
    (!f.country || i.country === f.country) &&
    (!f.year || i.year === f.year) &&
    (!f.incidentType || i.incidentType === f.incidentType) &&
    (!f.biasMotivation || i.biasMotivation === f.biasMotivation) &&
    (!f.target || i.targets.includes(f.target as string))
  );
}

function keysOf(i: Incident, by: StatDimension): string[] {
  if (by === 'target') return i.targets;
  if (by === 'year') return [String(i.year)];
  return [i[by]];
}

/** Every figure one statistics view publishes: the total and each cell, as the rule prints them. */
function publishedFigures(incidents: Incident[], by: StatDimension, f: StatisticsQuery): PublishedCount[] {
  const selected = incidents.filter((i) => matches(i, f));
  const cells = new Map<string, number>();
  for (const i of selected) for (const key of keysOf(i, by)) cells.set(key, (cells.get(key) ?? 0) + 1);
  return [publish(selected.length), ...[...cells.values()].map(publish)];
}

function assertNoSmallDifference(figures: PublishedCount[]) {
  const numbers = figures.filter((f) => !f.fewerThanFive).map((f) => f.value as number);
  for (const a of numbers) {
    expect(a % 5).toBe(0);
    for (const b of numbers) {
      const difference = Math.abs(a - b);
      expect(difference >= 1 && difference <= 4).toBe(false);
    }
  }
}

describe('the small-count rule', () => {
  it('publishes 0 as 0, 1 to 4 as fewer than 5, and larger counts as the nearest multiple of 5', () => {
    expect([0, 1, 4, 5, 7, 8, 12, 13, 1003].map(publish)).toEqual([
      { value: 0, fewerThanFive: false },
      { value: null, fewerThanFive: true },
      { value: null, fewerThanFive: true },
      { value: 5, fewerThanFive: false },
      { value: 5, fewerThanFive: false },
      { value: 10, fewerThanFive: false },
      { value: 10, fewerThanFive: false },
      { value: 15, fewerThanFive: false },
      { value: 1005, fewerThanFive: false },
    ]);
  });

  it('never lets the difference of two published figures, for any filters, nested or overlapping, reveal 1 to 4', () => {
    fc.assert(
      fc.property(
        fc.array(incident, { maxLength: 120 }),
        fc.array(fc.tuple(fc.constantFrom(...DIMENSIONS), filter), { minLength: 2, maxLength: 6 }),
        (incidents, views) => {
          // Each filter also with every one of its conditions dropped: the nested sets an attacker subtracts.
          const expanded = views.flatMap(([by, f]) => [
            [by, f] as const,
            ...Object.keys(f).map((k) => [by, { ...f, [k]: undefined }] as const),
          ]);
          const figures = expanded.flatMap(([by, f]) => publishedFigures(incidents, by, f));
          for (const figure of figures) expect(figure.fewerThanFive === (figure.value === null)).toBe(true);
          assertNoSmallDifference(figures);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe.each(testBackends())('public statistics on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend);
  });
  afterAll(() => t?.close());

  it('publishes from the database exactly what the rule gives, for every combination of filters', async () => {
    const db = t.database.db;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(incident, { minLength: 0, maxLength: 60 }),
        fc.array(fc.tuple(fc.constantFrom(...DIMENSIONS), filter), { minLength: 2, maxLength: 4 }),
        async (incidents, views) => {
          run++;
          await db.deleteFrom('incident_report').execute();
          if (incidents.length > 0) {
            await db
              .insertInto('incident_report')
              .values(
                incidents.map((i, n) => ({
                  receipt_hash: Buffer.from(`${run}-${n}`.padEnd(32, '-')),
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
          }
          // An unverified report never counts.
          await db
            .insertInto('incident_report')
            .values({
              receipt_hash: Buffer.from(`${run}-pending`.padEnd(32, '-')),
              occurred_on: '2023-01-01',
              country_iso2: 'AT',
              place: 'x',
              incident_type: 'threat',
              targets: ['migrants'],
              bias_motivation: 'racist_xenophobic',
              source: 'ngo',
              encrypted_in: 'server',
            })
            .execute();
          const figures: PublishedCount[] = [];
          for (const [by, f] of views) {
            const query = new URLSearchParams({
              by,
              ...Object.fromEntries(
                Object.entries(f)
                  .filter(([, v]) => v !== undefined)
                  .map(([k, v]) => [k, String(v)]),
              ),
            });
            const response = await t.request(null, { method: 'GET', url: `/api/incidents/statistics?${query}` });
            expect(response.statusCode, response.body).toBe(200);
            const view = response.json() as StatisticsView;
            const expected = publishedFigures(incidents, by, f);
            expect(view.total).toEqual(expected[0]);
            expect(view.rows.map((r) => r.count).sort((a, b) => (a.value ?? -1) - (b.value ?? -1))).toEqual(
              expected.slice(1).sort((a, b) => (a.value ?? -1) - (b.value ?? -1)),
            );
            figures.push(view.total, ...view.rows.map((r) => r.count));
            const csv = await t.request(null, { method: 'GET', url: `/api/incidents/statistics.csv?${query}` });
            const lines = csv.body.trim().split('\n');
            expect(lines[0]).toBe(`${by},verified_incidents`);
            expect(lines.at(-1)).toBe(`total,${publishedText(expected[0] as PublishedCount)}`);
            // Every cell prints as the rule gives it: 0, "<5" or a multiple of 5 (5 included).
            expect(
              lines
                .slice(1, -1)
                .map((l) => l.slice(l.lastIndexOf(',') + 1))
                .sort(),
            ).toEqual(expected.slice(1).map(publishedText).sort());
            for (const line of lines.slice(1)) expect(line).toMatch(/,(0|<5|[1-9]\d*[05]|5)$/);
          }
          assertNoSmallDifference(figures);
        },
      ),
      {
        numRuns: 15,
        // Once found by a run: five incidents in one cell, published as exactly 5.
        examples: [
          [
            Array.from({ length: 5 }, (_, n) => ({
              country: 'AT',
              year: 2022,
              incidentType: 'physical_assault',
              biasMotivation: 'racist_xenophobic',
              targets: [n % 2 ? 'migrants' : 'asylum_seekers'],
            })),
            [
              ['country', {}],
              ['target', {}],
            ],
          ],
        ],
      },
    );
  });
});
