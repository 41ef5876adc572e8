import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../access/roles.js';
import { seedIncidentsDemo } from '../incidents/seed.js';
import { seedReportsDemo } from '../reports/seed.js';
import { seedSolidarityDemo } from '../solidarity/seed.js';
import { type TestApp, testApp } from '../test-support/app.js';
import { insertTestEvent, insertTestRegistration } from '../test-support/conferences/fixtures.js';
import { testBackends } from '../test-support/database.js';
import { addActivity, organisationId } from '../test-support/directory/fixtures.js';
import { insertTestReport } from '../test-support/reports/fixtures.js';
import { SMALL_KEY } from '../test-support/solidarity/access-table.js';
import { seedTrainingDemo } from '../training/seed.js';
import { seedWarningDemo } from '../warning/seed.js';
import { isUnguarded } from './sheet-writer.js';

/** Text that a spreadsheet runs, one for each character that starts a formula or a command. */
const PAYLOADS = ['=HYPERLINK("http://evil.example","x")', "+1+cmd|' /C calc'!A0", '-2+3+cmd', '@SUM(1+1)', '\t=1+1', '\r=1+1'];

/**
 * Every route that answers a CSV or an XLSX file, how to call it, and whether it prints a value
 * planted below. A CSV or XLSX route missing here fails the test, so a new export joins it (and
 * must pass it) when it is written. Only the public statistics print nothing anyone typed.
 */
const EXPORTS: Record<string, { url: string; role: Role | null; planted: boolean }> = {
  'GET /api/audit/export.csv': { url: '/api/audit/export.csv', role: 'coordinator', planted: true },
  'GET /api/conferences/events/{id}/registrations/export': {
    url: '/api/conferences/events/{event}/registrations/export?format=csv',
    role: 'coordinator',
    planted: true,
  },
  'GET /api/conferences/events/{id}/registrations/export#xlsx': {
    url: '/api/conferences/events/{event}/registrations/export?format=xlsx',
    role: 'coordinator',
    planted: true,
  },
  'GET /api/conferences/events/{id}/statistics/export': {
    url: '/api/conferences/events/{event}/statistics/export?format=csv',
    role: 'coordinator',
    planted: true,
  },
  'GET /api/conferences/events/{id}/statistics/export#xlsx': {
    url: '/api/conferences/events/{event}/statistics/export?format=xlsx',
    role: 'coordinator',
    planted: true,
  },
  'GET /api/directory/matrix': { url: '/api/directory/matrix?format=csv', role: 'coordinator', planted: true },
  'GET /api/directory/matrix#xlsx': { url: '/api/directory/matrix?format=xlsx', role: 'coordinator', planted: true },
  'GET /api/incidents/statistics.csv': { url: '/api/incidents/statistics.csv', role: null, planted: false },
  'GET /api/incidents/export/odihr.csv': { url: '/api/incidents/export/odihr.csv', role: 'incident_reviewer', planted: true },
  'GET /api/recommendations/export.csv': { url: '/api/recommendations/export.csv', role: 'coordinator', planted: true },
  'GET /api/recommendations/export.xlsx': { url: '/api/recommendations/export.xlsx', role: 'coordinator', planted: true },
  // A key's table holds codes and numbers only; its name, typed by whoever saved it, is in the XLSX notes.
  'GET /api/solidarity/keys/{key}/export.csv': { url: '/api/solidarity/keys/{saved}/export.csv', role: null, planted: false },
  'GET /api/solidarity/keys/{key}/export.xlsx': { url: '/api/solidarity/keys/{saved}/export.xlsx', role: null, planted: true },
  'GET /api/solidarity/fulfilment/export.csv': { url: '/api/solidarity/fulfilment/export.csv', role: null, planted: true },
  'GET /api/solidarity/fulfilment/export.xlsx': { url: '/api/solidarity/fulfilment/export.xlsx', role: null, planted: true },
  'GET /api/solidarity/pledges/export.csv': { url: '/api/solidarity/pledges/export.csv', role: 'coordinator', planted: true },
  'GET /api/solidarity/pledges/export.xlsx': { url: '/api/solidarity/pledges/export.xlsx', role: 'coordinator', planted: true },
  'GET /api/training/statistics/export': {
    url: '/api/training/statistics/export?format=csv',
    role: 'coordinator',
    planted: true,
  },
  'GET /api/training/statistics/export#xlsx': {
    url: '/api/training/statistics/export?format=xlsx',
    role: 'coordinator',
    planted: true,
  },
  'GET /api/warning/series/export.csv': {
    url: '/api/warning/series/export.csv?indicator=sea_arrivals_monthly&country=GR',
    role: null,
    planted: true,
  },
  'GET /api/warning/alerts/export.csv': { url: '/api/warning/alerts/export.csv', role: 'analyst', planted: true },
};

const SHEET_TYPES = /^(text\/csv|application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet)/;

/** Every cell of a CSV or XLSX body as text, as a spreadsheet would be given it. */
async function cellsOf(body: Buffer, type: string): Promise<string[]> {
  if (type.startsWith('text/csv')) return (parse(body, { bom: true, relax_column_count: true }) as string[][]).flat();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const cells: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        // A number stored as a number cannot be a formula; text and formulas are what count.
        if (cell.type === ExcelJS.ValueType.Formula) cells.push(`=${cell.formula}`);
        else if (typeof cell.value === 'string') cells.push(cell.value);
        else if (cell.value && typeof cell.value === 'object' && 'richText' in cell.value)
          cells.push(cell.value.richText.map((r) => r.text).join(''));
      }),
    );
  }
  return cells;
}

describe.each(testBackends())('every CSV and XLSX export on %s', (backend) => {
  let t: TestApp;
  let savedKey: string;
  let eventId: string;
  beforeAll(async () => {
    t = await testApp(backend);
    const db = t.database.db;
    await seedIncidentsDemo(db);
    await seedSolidarityDemo(db);
    await seedReportsDemo(db);
    await seedWarningDemo(db);
    await seedTrainingDemo(db);
    eventId = await insertTestEvent(db);
    for (const [i, payload] of PAYLOADS.entries()) await insertTestRegistration(db, eventId, { name: `${payload} ${i}` });
    const coordinator = await t.as('coordinator');
    await insertTestReport(db, { status: 'distributed' });
    const key = await t.request(coordinator, {
      method: 'POST',
      url: '/api/solidarity/keys',
      payload: { name: PAYLOADS[0], definition: SMALL_KEY },
    });
    expect(key.statusCode, key.body).toBe(201);
    savedKey = key.json().id;
    await addActivity(t, coordinator, {
      organisationId: await organisationId(t, 'FO-SERBIA'),
      title: 'Border monitoring',
      keyAreas: ['trafficking'],
      countries: ['RS'],
      status: 'ongoing',
    });

    // Plant the payloads in text people type, one per row in turn, in each table an export reads.
    const plant = async (table: string, column: string, where = sql`true`) =>
      sql`
        update ${sql.table(table)} set ${sql.ref(column)} =
          (${sql.val(PAYLOADS)}::text[])[1 + abs(hashtext(${sql.table(table)}::text)) % ${PAYLOADS.length}] || ${sql.ref(column)}
        where ${where}`.execute(db);
    await plant('country', 'name_en', sql`iso2 in (select iso2 from country order by iso2 limit 60)`);
    await plant('organisation', 'name_en');
    await plant('directory_activity', 'title');
    await plant('incident_report', 'place');
    await plant('recommendation', 'text');
    await plant('solidarity_pledge', 'description');
    await plant('warning_rule', 'name');
    await plant('warning_import_batch', 'source');
    await plant('app_user', 'name');
    await plant('training_course', 'title');
  }, 300_000);
  afterAll(() => t?.close());

  it('lists every route that answers CSV or XLSX', async () => {
    const doc = (await t.request(null, { method: 'GET', url: '/api/openapi.json' })).json();
    const found: string[] = [];
    for (const [path, operations] of Object.entries<Record<string, { responses?: Record<string, { content?: object }> }>>(
      doc.paths,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        const types = Object.keys(operation.responses?.['200']?.content ?? {});
        if (types.some((type) => SHEET_TYPES.test(type))) found.push(`${method.toUpperCase()} ${path}`);
      }
    }
    const listed = new Set(Object.keys(EXPORTS).map((key) => key.replace(/#.*$/, '')));
    expect(found.sort()).toEqual([...listed].sort());
  });

  for (const [name, spec] of Object.entries(EXPORTS)) {
    it(`${name}: no cell can run as a formula, and planted values come out quoted`, async () => {
      const persona = spec.role ? await t.as(spec.role) : null;
      const response = await t.request(persona, {
        method: 'GET',
        url: spec.url.replace('{saved}', savedKey).replace('{event}', eventId),
      });
      expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
      const type = String(response.headers['content-type']);
      expect(type).toMatch(SHEET_TYPES);
      const cells = await cellsOf(response.rawPayload, type);
      expect(cells.length).toBeGreaterThan(1);
      expect(cells.filter(isUnguarded)).toEqual([]);
      // XML reads a carriage return back as a line feed, so both sides are compared with line feeds.
      const lf = (text: string) => text.replace(/\r\n?/g, '\n');
      if (spec.planted) expect(cells.some((cell) => PAYLOADS.some((p) => lf(cell).includes(lf(`'${p}`))))).toBe(true);
      // The one attachment helper sends every export, with a name no browser misreads.
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"; filename\*=UTF-8''/);
    });
  }
});
