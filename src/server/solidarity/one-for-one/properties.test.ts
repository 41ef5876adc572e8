import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { cellOf, quotedLine } from '../../test-support/fuzz/cells.js';

const HEADER =
  'as_of,syrians_resettled_from_turkey_cumulative,returns_to_turkey_cumulative,approximate,source_document,source_url';

const day = fc
  .integer({ min: 0, max: 1_000 })
  .map((n) => new Date(Date.UTC(2016, 2, 20) + n * 86_400_000).toISOString().slice(0, 10));
const count = fc.integer({ min: 0, max: 20_000 }).map(String);
const row = fc
  .tuple(
    cellOf(day, ['', '2016-02-30', '20/03/2017', '2015-01-01', 'soon']),
    cellOf(count, ['-1', '1.5', 'many', '1e3', '12 000', '1,000', '9999999999']),
    cellOf(count, ['-1', 'x', '']),
    cellOf(fc.constantFrom('no', 'yes', '', 'oui', 'нет'), ['maybe']),
    cellOf(fc.constantFrom('Progress report', 'EU Forecast'), ['']),
  )
  .map((cells) => quotedLine([...cells, 'https://example.org']));

describe.each(testBackends())('importing any 1:1 progress table on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
  });
  afterAll(() => t?.close());

  const view = async () => (await t.request(coordinator, { method: 'GET', url: '/api/solidarity/one-for-one' })).json();

  it('replaces the series whole, its totals the latest cumulative figures, or refuses naming every bad cell', async () => {
    const outcomes = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 8 }), async (rows) => {
        const before = await view();
        const response = await t.request(coordinator, {
          method: 'POST',
          url: '/api/solidarity/one-for-one/import?fileName=progress.csv',
          headers: { 'content-type': 'text/csv' },
          payload: [HEADER, ...rows].join('\n'),
        });
        outcomes.add(response.statusCode);
        if (response.statusCode === 200) {
          // Monthly increases add up to the latest report's cumulative figures.
          const latest = rows
            .map((r) => r.split(',').map((c) => c.slice(1, -1)))
            .sort((a, b) => String(b[0]).localeCompare(String(a[0])))[0] as string[];
          const report = response.json();
          // Counts are published with or without thousands separators ("12 000", "1,000").
          const persons = (text: string | undefined) => Number(String(text).replace(/[ ,]/g, ''));
          expect(report).toMatchObject({ returns: persons(latest[2]), resettled: persons(latest[1]) });
          expect((await view()).totals).toEqual({ returns: report.returns, resettled: report.resettled });
          return;
        }
        expect(response.statusCode, response.body).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        const { errors } = response.json() as { errors: Array<{ pointer: string; message: string }> };
        expect(errors.length, response.body).toBeGreaterThan(0);
        for (const e of errors) {
          const [, at, line] = e.pointer.split('/');
          expect(at).toBe('rows');
          expect(Number(line)).toBeGreaterThanOrEqual(2);
          expect(Number(line)).toBeLessThanOrEqual(rows.length + 1);
          expect(e.message).toContain(`Row ${line}:`);
        }
        expect(await view()).toEqual(before);
      }),
      { numRuns: 40, seed: 20261205 },
    );
    // The tables drawn were both imported and refused: both branches above ran.
    expect([...outcomes].sort()).toEqual([200, 400]);
  });
});
