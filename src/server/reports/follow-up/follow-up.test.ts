import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona, TestApp } from '../../test-support/app.js';
import { testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { insertTestReport } from '../../test-support/reports/fixtures.js';
import { structureId } from '../../test-support/roster/fixtures.js';

describe.each(testBackends())('the follow-up of recommendations on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  let focal: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
    focal = await t.as('focal_point');
  });
  afterAll(() => t?.close());

  async function recommendations(persona: Persona | null, query = '') {
    return t.request(persona, { method: 'GET', url: `/api/recommendations${query}` });
  }

  it('tracks projects and notes to implementation, late ones first, and shows it on the dashboard', async () => {
    const { missionId } = await insertTestReport(t.database.db, { status: 'distributed' });
    const list = (await recommendations(coordinator, `?missionId=${missionId}`)).json();
    expect(list.total).toBe(2);
    // The first is due in 2020 and nothing was done: late, and listed first.
    expect(list.items.map((r: { late: boolean; status: string }) => [r.late, r.status])).toEqual([
      [true, 'not_started'],
      [false, 'not_started'],
    ]);
    const [late] = list.items;
    const odihr = await structureId(t.database.db, 'ODIHR');
    const hcnm = await structureId(t.database.db, 'HCNM');

    // A focal point adds projects for its own structure only.
    const foreign = await t.request(focal, {
      method: 'POST',
      url: `/api/recommendations/${late.id}/projects`,
      payload: { organisationId: hcnm, title: 'Not ours' },
    });
    expect(foreign.statusCode).toBe(403);
    const created = await t.request(focal, {
      method: 'POST',
      url: `/api/recommendations/${late.id}/projects`,
      payload: {
        organisationId: odihr,
        title: 'Reception standards training',
        budget: 50000,
        currency: 'EUR',
        startsOn: '2020-02-01',
        endsOn: '2020-12-31',
      },
    });
    expect(created.statusCode).toBe(201);
    const project = created.json().projects[0];
    expect(project).toMatchObject({
      organisation: 'ODIHR',
      budget: '50000.00',
      currency: 'EUR',
      status: 'not_started',
      actions: ['edit', 'note'],
    });
    const url = `/api/recommendations/${late.id}/projects/${project.id}`;

    const started = await t.request(focal, { method: 'PATCH', url, payload: { status: 'in_progress' } });
    expect(started.json().status).toBe('in_progress');
    expect((await recommendations(coordinator, `?missionId=${missionId}&status=in_progress`)).json().items[0]).toMatchObject({
      id: late.id,
      late: true,
    });
    const noted = await t.request(focal, {
      method: 'POST',
      url: `${url}/notes`,
      payload: { notedOn: '2020-06-30', text: 'Two sessions held.' },
    });
    expect(noted.statusCode).toBe(201);
    expect(noted.json().notes).toEqual([expect.objectContaining({ notedOn: '2020-06-30', text: 'Two sessions held.' })]);

    const noReason = await t.request(focal, { method: 'PATCH', url, payload: { status: 'not_implemented' } });
    expect(noReason.statusCode).toBe(400);
    const done = await t.request(focal, { method: 'PATCH', url, payload: { status: 'implemented' } });
    expect(done.json().status).toBe('implemented');
    const detail = (await t.request(await t.as('delegation'), { method: 'GET', url: `/api/recommendations/${late.id}` })).json();
    expect(detail).toMatchObject({ status: 'implemented', late: false, projectCount: 1, actions: [] });
    expect(detail.projects[0].actions).toEqual([]);

    const board = (
      await t.request(coordinator, { method: 'GET', url: `/api/recommendations/dashboard?missionId=${missionId}` })
    ).json();
    expect(board).toMatchObject({ total: 2, late: 0, byStatus: { implemented: 1, not_started: 1 } });
    expect(board.byKeyArea).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'solidarity', counts: expect.objectContaining({ implemented: 1 }) }),
      ]),
    );
    const month = new Date().toISOString().slice(0, 7);
    expect(board.rate.at(-1)).toEqual({ month, adopted: 2, implemented: 1, rate: 0.5 });
  });

  it('exports the tracker as CSV and XLSX with the same filters, and only what the caller may read', async () => {
    const { missionId } = await insertTestReport(t.database.db, { status: 'distributed' });
    const { missionId: hidden } = await insertTestReport(t.database.db, { status: 'adopted' });
    const csv = await t.request(await t.as('delegation'), {
      method: 'GET',
      url: `/api/recommendations/export.csv?missionId=${missionId}`,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe(
      [
        'Mission,No.,Recommendation,Addressee,Key area,Dimension,Priority,Due,Status,Late,Projects',
        'Source,Conference,Issued by,Document,Commitment',
      ].join(','),
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('Open a second reception centre on Lesvos.');
    const none = await t.request(await t.as('delegation'), {
      method: 'GET',
      url: `/api/recommendations/export.csv?missionId=${hidden}`,
    });
    expect(none.body.trim().split('\n')).toHaveLength(1);
    const xlsx = await t.request(coordinator, { method: 'GET', url: `/api/recommendations/export.xlsx?missionId=${hidden}` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Recommendations')!;
    expect(sheet.getRow(2).getCell(3).value).toBe('Open a second reception centre on Lesvos.');
    // An adopted report's recommendations are the team's and the co-ordinator's until distribution.
    expect((await recommendations(await t.as('analyst'), `?missionId=${hidden}`)).json().total).toBe(0);
    expect((await recommendations(null)).statusCode).toBe(401);
  });

  it('refuses bad follow-up input with a problem document', async () => {
    await insertTestReport(t.database.db, { status: 'distributed' });
    const [rec] = (await recommendations(coordinator)).json().items;
    const odihr = await structureId(t.database.db, 'ODIHR');
    const cases: Array<[Record<string, unknown>, number]> = [
      [{ organisationId: odihr, title: 'x', budget: 10 }, 400],
      [{ organisationId: odihr, title: 'x', startsOn: '2021-01-02', endsOn: '2021-01-01' }, 400],
      [{ organisationId: odihr, title: '', budget: null }, 400],
      [{ organisationId: '00000000-0000-4000-8000-000000000000', title: 'x' }, 422],
    ];
    for (const [payload, status] of cases) {
      const response = await t.request(coordinator, { method: 'POST', url: `/api/recommendations/${rec.id}/projects`, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await t.request(coordinator, { method: 'GET', url: `/api/recommendations/${rec.id}` })).json().projects).toEqual([]);
  });
});
