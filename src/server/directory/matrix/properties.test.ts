import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { directorySnapshot } from '../../test-support/directory/fixtures.js';
import { cellOf, quotedLine } from '../../test-support/fuzz/cells.js';

const HEADER = [
  'Organisation,Activity,Key areas,Countries,Start,End,Status,Target groups,Contact person,Contact email',
  '#org+name,#activity+name,#sector,#country+code,#date+start,#date+end,#status,#beneficiary,#contact+name,#contact+email',
];

const row = fc
  .tuple(
    cellOf(['OSCE Mission to Serbia', 'ODIHR', 'odihr'], ['', 'Nowhere at all', '  ODIHR  ', 'ODIHR "quoted"']),
    cellOf(
      ['Border police training', 'Hate crime monitoring', 'Reception conditions review'],
      ['', 'x'.repeat(301), '=HYPERLINK("http://example.org")', 'Ümlaut ünïcødé — titre', '   '],
    ),
    cellOf(['protection', 'solidarity; protection', 'Responsible border management'], ['no such area', ';', '']),
    cellOf(['RS', 'SRB', 'RS; MK', 'Serbia'], ['', 'XX', 'RS;;MK', 'RS, MK', 'Atlantis']),
    cellOf(['2026-01-10', ''], ['2026-02-30', '10/01/2026', 'soon', '99999-01-01', '2026-13-01']),
    cellOf(['2026-06-30', ''], ['2025-01-01', 'later', '0000-00-00']),
    cellOf(['ongoing', 'planned', 'completed'], ['Ongoing', 'done', '']),
    cellOf(['refugees; migrants', '', 'officials'], ['aliens', ';;']),
    cellOf(['', 'Milan Jovanović'], ['x'.repeat(500), '<script>alert(1)</script>']),
    cellOf(['', 'milan@example.org'], ['not-an-email', 'a@b', 'milan@example.org; other@example.org']),
  )
  .map(quotedLine);

describe.each(testBackends())('3W import of any sheet on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
  });
  afterAll(() => t?.close());

  it('applies a sheet whole or refuses it, each bad row with its reasons, and then changes nothing', async () => {
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 6 }), fc.boolean(), async (rows, dryRun) => {
        const before = await directorySnapshot(t);
        const response = await t.request(coordinator, {
          method: 'POST',
          url: `/api/directory/matrix/import${dryRun ? '?dryRun=true' : ''}`,
          headers: { 'content-type': 'text/csv' },
          payload: [...HEADER, ...rows].join('\n'),
        });
        // Every sheet drawn is recognised by its HXL row and has rows: whatever its cells, the
        // answer is a report, never a refusal of the whole file or a failure of the server.
        expect(response.statusCode, response.body).toBe(200);
        const report = response.json();
        outcomes.add(report.outcome);
        expect(report.rowsRead).toBe(rows.length);
        if (report.outcome === 'applied') {
          expect(report.rejections).toEqual([]);
          expect(report.created + report.updated + report.unchanged).toBe(rows.length);
          return;
        }
        expect(await directorySnapshot(t)).toBe(before);
        if (report.outcome === 'rejected') {
          expect(report.rejected).toBeGreaterThan(0);
          for (const r of report.rejections) {
            expect(r.row).toBeGreaterThanOrEqual(3);
            expect(r.row).toBeLessThanOrEqual(rows.length + 2);
            expect(r.reasons.length).toBeGreaterThan(0);
            for (const reason of r.reasons) expect(reason).toMatch(/[.?)]$/);
          }
        } else expect(report.outcome).toBe('dry_run');
      }),
      { numRuns: 40, seed: 20261205 },
    );
    // The sheets drawn were both applied and refused: both branches above ran.
    expect(outcomes).toContain('applied');
    expect(outcomes).toContain('rejected');
  });
});
