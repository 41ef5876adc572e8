import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { ONE_FOR_ONE_PROGRESS_CSV } from '../data/eu-turkey-2016-2018.js';
import { seedSolidarityDemo } from '../seed.js';
import { monthlyIncrements, readReports } from './convert.js';

const HEADER =
  'as_of,syrians_resettled_from_turkey_cumulative,returns_to_turkey_cumulative,approximate,source_document,source_url';
const cellsOf = (csv: string) =>
  csv
    .trim()
    .split('\n')
    .map((line) => line.split(','));

describe('cumulative figures made monthly', () => {
  it('assigns the increase between report dates to the month of the later one', () => {
    const { reports, errors } = readReports(
      cellsOf(`${HEADER}\n2016-12-20,2672,801,no,B,\n2016-09-26,1614,578,no,A,http://a\n2016-09-30,1700,600,yes,A2,`),
    );
    expect(errors).toEqual([]);
    const { months } = monthlyIncrements(reports);
    expect(months).toEqual([
      // Two reports in September add up, from the statement to the 30th, approximate as the second says.
      {
        month: '2016-09-01',
        resettled: 1700,
        returns: 600,
        approximate: true,
        coversFrom: '2016-03-20',
        reportedOn: '2016-09-30',
        source: 'A2',
        sourceUrl: '',
      },
      {
        month: '2016-12-01',
        resettled: 972,
        returns: 201,
        approximate: false,
        coversFrom: '2016-09-30',
        reportedOn: '2016-12-20',
        source: 'B',
        sourceUrl: '',
      },
    ]);
  });

  it('names each bad cell by row and column, and a figure that falls', () => {
    const read = readReports(cellsOf(`${HEADER}\n2016-13-01,10,x,maybe,,\n2016-09-26,1614,578,no,A,\n2016-09-26,1,1,no,A,`));
    expect(read.errors.map((e) => e.pointer)).toEqual([
      '/rows/2/as_of',
      '/rows/2/returns_to_turkey_cumulative',
      '/rows/2/approximate',
      '/rows/2/source_document',
      '/rows/4/as_of',
    ]);
    const falling = readReports(cellsOf(`${HEADER}\n2016-09-26,1614,578,no,A,\n2016-12-20,1000,801,no,B,`));
    expect(monthlyIncrements(falling.reports).errors).toEqual([
      { pointer: '/rows/3/syrians_resettled_from_turkey_cumulative', message: expect.stringContaining('fewer than the 1614') },
    ]);
    expect(readReports(cellsOf('date,returns\n2016-01-01,1')).errors.map((e) => e.pointer)).toEqual([
      '/columns/as_of',
      '/columns/syrians_resettled_from_turkey_cumulative',
      '/columns/returns_to_turkey_cumulative',
      '/columns/source_document',
    ]);
  });
});

describe.each(testBackends())('the EU-Turkey 1:1 scheme on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  let delegation: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
    delegation = await t.as('delegation');
  });
  afterAll(() => t?.close());

  const upload = (persona: Persona | null, body: string | Buffer, type = 'text/csv') =>
    t.request(persona, {
      method: 'POST',
      url: '/api/solidarity/one-for-one/import?fileName=progress.csv',
      headers: { 'content-type': type },
      payload: body,
    });
  const view = async (persona: Persona) =>
    (await t.request(persona, { method: 'GET', url: '/api/solidarity/one-for-one' })).json();

  it('imports the published figures as months, all or nothing, and audits the import', async () => {
    expect((await upload(null, ONE_FOR_ONE_PROGRESS_CSV)).statusCode).toBe(401);
    expect((await upload(delegation, ONE_FOR_ONE_PROGRESS_CSV)).statusCode).toBe(403);
    const imported = await upload(coordinator, ONE_FOR_ONE_PROGRESS_CSV);
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toEqual({ reports: 4, months: 4, returns: 2200, resettled: 12500 });

    const scheme = await view(delegation);
    expect(scheme.actions).toEqual([]);
    expect(scheme.totals).toEqual({ returns: 2200, resettled: 12500 });
    expect(
      scheme.months.map((m: { month: string; returns: number; resettled: number; approximate: boolean }) => [
        m.month,
        m.returns,
        m.resettled,
        m.approximate,
      ]),
    ).toEqual([
      ['2016-09', 578, 1614, false],
      ['2016-12', 223, 1058, false],
      ['2017-02', 686, 893, false],
      ['2018-03', 713, 8935, true],
    ]);
    expect(scheme.months[3]).toMatchObject({
      coversFrom: '2017-02-27',
      reportedOn: '2018-03-01',
      source: expect.stringContaining('EU Forecast'),
    });
    expect((await view(coordinator)).actions).toEqual(['import']);

    // One bad row: nothing changes, and the problem names the row and column.
    const bad = await upload(coordinator, `${HEADER}\n2016-09-26,1614,578,no,A,\n2016-12-20,1000,,no,B,\n`);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/rows/3/returns_to_turkey_cumulative']);
    expect((await view(delegation)).totals).toEqual({ returns: 2200, resettled: 12500 });

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['verb', 'details'])
      .where('verb', '=', 'solidarity.one_for_one.import')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ fileName: 'progress.csv', reports: 4, months: 4 });
  });

  it('reads the same figures from an XLSX workbook, replacing the series', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('One for one');
    for (const line of [HEADER, '2016-09-26,1614,578,no,Third report,', '2016-12-20,2672,801,no,Report,'])
      sheet.addRow(line.split(','));
    const imported = await upload(
      coordinator,
      Buffer.from(await workbook.xlsx.writeBuffer()),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(imported.json()).toEqual({ reports: 2, months: 2, returns: 801, resettled: 2672 });
    expect((await view(delegation)).months.map((m: { month: string }) => m.month)).toEqual(['2016-09', '2016-12']);
  });

  it('ships the published series as demonstration data', async () => {
    await t.database.db.deleteFrom('solidarity_one_for_one').execute();
    await seedSolidarityDemo(t.database.db);
    await seedSolidarityDemo(t.database.db);
    expect((await view(delegation)).totals).toEqual({ returns: 2200, resettled: 12500 });
  });
});
