import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';
import { recordFeed, replacePublishedSeries } from './feed.js';

const HXL = (rows: string[]) =>
  `indicator,country,period,value\n#indicator+code,#country+code,#date,#value\n${rows.join('\n')}\n`;

/** Greek monthly arrivals (a jump in June) and Austrian ones a year apart. */
const MONTHLY = HXL([
  'sea_arrivals_monthly,GR,2020-01,100',
  'sea_arrivals_monthly,GR,2020-02,110',
  'sea_arrivals_monthly,GR,2020-03,100',
  'sea_arrivals_monthly,GR,2020-04,90',
  'sea_arrivals_monthly,GR,2020-05,100',
  'sea_arrivals_monthly,GR,2020-06,300',
  'sea_arrivals_monthly,AT,2019-03,50',
  'sea_arrivals_monthly,AT,2020-03,120',
]);

describe.each(testBackends())('early warning on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend);
  });
  afterAll(() => t?.close());

  const upload = async (csv: string, query = '', role: 'analyst' | 'coordinator' = 'analyst') =>
    t.request(await t.as(role), {
      method: 'POST',
      url: `/api/warning/imports${query}`,
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
  const count = async (
    table: 'warning_observation' | 'warning_import_batch' | 'warning_alert' | 'warning_observation_revision',
  ) =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const rule = async (body: Record<string, unknown>) => {
    const response = await t.request(await t.as('analyst'), {
      method: 'POST',
      url: '/api/warning/rules',
      payload: { level: 'orange', name: `Rule ${body.kind}`, ...body },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string };
  };
  const alertsOf = async (ruleId: string) => {
    const response = await t.request(await t.as('analyst'), { method: 'GET', url: '/api/warning/alerts?limit=500' });
    return (
      response.json().items as Array<{
        rule: { id: string };
        country: string;
        label: string;
        value: number;
        referenceValue: number | null;
        measure: number;
        explanation: string;
        id: string;
        actions: string[];
      }>
    ).filter((a) => a.rule.id === ruleId);
  };

  it('imports an HXL file, fires each rule type on hand-computed cases, and only once', async () => {
    const first = await upload(MONTHLY, '?fileName=monthly.csv');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ applied: true, format: 'hxl', values: 8, inserted: 8, updated: 0, rejectedCount: 0 });

    const threshold = await rule({ indicator: 'sea_arrivals_monthly', country: 'GR', kind: 'threshold', threshold: 250 });
    const previous = await rule({ indicator: 'sea_arrivals_monthly', country: 'GR', kind: 'change_previous', threshold: 50 });
    const yearly = await rule({ indicator: 'sea_arrivals_monthly', country: 'AT', kind: 'change_year', threshold: 100 });
    const zscore = await rule({
      indicator: 'sea_arrivals_monthly',
      country: 'GR',
      kind: 'zscore',
      threshold: 3,
      windowPeriods: 5,
    });

    expect((await alertsOf(threshold.id)).map((a) => [a.country, a.label, a.value])).toEqual([['GR', '2020-06', 300]]);
    const [change] = await alertsOf(previous.id);
    expect(change).toMatchObject({ country: 'GR', label: '2020-06', value: 300, referenceValue: 100, measure: 200 });
    expect(change?.explanation).toContain('a change of 200% from 100 in the previous period');
    const [year] = await alertsOf(yearly.id);
    expect(year).toMatchObject({ country: 'AT', label: '2020-03', value: 120, referenceValue: 50, measure: 140 });
    // Mean of 100, 110, 100, 90, 100 is 100; the sample deviation is √50; (300 − 100) / √50 = 28.28.
    const z = await alertsOf(zscore.id);
    expect(z).toHaveLength(1);
    expect(z[0]?.measure).toBeCloseTo(200 / Math.sqrt(50), 6);
    expect(z[0]?.referenceValue).toBeCloseTo(100, 9);

    // The same file again changes nothing and fires nothing.
    const alerts = await count('warning_alert');
    const batches = await count('warning_import_batch');
    const again = await upload(MONTHLY);
    expect(again.json()).toMatchObject({ applied: true, inserted: 0, updated: 0, unchanged: 8, alertsFired: 0, batchId: null });
    expect(await count('warning_alert')).toBe(alerts);
    expect(await count('warning_import_batch')).toBe(batches);

    // One more month: evaluated incrementally, each rule fires for the new period only.
    const next = await upload(HXL(['sea_arrivals_monthly,GR,2020-07,1000']));
    expect(next.json()).toMatchObject({ inserted: 1, alertsFired: 3 });
    const z7 = (await alertsOf(zscore.id)).find((a) => a.label === '2020-07');
    // Window 110, 100, 90, 100, 300: mean 140, sample deviation √8050.
    expect(z7?.measure).toBeCloseTo(860 / Math.sqrt(8050), 6);
    expect((await alertsOf(previous.id)).find((a) => a.label === '2020-07')?.measure).toBeCloseTo(233.333, 2);
  });

  it('keeps the history of a corrected value and serves series as JSON, CSV and HXL', async () => {
    const corrected = await upload(HXL(['sea_arrivals_monthly,GR,2020-06,295']));
    expect(corrected.json()).toMatchObject({ applied: true, updated: 1, inserted: 0 });
    const revisions = await t.database.db.selectFrom('warning_observation_revision').select(['value', 'country_iso2']).execute();
    expect(revisions).toEqual([{ value: 300, country_iso2: 'GR' }]);

    const history = await t.request(null, {
      method: 'GET',
      url: '/api/warning/series/history?indicator=sea_arrivals_monthly&country=GR&period=2020-06-01',
    });
    expect(history.statusCode).toBe(200);
    expect(history.json()).toMatchObject({
      current: { value: 295, label: '2020-06' },
      revisions: [{ value: 300, source: 'Imported file' }],
    });

    const series = await t.request(null, {
      method: 'GET',
      url: '/api/warning/series?indicator=sea_arrivals_monthly&country=GR&from=2020-06-01&to=2020-06-30',
    });
    expect(series.statusCode).toBe(200);
    expect(series.json()).toEqual([
      expect.objectContaining({ country: 'GR', label: '2020-06', value: 295, source: 'Imported file' }),
    ]);
    const hxl = await t.request(null, {
      method: 'GET',
      url: '/api/warning/series/export.csv?indicator=sea_arrivals_monthly&country=GR&hxl=true',
    });
    expect(hxl.headers['content-type']).toMatch(/^text\/csv/);
    const lines = hxl.body.trim().split('\n');
    expect(lines[1]).toBe('#indicator+code,#indicator+unit,#country+code,#date,#value,#meta+source,#meta+batch,#meta+method');
    expect(lines).toContainEqual(expect.stringMatching(/^sea_arrivals_monthly,persons,GR,2020-06,295,.*,One value per row\.$/));
  });

  it('rejects a file with bad rows as a whole, with a report, and leaves no trace', async () => {
    const before = await Promise.all([count('warning_observation'), count('warning_import_batch'), count('warning_alert')]);
    const response = await upload(
      HXL([
        'sea_arrivals_monthly,GR,2021-01,5',
        'sea_arrivals_monthly,XX,2021-01,5',
        'sea_arrivals_monthly,IT,2021-02,many',
        'no_such,IT,2021,1',
        `sea_arrivals,IT,${new Date().getUTCFullYear() + 1},1`,
      ]),
    );
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ applied: false, rejectedCount: 4, inserted: 0 });
    expect(report.rejected).toEqual([
      { row: 4, reason: '“XX” is not a known country (ISO 3166-1 code or English name).' },
      { row: 5, reason: '“many” is not a number.' },
      { row: 6, reason: 'There is no indicator with the code “no_such”.' },
      {
        row: 7,
        reason: `“${new Date().getUTCFullYear() + 1}” is in the future: a value is recorded once its period has begun.`,
      },
    ]);
    expect(await Promise.all([count('warning_observation'), count('warning_import_batch'), count('warning_alert')])).toEqual(
      before,
    );
  });

  it('runs a dry run to the end and rolls it back', async () => {
    const before = await count('warning_observation');
    const response = await upload(HXL(['sea_arrivals_monthly,GR,2020-08,5000']), '?dryRun=true');
    expect(response.json()).toMatchObject({ applied: false, dryRun: true, inserted: 1, alertsFired: 3, batchId: null });
    expect(await count('warning_observation')).toBe(before);
  });

  it('reads an XLSX workbook with HXL hashtags', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('data');
    sheet.addRows([
      ['Indicator', 'Country', 'Year', 'Value'],
      ['#indicator+code', '#country+code', '#date', '#value'],
      ['sea_arrivals', 'MT', 2016, 0],
      ['sea_arrivals', 'CYP', 2016, 377],
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await t.request(await t.as('analyst'), {
      method: 'POST',
      url: '/api/warning/imports?dryRun=true',
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      payload: bytes,
    });
    expect(response.json()).toMatchObject({ dryRun: true, format: 'hxl', values: 2, inserted: 2, rejectedCount: 0 });
  });

  it('reproduces published figures from the shipped UNHCR data', async () => {
    const { importShipped } = await import('./seed.js');
    const population = await importShipped(t.database.db, 'unhcr_population.csv.gz');
    expect(population).toMatchObject({ applied: true, format: 'unhcr_population', rowCount: 138893, rejectedCount: 0 });
    await importShipped(t.database.db, 'unhcr_sea_arrivals_by_country_year_2014_2022.csv.gz');

    const refugees = await t.request(null, {
      method: 'GET',
      url: '/api/warning/comparison?indicator=refugees_hosted&period=2015-01-01',
    });
    expect(refugees.json().rows[0]).toMatchObject({ country: 'TR', name: 'Türkiye', value: 2541348 });
    const sea = await t.request(null, {
      method: 'GET',
      url: '/api/warning/series?indicator=sea_arrivals&country=GR,IT&from=2015-01-01&to=2015-01-01',
    });
    expect(sea.json().map((o: { country: string; value: number }) => [o.country, o.value])).toEqual([
      ['GR', 856723],
      ['IT', 153842],
    ]);

    // Asylum applications by type, persons and cases apart: UNHCR published 441,898 new
    // applications in Germany in 2015, and 34,732 repeat applications besides.
    const applications = await importShipped(t.database.db, 'unhcr_asylum_applications_by_asylum_country.csv.gz');
    expect(applications).toMatchObject({ applied: true, format: 'unhcr_applications', rejectedCount: 0 });
    expect(applications.method).toMatch(/new_asylum_applications ← app_type N \(/);
    expect(applications.method).toMatch(/appeal_asylum_applications ← app_type A\+J/);
    const value = async (indicator: string, country: string) =>
      (
        await t.request(null, {
          method: 'GET',
          url: `/api/warning/series?indicator=${indicator}&country=${country}&from=2015-01-01&to=2015-01-01`,
        })
      ).json()[0];
    const germany = await value('new_asylum_applications', 'DE');
    expect(germany.value).toBe(441898);
    expect(germany.method).toContain('keeping application types apart');
    expect((await value('repeat_asylum_applications', 'DE')).value).toBe(34732);
    // France's appeals are not new applications; the United States counts cases, kept apart.
    expect((await value('new_asylum_applications', 'FR')).value).toBe(74178);
    expect((await value('appeal_asylum_applications', 'FR')).value).toBe(38649);
    expect((await value('new_asylum_applications', 'US')).value).toBe(45394);
    expect((await value('new_asylum_applications_cases', 'US')).value).toBe(90582);
    const indicators = (await t.request(null, { method: 'GET', url: '/api/warning/indicators' })).json();
    expect(indicators.find((i: { code: string }) => i.code === 'new_asylum_applications_cases').unit).toBe('cases');

    // World and regional totals, and origins, from the same imported table: UNHCR's Global Trends
    // 2015 gives 16.1 million refugees under its mandate; 4.9 million from Syria, 2.7 million from
    // Afghanistan, 1.1 million from Somalia.
    const totals = (await t.request(null, { method: 'GET', url: '/api/warning/totals?year=2015&lang=fr' })).json();
    expect(totals.world.refugees).toBe(16110276);
    expect(totals.world.asylumSeekers).toBe(3223460);
    expect(totals.origins.slice(0, 3)).toMatchObject([
      { country: 'SY', name: 'Syrie', refugees: 4873236 },
      { country: 'AF', name: 'Afghanistan', refugees: 2666294 },
      { country: 'SO', name: 'Somalie', refugees: 1123144 },
    ]);
    const regions = totals.regions.reduce((acc: number, r: { refugees: number }) => acc + r.refugees, 0);
    expect(regions).toBe(totals.world.refugees);
    const europe = totals.regions.find((r: { region: string }) => r.region === 'europe');
    expect(europe.refugees).toBeGreaterThan(2541348); // Türkiye is in UNHCR's Europe region
    expect(totals.osce.refugees).toBeGreaterThan(0);
    expect(totals.trend.find((y: { year: number }) => y.year === 2015).refugees).toBe(16110276);
    expect(totals.sources[0].method).toContain('refugees_by_origin');
    // The totals are kept between requests, but never once the figures change: a correction of
    // Germany's 2015 figure shows in the next answer.
    await sql`update warning_observation set value = value + 1000
               where country_iso2 = 'DE' and period = '2015-01-01'
                 and indicator_id = (select id from warning_indicator where code = 'refugees_hosted')`.execute(t.database.db);
    const corrected = (await t.request(null, { method: 'GET', url: '/api/warning/totals?year=2015&lang=fr' })).json();
    expect(corrected.world.refugees).toBe(16110276 + 1000);
    expect(corrected.trend.find((y: { year: number }) => y.year === 2015).refugees).toBe(16110276 + 1000);
    await sql`update warning_observation set value = value - 1000
               where country_iso2 = 'DE' and period = '2015-01-01'
                 and indicator_id = (select id from warning_indicator where code = 'refugees_hosted')`.execute(t.database.db);
    const bad = await t.request(null, { method: 'GET', url: '/api/warning/totals?year=twenty' });
    expect(bad.statusCode).toBe(400);
  });

  it('lets an analyst acknowledge an alert, scoped to their countries, and scores the country', async () => {
    const greekAlerts = await t.request(await t.as('analyst'), {
      method: 'GET',
      url: '/api/warning/alerts?country=GR&status=open',
    });
    const alert = greekAlerts.json().items[0];
    expect(alert.actions).toEqual(['acknowledge', 'dismiss']);

    const austrian = await t.user({ role: 'analyst', scopeType: 'country', countryIso2: 'AT' });
    const refused = await t.request(austrian, {
      method: 'POST',
      url: `/api/warning/alerts/${alert.id}/decision`,
      payload: { decision: 'dismissed', note: '' },
    });
    expect(refused.statusCode).toBe(403);
    const outside = await t.request(austrian, {
      method: 'POST',
      url: '/api/warning/imports',
      headers: { 'content-type': 'text/csv' },
      payload: HXL(['sea_arrivals_monthly,GR,2022-01,1']),
    });
    expect(outside.json().rejected).toEqual([{ row: 3, reason: 'You may import data for your countries only, not for GR.' }]);

    const risk = await t.request(await t.as('delegation'), { method: 'GET', url: '/api/warning/risk/GR' });
    expect(risk.statusCode).toBe(200);
    const point = risk.json().history.find((p: { year: number }) => p.year === 2020);
    // Open GR alerts in 2020: threshold, change and z-score for June, the same three for July (orange = 2 points each).
    expect(point).toMatchObject({ alerts: 50, mission: null, incidents: null, score: 50, level: 'orange' });

    const done = await t.request(await t.as('analyst'), {
      method: 'POST',
      url: `/api/warning/alerts/${alert.id}/decision`,
      payload: { decision: 'acknowledged', note: 'Reception capacity checked.' },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'acknowledged', note: 'Reception capacity checked.', actions: [] });
    const twice = await t.request(await t.as('analyst'), {
      method: 'POST',
      url: `/api/warning/alerts/${alert.id}/decision`,
      payload: { decision: 'dismissed', note: '' },
    });
    expect(twice.statusCode).toBe(409);
  });

  it('pages and filters the inbox, counts alerts per country, and acknowledges several at once, each audited', async () => {
    const analyst = await t.as('analyst');
    const get = async (query: string) => {
      const response = await t.request(analyst, { method: 'GET', url: `/api/warning/alerts?${query}` });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as {
        items: Array<{ id: string; country: string; level: string; rule: { id: string }; status: string }>;
        total: number;
        byCountry: Array<{ country: string; count: number }>;
      };
    };
    const all = await get('status=open&limit=500');
    expect(all.total).toBeGreaterThan(3);
    expect(all.items).toHaveLength(all.total);
    expect(all.byCountry.reduce((sum, c) => sum + c.count, 0)).toBe(all.total);

    const first = await get('status=open&limit=2');
    const second = await get('status=open&limit=2&offset=2');
    expect(first.items.map((a) => a.id)).toEqual(all.items.slice(0, 2).map((a) => a.id));
    expect(second.items.map((a) => a.id)).toEqual(all.items.slice(2, 4).map((a) => a.id));
    expect(first.total).toBe(all.total);

    const greek = await get('status=open&country=GR&limit=500');
    expect(greek.total).toBe(all.byCountry.find((c) => c.country === 'GR')?.count);
    expect(greek.items.every((a) => a.country === 'GR')).toBe(true);
    const ruleId = all.items[0]?.rule.id as string;
    const byRule = await get(`status=open&rule=${ruleId}&limit=500`);
    expect(byRule.total).toBe(all.items.filter((a) => a.rule.id === ruleId).length);
    const level = all.items[0]?.level as string;
    const byLevel = await get(`status=open&level=${level}&limit=500`);
    expect(byLevel.total).toBe(all.items.filter((a) => a.level === level).length);

    const ids = greek.items.slice(0, 2).map((a) => a.id);
    const austrian = await t.user({ role: 'analyst', scopeType: 'country', countryIso2: 'AT' });
    const refused = await t.request(austrian, {
      method: 'POST',
      url: '/api/warning/alerts/decisions',
      payload: { ids, decision: 'acknowledged', note: '' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('GR');

    const done = await t.request(analyst, {
      method: 'POST',
      url: '/api/warning/alerts/decisions',
      payload: { ids, decision: 'acknowledged', note: 'Checked with the field office.' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ decided: 2, skipped: 0 });
    const again = await t.request(analyst, {
      method: 'POST',
      url: '/api/warning/alerts/decisions',
      payload: { ids, decision: 'dismissed', note: '' },
    });
    expect(again.json()).toEqual({ decided: 0, skipped: 2 });
    expect((await get('status=open&country=GR&limit=500')).total).toBe(greek.total - 2);
    const entries = await t.database.db
      .selectFrom('audit_log')
      .select(['record_id', 'verb'])
      .where('record_id', 'in', ids)
      .execute();
    expect(entries.map((e) => e.verb).sort()).toEqual(['warning.alert.decide', 'warning.alert.decide']);
  });

  it('scores what other domains feed: the latest mission alert level and verified hate incidents', async () => {
    await t.database.db.transaction().execute(async (trx) => {
      await recordFeed(trx, {
        indicatorCode: 'mission_alert_level',
        source: 'Crossroads mission reports',
        actorId: null,
        values: [
          { country: 'MD', period: '2023-03-01', value: 1 },
          { country: 'MD', period: '2023-09-01', value: 2 },
        ],
      });
      await replacePublishedSeries(trx, {
        indicatorCode: 'hate_incidents_verified',
        source: 'Crossroads verified hate incidents (published figures)',
        values: [{ country: 'MD', period: '2023-01-01', value: 5 }],
      });
    });
    const risk = await t.request(await t.as('delegation'), { method: 'GET', url: '/api/warning/risk/MD' });
    const point = risk.json().history.find((p: { year: number }) => p.year === 2023);
    // The September level (orange, 2: 20 points) wins over March's; five incidents as published, two points each.
    expect(point).toMatchObject({ mission: 20, incidents: 10, score: 30 });
    const revisionsBefore = await count('warning_observation_revision');
    const again = await recordFeed(t.database.db, {
      indicatorCode: 'mission_alert_level',
      source: 'Crossroads mission reports',
      actorId: null,
      values: [{ country: 'MD', period: '2023-09-01', value: 3 }],
    });
    expect(again).toEqual({ inserted: 0, updated: 1 });
    // A new publication replaces the published figures without keeping the old ones as revisions.
    await replacePublishedSeries(t.database.db, {
      indicatorCode: 'hate_incidents_verified',
      source: 'Crossroads verified hate incidents (published figures)',
      values: [{ country: 'MD', period: '2023-01-01', value: 10 }],
    });
    const history = await t.request(null, {
      method: 'GET',
      url: '/api/warning/series/history?indicator=hate_incidents_verified&country=MD&period=2023-01-01',
    });
    expect(history.json()).toMatchObject({ current: { value: 10 }, revisions: [] });
    expect(await count('warning_observation_revision')).toBe(revisionsBefore + 1);
  });

  it('answers 401, 403 and 400 with problem documents', async () => {
    const analyst = await t.as('analyst');
    const expert = await t.as('expert');
    const scoped = await t.user({ role: 'analyst', scopeType: 'country', countryIso2: 'AT' });
    const cases: Array<[typeof analyst | null, string, string, unknown, number, Record<string, string>?]> = [
      [null, 'POST', '/api/warning/imports', 'x', 401, { 'content-type': 'text/csv' }],
      [expert, 'POST', '/api/warning/imports', 'x', 403, { 'content-type': 'text/csv' }],
      [analyst, 'POST', '/api/warning/imports', 'a,b\n', 400, { 'content-type': 'text/csv' }],
      [analyst, 'POST', '/api/warning/imports', 'country,year\nGR,2015\n', 400, { 'content-type': 'text/csv' }],
      [null, 'GET', '/api/warning/alerts', undefined, 401],
      [null, 'GET', '/api/warning/risk', undefined, 401],
      [analyst, 'GET', '/api/warning/risk/gr', undefined, 400],
      [analyst, 'GET', '/api/warning/series?limit=0', undefined, 400],
      [
        expert,
        'POST',
        '/api/warning/rules',
        { indicator: 'sea_arrivals', kind: 'threshold', threshold: 1, level: 'red', name: 'x' },
        403,
      ],
      [
        analyst,
        'POST',
        '/api/warning/rules',
        { indicator: 'sea_arrivals', kind: 'zscore', threshold: 1, level: 'red', name: 'No window' },
        400,
      ],
      [
        analyst,
        'POST',
        '/api/warning/rules',
        { indicator: 'sea_arrivals', kind: 'sometimes', threshold: 1, level: 'red', name: 'x' },
        400,
      ],
      [analyst, 'PATCH', '/api/warning/rules/00000000-0000-4000-8000-000000000000', { threshold: 'high' }, 400],
      [analyst, 'POST', '/api/warning/alerts/00000000-0000-4000-8000-000000000000/decision', { decision: 'maybe' }, 400],
      [analyst, 'POST', '/api/warning/alerts/00000000-0000-4000-8000-000000000000/decision', { decision: 'dismissed' }, 404],
      [analyst, 'GET', '/api/warning/alerts?limit=501', undefined, 400],
      [analyst, 'GET', '/api/warning/alerts?level=purple', undefined, 400],
      [analyst, 'GET', '/api/warning/alerts?rule=not-a-uuid', undefined, 400],
      [
        null,
        'POST',
        '/api/warning/alerts/decisions',
        { ids: ['00000000-0000-4000-8000-000000000000'], decision: 'acknowledged' },
        401,
      ],
      [
        expert,
        'POST',
        '/api/warning/alerts/decisions',
        { ids: ['00000000-0000-4000-8000-000000000000'], decision: 'acknowledged' },
        403,
      ],
      [analyst, 'POST', '/api/warning/alerts/decisions', { ids: [], decision: 'acknowledged' }, 400],
      [
        analyst,
        'POST',
        '/api/warning/alerts/decisions',
        { ids: ['00000000-0000-4000-8000-000000000000'], decision: 'acknowledged' },
        404,
      ],
      [
        analyst,
        'POST',
        '/api/warning/rules',
        { indicator: 'sea_arrivals', kind: 'threshold', threshold: 1, level: 'red', name: 'x', minimumBase: -1 },
        400,
      ],
      [
        analyst,
        'POST',
        '/api/warning/indicators',
        { code: 'Bad Code', names: { en: 'x' }, unit: 'u', source: 's', frequency: 'year', direction: 'higher_is_worse' },
        400,
      ],
      [
        scoped,
        'POST',
        '/api/warning/indicators',
        { code: 'scoped_one', names: { en: 'x' }, unit: 'u', source: 's', frequency: 'year', direction: 'higher_is_worse' },
        403,
      ],
      [analyst, 'PATCH', '/api/warning/indicators/no_such', { unit: 'u' }, 404],
      [null, 'GET', '/api/warning/series/history?indicator=sea_arrivals&country=GR', undefined, 400],
    ];
    for (const [persona, method, url, payload, status, headers] of cases) {
      const response = await t.request(persona, { method: method as 'GET', url, payload: payload as string, headers });
      expect(`${method} ${url} ${response.statusCode}`).toBe(`${method} ${url} ${status}`);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});
