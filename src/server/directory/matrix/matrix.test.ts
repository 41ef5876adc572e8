import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { addActivity, addContact, directorySnapshot, organisationId } from '../../test-support/directory/fixtures.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function xlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('3W');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.each(testBackends())('3W import and export on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  let focal: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
    focal = await t.as('focal_point');
  });
  afterAll(() => t?.close());

  const importFile = (persona: Persona | null, body: Buffer | string, query = '', type = 'text/csv') =>
    t.request(persona, {
      method: 'POST',
      url: `/api/directory/matrix/import${query}`,
      headers: { 'content-type': type },
      payload: body,
    });

  const HXL_CSV = [
    'Organisation,Activity,Key areas,Countries,Start,End,Status,Target groups,Contact person,Contact email',
    '#org+name,#activity+name,#sector,#country+code,#date+start,#date+end,#status,#beneficiary,#contact+name,#contact+email',
    'OSCE Mission to Serbia,Border police training,Responsible border management,SRB,2026-01-10,2026-06-30,ongoing,officials,Milan Jovanović,milan@example.org',
    'ODIHR,Hate crime monitoring,protection,RS; MK,2026-02-01,,planned,refugees; migrants,,',
  ].join('\n');

  it('dry-runs a HXL file: reports what it would do and changes nothing', async () => {
    const before = await directorySnapshot(t);
    const response = await importFile(coordinator, HXL_CSV, '?dryRun=true');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      outcome: 'dry_run',
      recognisedBy: 'hxl',
      rowsRead: 2,
      created: 2,
      updated: 0,
      rejected: 0,
    });
    expect(response.json().changes.map((c: { row: number; action: string }) => [c.row, c.action])).toEqual([
      [3, 'create'],
      [4, 'create'],
    ]);
    expect(await directorySnapshot(t)).toBe(before);
  });

  it('imports it, then changes nothing when the same file comes again', async () => {
    const first = (await importFile(coordinator, HXL_CSV)).json();
    expect(first).toMatchObject({ outcome: 'applied', created: 2, contactsCreated: 1 });
    const activities = (await t.request(coordinator, { method: 'GET', url: '/api/directory/activities?q=border+police' })).json();
    expect(activities.items[0]).toMatchObject({
      title: 'Border police training',
      organisation: { code: 'FO-SERBIA' },
      keyAreas: ['border_management'],
      countries: ['RS'],
      startDate: '2026-01-10',
      endDate: '2026-06-30',
      status: 'ongoing',
      targetGroups: ['officials'],
      contact: { name: 'Milan Jovanović' },
    });
    const before = await directorySnapshot(t);
    const second = (await importFile(coordinator, HXL_CSV)).json();
    expect(second).toMatchObject({ outcome: 'applied', created: 0, updated: 0, unchanged: 2, contactsCreated: 0 });
    expect(await directorySnapshot(t)).toBe(before);
    const audit = await t.database.db.selectFrom('audit_log').select('details').where('verb', '=', 'directory.import').execute();
    expect(audit).toHaveLength(2);
  });

  it('updates in place what a second file changes, and leaves the rest', async () => {
    const file = (rows: string[]) =>
      [
        'Organisation,Activity,Key areas,Countries,Status',
        '#org+code,#activity+name,#sector,#country+code,#status',
        ...rows,
      ].join('\n');
    const first = await importFile(
      coordinator,
      file(['ODIHR,Update test A,protection,RS,planned', 'ODIHR,Update test B,protection,MK,planned']),
    );
    expect(first.json()).toMatchObject({ outcome: 'applied', created: 2 });
    const second = await importFile(
      coordinator,
      file(['ODIHR,Update test A,trafficking,AL; BA,ongoing', 'ODIHR,Update test B,protection,MK,planned']),
    );
    expect(second.json()).toMatchObject({ outcome: 'applied', created: 0, updated: 1, unchanged: 1 });
    const { rows } = await sql<{
      title: string;
      key_areas: string[];
      countries: string[];
      status: string;
      named: boolean;
      places: string[];
    }>`
      select a.title, a.key_areas, a.countries, a.status, a.search_text like '%Albania%' as named,
        array(select p.country_iso2::text from directory_activity_place p where p.activity_id = a.id order by 1) as places
      from directory_activity a where a.title like 'Update test %' order by a.title`.execute(t.database.db);
    expect(rows).toEqual([
      {
        title: 'Update test A',
        key_areas: ['trafficking'],
        countries: ['AL', 'BA'],
        status: 'ongoing',
        named: true,
        places: ['AL', 'BA'],
      },
      { title: 'Update test B', key_areas: ['protection'], countries: ['MK'], status: 'planned', named: false, places: ['MK'] },
    ]);
  });

  it('writes the search documents the activities’ own words give, and search finds imported rows by them', async () => {
    const file = (rows: string[]) =>
      [
        'Organisation,Activity,Description,Key areas,Countries,Place',
        '#org+code,#activity+name,#description,#sector,#country+code,#loc+name',
        ...rows,
      ].join('\n');
    const first = await importFile(
      coordinator,
      file([
        'ODIHR,Document test one,Formation des gardes-frontières,protection,RS; MK,Preševo',
        'ODIHR,Document test two,,trafficking,RS; MK,Tabanovce',
        'ODIHR,Document test three,Schulung,trafficking,AL,',
      ]),
    );
    expect(first.json()).toMatchObject({ outcome: 'applied', created: 3 });
    const second = await importFile(
      coordinator,
      file([
        'ODIHR,Document test one,Formation des gardes-frontières,border_management,BA,Bihać',
        'ODIHR,Document test two,,trafficking,RS; MK,Tabanovce',
        'ODIHR,Document test three,Schulung,trafficking,AL,',
      ]),
    );
    expect(second.json()).toMatchObject({ outcome: 'applied', updated: 1, unchanged: 2 });
    // Each stored document is the one the activity's words give, computed in full.
    const { rows } = await sql<{ title: string; same: boolean }>`
      select title, search_doc = directory_document(title,
        coalesce(description, '') || ' ' || coalesce(place, '') || ' ' || search_text) as same
      from directory_activity where title like 'Document test %' order by title`.execute(t.database.db);
    expect(rows).toEqual([
      { title: 'Document test one', same: true },
      { title: 'Document test three', same: true },
      { title: 'Document test two', same: true },
    ]);
    const found = async (q: string) =>
      (await t.request(coordinator, { url: `/api/directory/search?q=${encodeURIComponent(q)}&kind=activity` }))
        .json()
        .items.map((i: { activity?: { title: string } }) => i.activity?.title ?? '')
        .filter((title: string) => title.startsWith('Document test'))
        .sort();
    // By the words of the updated row: its new country and place, and no longer its old ones.
    expect(await found('Bosnia Bihac')).toEqual(['Document test one']);
    expect(await found('Document Tabanovce')).toEqual(['Document test two']);
    expect(await found('Document Preševo')).toEqual([]);
    // By reference words in another language, and a stem of the description.
    expect(await found('Document Албания')).toEqual(['Document test three']);
    expect(await found('Document formations')).toEqual(['Document test one']);
  });

  it('rejects every bad row with its number and reason, and then changes nothing at all', async () => {
    const before = await directorySnapshot(t);
    const file = [
      'Organisation,Activity,Countries,Start,End,Status',
      'ODIHR,Fine row that must not be written,AT,2026-01-01,2026-02-01,planned',
      'Nowhere Institute,Orphan,AT,,,planned',
      'ODIHR,Backwards,AT,2026-05-01,2026-04-01,ongoing',
      'ODIHR,Bad status,Atlantis,,,paused',
      'ODIHR,,AT,,,',
    ].join('\n');
    const report = (await importFile(coordinator, file)).json();
    expect(report).toMatchObject({ outcome: 'rejected', recognisedBy: 'labels', rejected: 4, created: 1 });
    expect(report.rejections).toEqual([
      { row: 3, reasons: [expect.stringContaining('“Nowhere Institute” is not in the directory')] },
      { row: 4, reasons: ['The activity ends before it starts.'] },
      { row: 5, reasons: ['Unknown country “Atlantis”.', expect.stringContaining('Unknown status “paused”')] },
      { row: 6, reasons: ['The activity (title) is missing.'] },
    ]);
    expect(await directorySnapshot(t)).toBe(before);
  });

  it('keeps a focal point to their own structure’s rows', async () => {
    const file = 'Organisation,Activity,Countries\nODIHR,Own row,PL\nHCNM,Someone else’s row,NL\n';
    const report = (await importFile(focal, file)).json();
    expect(report.outcome).toBe('rejected');
    expect(report.rejections).toEqual([
      { row: 3, reasons: [expect.stringContaining('You may not change the activities of HCNM')] },
    ]);
    const own = (await importFile(focal, 'Organisation,Activity,Countries\nODIHR,Own row,PL\n')).json();
    expect(own).toMatchObject({ outcome: 'applied', created: 1 });
  });

  it('reads a sheet through a column mapping when it has no HXL row', async () => {
    const file = await xlsx([
      ['Agency', 'Project name', 'Where', 'Phase'],
      ['UNHCR', 'Reception centre support', 'Greece', 'Active'],
    ]);
    const mapping = encodeURIComponent(
      JSON.stringify({ organisation: 'Agency', title: 'Project name', countries: 'Where', status: 'Phase' }),
    );
    const report = (await importFile(coordinator, file, `?mapping=${mapping}`, XLSX)).json();
    expect(report).toMatchObject({ outcome: 'applied', recognisedBy: 'mapping', created: 1 });
    const [activity] = (await t.request(null, { method: 'GET', url: '/api/directory/activities?q=reception+centre' })).json()
      .items;
    expect(activity).toMatchObject({ organisation: { code: 'UNHCR' }, countries: ['GR'], status: 'ongoing' });
    const unknown = await importFile(coordinator, file, `?mapping=${encodeURIComponent('{"title":"Nope"}')}`, XLSX);
    expect(unknown.statusCode).toBe(400);
  });

  it('exports HXL that imports again unchanged, as XLSX and as CSV', async () => {
    const serbia = await organisationId(t, 'FO-SERBIA');
    const lead = await addContact(t, coordinator, {
      organisationId: serbia,
      name: 'Lead Person',
      emails: ['lead@example.org'],
      visibility: 'public',
    });
    await addActivity(t, coordinator, {
      organisationId: serbia,
      title: '=Formula-looking title, with “quotes”; and semicolons',
      description: '-starts with a dash\nand has two lines',
      keyAreas: ['trafficking', 'protection'],
      dimension: 'human',
      countries: ['RS', 'XK'],
      place: 'Preševo',
      startDate: '2026-04-01',
      status: 'planned',
      targetGroups: ['victims_of_trafficking', 'idps'],
      contactId: lead.id,
      visibility: 'osce_staff',
    });
    for (const format of ['xlsx', 'csv'] as const) {
      const exported = await t.request(coordinator, { method: 'GET', url: `/api/directory/matrix?format=${format}` });
      expect(exported.statusCode).toBe(200);
      const before = await directorySnapshot(t);
      const report = (await importFile(coordinator, exported.rawPayload, '', format === 'csv' ? 'text/csv' : XLSX)).json();
      expect(report).toMatchObject({ outcome: 'applied', recognisedBy: 'hxl', created: 0, updated: 0, rejected: 0 });
      expect(report.unchanged).toBe(report.rowsRead);
      expect(await directorySnapshot(t)).toBe(before);
    }
    const csv: string[][] = parse(
      (await t.request(coordinator, { method: 'GET', url: '/api/directory/matrix?format=csv' })).body,
      { bom: true },
    );
    expect(csv[1]).toEqual(
      expect.arrayContaining([
        '#org+name',
        '#sector',
        '#country+code',
        '#activity+name',
        '#date+start',
        '#date+end',
        '#status',
        '#contact+name',
      ]),
    );
    const row = csv.find((r) => r.includes('Lead Person')) as string[];
    expect(row).toEqual(expect.arrayContaining(["'=Formula-looking title, with “quotes”; and semicolons", 'SRB; XKX']));
  });

  it('exports only what the caller may see, and audits every export', async () => {
    const anonymous = await t.request(null, { method: 'GET', url: '/api/directory/matrix?format=csv' });
    const text = anonymous.body;
    expect(text).not.toContain('Formula-looking');
    expect(text).not.toContain('Milan Jovanović');
    expect(text).toContain('Border police training');
    const exports = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('verb', '=', 'directory.export')
      .execute();
    expect(exports.length).toBeGreaterThanOrEqual(4);
    expect(exports.at(-1)).toMatchObject({ actor_id: null, details: { format: 'csv' } });
  });

  it('streams progress lines and ends with the report when asked', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `ODIHR,Streamed activity ${i},AT`).join('\n');
    const response = await t.request(coordinator, {
      method: 'POST',
      url: '/api/directory/matrix/import?dryRun=true',
      headers: { 'content-type': 'text/csv', accept: 'application/x-ndjson' },
      payload: `Organisation,Activity,Countries\n${rows}\n`,
    });
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = response.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.type === 'progress').length).toBeGreaterThanOrEqual(2);
    expect(lines.at(-1)).toMatchObject({ type: 'report', report: { outcome: 'dry_run', created: 1200 } });
  });

  it('checks the codes and keeps the places of many activities written in one statement', async () => {
    const db = t.database.db;
    const { id: organisation } = await db.selectFrom('organisation').select('id').executeTakeFirstOrThrow();
    const places = async (titles: string[]) =>
      (
        await sql<{ title: string; country: string }>`
          select a.title, p.country_iso2 as country from directory_activity_place p
          join directory_activity a on a.id = p.activity_id
          where a.title = any(${titles}::text[]) order by a.title, p.country_iso2`.execute(db)
      ).rows;
    const failure = (statement: Promise<unknown>) =>
      statement.then(
        () => undefined,
        (error: { code?: string; constraint?: string }) => ({ code: error.code, constraint: error.constraint }),
      );
    await sql`insert into directory_activity (organisation_id, title, countries, key_areas)
      values (${organisation}, 'Set-based one', '{RS,MK}', '{protection}'), (${organisation}, 'Set-based two', '{AL,RS,AL}', '{}')`.execute(
      db,
    );
    expect(await places(['Set-based one', 'Set-based two'])).toEqual([
      { title: 'Set-based one', country: 'MK' },
      { title: 'Set-based one', country: 'RS' },
      { title: 'Set-based two', country: 'AL' },
      { title: 'Set-based two', country: 'RS' },
    ]);
    await sql`update directory_activity set countries = case title when 'Set-based one' then '{BA}'::text[] else '{}'::text[] end
      where title in ('Set-based one', 'Set-based two')`.execute(db);
    expect(await places(['Set-based one', 'Set-based two'])).toEqual([{ title: 'Set-based one', country: 'BA' }]);

    // An unknown code anywhere in the statement fails all of it, with the foreign-key error people are shown.
    expect(
      await failure(
        sql`insert into directory_activity (organisation_id, title, countries)
          values (${organisation}, 'Set-based three', '{RS}'), (${organisation}, 'Set-based four', '{RS,QQ}')`.execute(db),
      ),
    ).toEqual({ code: '23503', constraint: 'directory_activity_country_fk' });
    expect(
      await failure(sql`update directory_activity set key_areas = '{piracy}' where title = 'Set-based two'`.execute(db)),
    ).toEqual({ code: '23503', constraint: 'directory_activity_key_area_fk' });
    expect(await places(['Set-based three', 'Set-based four'])).toEqual([]);
    await sql`delete from directory_activity where title like 'Set-based %'`.execute(db);
  });

  it('refuses strangers, other roles and what is not a spreadsheet', async () => {
    expect((await importFile(null, HXL_CSV)).statusCode).toBe(401);
    expect((await importFile(await t.as('analyst'), HXL_CSV)).statusCode).toBe(403);
    const json = await t.request(coordinator, { method: 'POST', url: '/api/directory/matrix/import', payload: { rows: [] } });
    expect(json.statusCode).toBe(415);
    const noColumns = await importFile(coordinator, 'Name,Phone\nA,1\n');
    expect(noColumns.statusCode).toBe(400);
    expect(noColumns.json().detail).toMatch(/no column for: Organisation/);
    const broken = await importFile(coordinator, Buffer.from('PK\u0003\u0004 broken zip'), '', XLSX);
    expect(broken.statusCode).toBe(400);
    // A NUL character, which no stored text may hold, is named where it is and changes nothing.
    const before = await directorySnapshot(t);
    const nul = await importFile(coordinator, HXL_CSV.replace('Hate crime', 'Hate\u0000crime'));
    expect(nul.statusCode).toBe(400);
    expect(nul.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(nul.json().detail).toMatch(/^Row 4, column B holds a NUL character/);
    expect(await directorySnapshot(t)).toBe(before);
  });
});
