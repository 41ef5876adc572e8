import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { SMALL_KEY } from '../../test-support/solidarity/access-table.js';

describe.each(testBackends())('distribution keys on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  let delegation: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
    delegation = await t.as('delegation');
  });
  afterAll(() => t?.close());

  const compute = (payload: unknown) =>
    t.request(null, { method: 'POST', url: '/api/solidarity/compute', payload: payload as object });

  it('computes a posted key for anyone, allocations summing to the total', async () => {
    const response = await compute({ ...SMALL_KEY, total: 101 });
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result.states.map((s: { iso2: string; allocation: number }) => [s.iso2, s.allocation])).toEqual([
      ['AT', 45],
      ['BE', 56],
    ]);
    expect(result.states[0].contributions.map((c: { criterion: string }) => c.criterion)).toEqual(['population', 'gdp']);
  });

  it('answers bad input with a clear problem naming the field', async () => {
    const weights = await compute({ ...SMALL_KEY, criteria: [{ ...SMALL_KEY.criteria[0], weight: 0.7 }, SMALL_KEY.criteria[1]] });
    expect(weights.statusCode).toBe(400);
    expect(weights.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(weights.json().detail).toBe('The weights sum to 1.2; they must sum to 1.');
    const empty = await compute({ ...SMALL_KEY, states: [] });
    expect(empty.json()).toMatchObject({ status: 400, detail: 'The group of States is empty: add at least one State.' });
    const negative = await compute({ ...SMALL_KEY, states: [{ iso2: 'AT', values: { population: -1, gdp: 3 } }] });
    expect(negative.json().errors).toMatchObject([
      { pointer: '/states/0/values/population', message: 'AT has a negative value for Population.' },
    ]);
    const missing = await compute({ ...SMALL_KEY, states: [{ iso2: 'AT', values: { population: 1 } }] });
    expect(missing.json().errors[0]).toMatchObject({ pointer: '/states/0/values/gdp', message: 'AT has no value for GDP.' });
    // The page says it in the reader's language from the catalogue key and the values it names.
    expect(missing.json().errors[0].messageParams).toEqual(expect.objectContaining({ iso2: 'AT' }));
    const cap = await compute({ ...SMALL_KEY, criteria: [SMALL_KEY.criteria[0], { ...SMALL_KEY.criteria[1], cap: 11 }] });
    expect(cap.json().errors[0].pointer).toBe('/criteria/1/cap');
    const typed = await compute({ ...SMALL_KEY, total: 'many' });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().errors[0].pointer).toBe('/total');
  });

  it('lists the 2015 presets and shows the September key with its caps and notes', async () => {
    const list = (await t.request(null, { method: 'GET', url: '/api/solidarity/keys' })).json();
    expect(list.slice(0, 5).map((k: { id: string }) => k.id)).toEqual([
      'eu-2015-05',
      'eu-2015-09',
      'eu-2015-09-grech',
      'eu-2015-160k',
      'eu-resettlement-2015',
    ]);
    const september = (await t.request(null, { method: 'GET', url: '/api/solidarity/keys/eu-2015-09' })).json();
    // The 22 receiving States and the three beneficiaries, shown as such with nothing allocated.
    expect(september).toMatchObject({ source: 'preset', total: 120_000, stateCount: 25, actions: [] });
    expect(september.definition.beneficiaries).toEqual(['IT', 'GR', 'HU']);
    expect(september.result.states.find((s: { iso2: string }) => s.iso2 === 'GR')).toMatchObject({
      beneficiary: true,
      allocation: 0,
    });
    expect(september.notes.join(' ')).toContain('Croatia');
    expect(september.notes[0]).toMatch(/largest deviation is Poland's/);
    expect(september.sources.join(' ')).toContain('COM(2015) 451');
    expect(september.result.states.reduce((acc: number, s: { allocation: number }) => acc + s.allocation, 0)).toBe(120_000);
    const germany = september.result.states.find((s: { iso2: string }) => s.iso2 === 'DE');
    expect(germany.share).toBeGreaterThan(0.2);
    const missing = await t.request(null, { method: 'GET', url: '/api/solidarity/keys/eu-1999' });
    expect(missing.statusCode).toBe(404);
    const offered = (await t.request(coordinator, { method: 'GET', url: '/api/solidarity/keys/eu-2015-09' })).json();
    expect(offered.actions).toEqual(['save_as']);
  });

  it('lets the co-ordinator save a changed preset and add versions, keeping the earlier ones', async () => {
    const preset = (await t.request(null, { method: 'GET', url: '/api/solidarity/keys/eu-2015-05' })).json();
    const definition = preset.definition;
    definition.criteria[0].weight = 0.5;
    definition.criteria[1].weight = 0.3;
    const anonymous = await t.request(null, { method: 'POST', url: '/api/solidarity/keys', payload: { name: 'X', definition } });
    expect(anonymous.statusCode).toBe(401);
    const refused = await t.request(delegation, {
      method: 'POST',
      url: '/api/solidarity/keys',
      payload: { name: 'X', definition },
    });
    expect(refused.statusCode).toBe(403);
    const invalid = await t.request(coordinator, {
      method: 'POST',
      url: '/api/solidarity/keys',
      payload: { name: '', definition },
    });
    expect(invalid.statusCode).toBe(400);

    const created = await t.request(coordinator, {
      method: 'POST',
      url: '/api/solidarity/keys',
      payload: { name: 'More population', basedOn: 'eu-2015-05', note: 'Population 50 %', definition },
    });
    expect(created.statusCode).toBe(201);
    const key = created.json();
    expect(key).toMatchObject({ source: 'saved', version: 1, basedOn: 'eu-2015-05', actions: ['new_version', 'save_as'] });
    const de = (view: { result: { states: Array<{ iso2: string; share: number }> } }) =>
      view.result.states.find((s) => s.iso2 === 'DE')!.share;
    expect(de(key)).not.toBeCloseTo(de(preset), 4);

    definition.total = 1000;
    const second = await t.request(coordinator, {
      method: 'POST',
      url: `/api/solidarity/keys/${key.id}/versions`,
      payload: { note: 'Smaller total', definition },
    });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ version: 2, total: 1000 });
    expect(second.json().versions.map((v: { version: number; note: string }) => [v.version, v.note])).toEqual([
      [2, 'Smaller total'],
      [1, 'Population 50 %'],
    ]);
    const first = (await t.request(null, { method: 'GET', url: `/api/solidarity/keys/${key.id}?version=1` })).json();
    expect(first.total).toBe(40_000);
    const unknown = await t.request(coordinator, {
      method: 'POST',
      url: '/api/solidarity/keys/00000000-0000-4000-8000-000000000000/versions',
      payload: { definition },
    });
    expect(unknown.statusCode).toBe(404);
    const audited = await t.database.db.selectFrom('audit_log').select('verb').where('record_id', '=', key.id).execute();
    expect(audited.map((a) => a.verb)).toEqual(['solidarity.key.edit', 'solidarity.key.edit']);
  });

  it('exports a key as CSV and XLSX with shares, allocations and contributions', async () => {
    const csv = await t.request(null, { method: 'GET', url: '/api/solidarity/keys/eu-2015-05/export.csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [table = '', notes = ''] = csv.body.trim().split('\n\n');
    const lines = table.split('\n');
    expect(lines[0]).toBe(
      'iso2,beneficiary,population,gdp,unemployment_rate,asylum_per_million,share,allocation,contribution_population,contribution_gdp,contribution_unemployment_rate,contribution_asylum_per_million,contribution_residual',
    );
    expect(lines).toHaveLength(26);
    expect(lines.find((line) => line.startsWith('IT,'))).toMatch(/^IT,yes,.*,0,/);
    // The notes and sources travel with the figures.
    expect(notes).toContain('Beneficiaries of the scheme, who receive nothing: GR, IT.');
    expect(notes).toContain('largest deviation');
    expect(notes).toContain('Source: Inputs: Eurostat');
    const xlsx = await t.request(null, { method: 'GET', url: '/api/solidarity/keys/eu-2015-05/export.xlsx' });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('shows burden indicators of first-asylum countries, Lebanon and Turkey among the highest', async () => {
    const response = await t.request(null, { method: 'GET', url: '/api/solidarity/burden?year=2015&scope=all' });
    expect(response.statusCode).toBe(200);
    const view = response.json();
    expect(view.years).toEqual([2015, 2016, 2017]);
    const turkey = view.rows.find((r: { iso3: string }) => r.iso3 === 'TUR');
    expect(turkey.refugees).toBe(2_541_348);
    expect(turkey.refugeesPer1000).toBeCloseTo((2_541_348 / 78_271_472) * 1000, 6);
    expect(view.rows[0].iso3).toBe('LBN');
    const greece = view.rows.find((r: { iso3: string }) => r.iso3 === 'GRC');
    expect(greece.seaArrivals).toBe(856_723);
    expect(greece.arrivalsPerBillionUsd).toBeCloseTo(856_723 / 195.542, 0);
    const osce = (await t.request(null, { method: 'GET', url: '/api/solidarity/burden?year=2015' })).json();
    expect(osce.rows.some((r: { iso3: string }) => r.iso3 === 'LBN')).toBe(false);
    const noData = await t.request(null, { method: 'GET', url: '/api/solidarity/burden?year=1990' });
    expect(noData.statusCode).toBe(400);
    expect(noData.json().detail).toBe('There are population figures for 2015, 2016, 2017 only.');
  });
});
