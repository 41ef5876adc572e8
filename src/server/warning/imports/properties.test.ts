import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { cellOf, quotedLine } from '../../test-support/fuzz/cells.js';

/** Everything an import may change, to show that a refused one changed nothing. */
async function snapshot(t: TestApp) {
  const { rows } = await sql<{ state: string }>`
    select md5(coalesce((select string_agg(o::text, '|' order by o.indicator_id, o.country_iso2, o.period) from warning_observation o), '')
      || coalesce((select string_agg(r::text, '|' order by r.id) from warning_observation_revision r), '')
      || coalesce((select string_agg(b.id::text, '|' order by b.id) from warning_import_batch b), '')) as state`.execute(
    t.database.db,
  );
  return rows[0]?.state;
}

/** A UNHCR population table: the columns the import reads, among others it leaves. */
const populationTable = fc
  .array(
    fc.tuple(
      cellOf(['2015', '2016', '2020'], ['15', '1899', '2999', '', 'year']),
      cellOf(['SYR', 'IRQ', 'syr', 'UKN', 'STA', ''], ['12', ' SYR', 'Syria', 'ÇYR', 'XYZ']),
      cellOf(['TUR', 'DEU', 'deu', 'GRC', 'UNK'], ['XYZ', '', 'TUR ', 'Türkiye']),
      cellOf(
        ['0', '12', '', '5e+05', '2.5e1', '1000000'],
        ['many', '-3', '1.5', '1e12', '7 7', '1,5', '0x10', 'NaN', 'Infinity'],
      ),
      cellOf(['0', '7', ''], ['x', '4E+2', '1e309', '--1']),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((rows) =>
    [
      'year,coo_name,coo,coo_iso,coa_name,coa,coa_iso,refugees,asylum_seekers,returned_refugees',
      ...rows.map(([year, coo, coa, refugees, seekers]) =>
        quotedLine([year, 'n', coo, coo, 'n', coa, coa, refugees, seekers, '0']),
      ),
    ].join('\n'),
  );

/** A sheet with HXL hashtags: one value per row, of any indicator, country and period. */
const hxlSheet = fc
  .array(
    fc.tuple(
      cellOf(['refugees_hosted', 'asylum_seekers', 'sea_arrivals_monthly'], ['no_such_indicator', '', 'REFUGEES_HOSTED']),
      cellOf(['TR', 'GR', 'AT', 'Greece'], ['', 'XX', 'Atlantis', 'GR; TR']),
      cellOf(['2020', '2021-01-01', '2020-03'], ['', '2020-13', '2999', '31/12/2020', '2020-02-30']),
      cellOf(['120', '0', '3.5', ''], ['-1', 'lots', '1e400', '1 000']),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((rows) =>
    ['Indicator,Country,Date,Value', '#indicator+code,#country+code,#date,#value', ...rows.map(quotedLine)].join('\n'),
  );

describe.each(testBackends())('importing any early-warning table on %s', (backend) => {
  let t: TestApp;
  let analyst: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    analyst = await t.as('analyst');
  });
  afterAll(() => t?.close());

  it('stores a table whole or refuses it, each bad row with its reason, and then changes nothing', async () => {
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(populationTable, hxlSheet), fc.boolean(), async (csv, dryRun) => {
        const before = await snapshot(t);
        const rows = csv.split('\n').length - (csv.includes('#indicator') ? 2 : 1);
        const response = await t.request(analyst, {
          method: 'POST',
          url: `/api/warning/imports${dryRun ? '?dryRun=true' : ''}`,
          headers: { 'content-type': 'text/csv' },
          payload: csv,
        });
        if (response.statusCode !== 200 && response.statusCode !== 201) {
          // Every table drawn is recognised: only one with no row or no value at all is refused
          // whole, with a problem document that says so. Any other is reported row by row.
          expect(['The file holds no rows.', 'The file holds no values to import.'], response.body).toContain(
            response.json().detail,
          );
          expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
          expect(response.statusCode, response.body).toBeLessThan(500);
          expect(response.headers['content-type']).toContain('application/problem+json');
          expect(await snapshot(t)).toBe(before);
          outcomes.add('problem');
          return;
        }
        const report = response.json();
        expect(report.rowCount, response.body).toBeLessThanOrEqual(rows);
        if (report.applied && !dryRun) {
          outcomes.add('applied');
          expect(report.rejectedCount).toBe(0);
          expect(report.inserted + report.updated + report.unchanged).toBeGreaterThanOrEqual(0);
          return;
        }
        expect(await snapshot(t)).toBe(before);
        if (report.rejectedCount > 0) {
          outcomes.add('rejected');
          for (const r of report.rejected) {
            expect(r.row).toBeGreaterThanOrEqual(2);
            expect(r.reason).toMatch(/[.)]$/);
          }
        }
      }),
      { numRuns: 60, seed: 20261205 },
    );
    // The tables drawn were both stored and refused: both branches above ran.
    expect(outcomes).toContain('applied');
    expect(outcomes).toContain('rejected');
  });
});
