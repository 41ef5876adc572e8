import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { jsonCells, looksLikeJson } from './json-table.js';

/** An answer of UNHCR's population statistics API (`/population/v1/population/?coo_all=true&coa_all=true`), trimmed to three rows. */
const UNHCR_API_ANSWER = {
  page: 1,
  maxPages: 1,
  total: { year: null, refugees: 4102000 },
  items: [
    {
      year: 2022,
      coo_id: 1,
      coo_name: 'Syrian Arab Rep.',
      coo: 'SYR',
      coo_iso: 'SYR',
      coa_id: 2,
      coa_name: 'Türkiye',
      coa: 'TUR',
      coa_iso: 'TUR',
      refugees: 3535898,
      asylum_seekers: 0,
      idps: '-',
    },
    {
      year: 2022,
      coo_id: 1,
      coo_name: 'Syrian Arab Rep.',
      coo: 'SYR',
      coo_iso: 'SYR',
      coa_id: 3,
      coa_name: 'Germany',
      coa: 'GFR',
      coa_iso: 'DEU',
      refugees: 566102,
      asylum_seekers: 19046,
      idps: '-',
    },
    {
      year: 2022,
      coo_id: 4,
      coo_name: 'Afghanistan',
      coo: 'AFG',
      coo_iso: 'AFG',
      coa_id: 3,
      coa_name: 'Germany',
      coa: 'GFR',
      coa_iso: 'DEU',
      refugees: 205000,
      asylum_seekers: null,
      idps: '-',
    },
  ],
};

describe('a table in JSON', () => {
  it('reads UNHCR’s API answer as the population table: keys as columns, in order, empty for null', () => {
    const bytes = Buffer.from(`\uFEFF  ${JSON.stringify(UNHCR_API_ANSWER)}`);
    expect(looksLikeJson(bytes)).toBe(true);
    expect(looksLikeJson(Buffer.from('year,coa_iso\n2022,DEU'))).toBe(false);
    const cells = jsonCells(bytes);
    expect(cells[0]).toEqual([
      'year',
      'coo_id',
      'coo_name',
      'coo',
      'coo_iso',
      'coa_id',
      'coa_name',
      'coa',
      'coa_iso',
      'refugees',
      'asylum_seekers',
      'idps',
    ]);
    expect(cells[3]?.slice(8, 11)).toEqual(['DEU', '205000', '']);
  });

  it('refuses what is not one whole table, saying why', () => {
    const problem = (text: string) => {
      try {
        jsonCells(Buffer.from(text));
      } catch (error) {
        return (error as Error).message;
      }
      return 'read';
    };
    expect(problem('{"items": [')).toBe('The file is not valid JSON.');
    expect(problem('{"rows": []}')).toMatch(/^The JSON holds no table/);
    expect(problem('{"page": 1, "maxPages": 3, "items": [{"year": 2022}]}')).toBe(
      'The answer is one page of 3: raise its limit so that one page holds the whole table.',
    );
    expect(problem('[{"year": 2022, "coa_iso": {"code": "DEU"}}]')).toBe(
      'Row 1 of the JSON holds a nested value in “coa_iso”: a table has one value per column.',
    );
    expect(problem('[1, 2]')).toBe('Row 1 of the JSON is not an object of columns and values.');
    // Many tiny rows are refused before they are parsed.
    expect(() => jsonCells(Buffer.from(`[${'{},'.repeat(20)}{}]`), 10)).toThrow(
      'The JSON has more than 10 rows, the most an import accepts.',
    );
    expect(jsonCells(Buffer.from(`[${'{"a":1},'.repeat(9)}{"a":1}]`), 10)).toHaveLength(11);
  });
});

describe.each(testBackends())('importing UNHCR’s API answer on %s', (backend) => {
  let t: TestApp;
  let analyst: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    analyst = await t.as('analyst');
  });
  afterAll(() => t?.close());

  it('imports the refugees hosted and by origin, as from the CSV download', async () => {
    const imported = await t.request(analyst, {
      method: 'POST',
      url: '/api/warning/imports',
      // The browser sends any file that is not a workbook as text/csv; the content says it is JSON.
      headers: { 'content-type': 'text/csv' },
      payload: JSON.stringify(UNHCR_API_ANSWER),
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ applied: true, format: 'unhcr_population', rowCount: 3 });
    const value = async (indicator: string, country: string) => {
      const row = await t.database.db
        .selectFrom('warning_observation as o')
        .innerJoin('warning_indicator as i', 'i.id', 'o.indicator_id')
        .select('o.value')
        .where('i.code', '=', indicator)
        .where('o.country_iso2', '=', country)
        .where('o.period', '=', '2022-01-01' as never)
        .executeTakeFirst();
      return row === undefined ? undefined : Number(row.value);
    };
    expect(await value('refugees_hosted', 'DE')).toBe(771102);
    expect(await value('refugees_by_origin', 'SY')).toBe(4102000);

    const partial = await t.request(analyst, {
      method: 'POST',
      url: '/api/warning/imports',
      headers: { 'content-type': 'application/octet-stream' },
      payload: JSON.stringify({ ...UNHCR_API_ANSWER, maxPages: 2 }),
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().detail).toBe('The answer is one page of 2: raise its limit so that one page holds the whole table.');
  });
});
