import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase, testBackends } from '../../test-support/database.js';
import { cellOf } from '../../test-support/fuzz/cells.js';
import { type Lookups, parseObservations, UNHCR_SOURCE } from './formats.js';
import { importObservations } from './imports.js';
import { countRecords, NotStaged, stagedCandidates, stagedFile, stagePopulation } from './staged.js';

const HEADER = 'year,coo_name,coo,coo_iso,coa_name,coa,coa_iso,refugees,asylum_seekers,returned_refugees,idps';
const csv = (rows: string[], eol = '\n') => Buffer.from([HEADER, ...rows].join(eol) + eol);

/** A regular table: sums over origins, unknown and stateless rows, empty cells, UNHCR's exponents, quoted names. */
const REGULAR = csv([
  '2015,"Syria","SYR","SYR","Türkiye","TUR","TUR",1000,20,0,0',
  '2015,"Iraq","IRQ","IRQ","Türkiye","TUR","TUR",5e+05,,0,0',
  '2015,"Syria","SYR","SYR","Germany","GFR","deu",300,40,0,0',
  '2015,"Unknown","UKN","UNK","Germany","GFR","DEU",7,8,0,0',
  '2015,"Stateless","STA","","Germany","GFR","DEU",9,1,0,0',
  '2016,"Syria","SYR","SYR","Unknown","UKN","UNK",11,12,0,0',
  '2016,"Various ""mixed""","VAR","VAR","Unknown","UKN","XXA",13,14,0,0',
  '2016,"Syria","SYR","SYR","Türkiye","TUR","TUR",,,0,0',
  '2016,"Syria, Arab Rep.","SYR","SYR","Greece","GRE","GRC",2.5e1,0,0,0',
]);

/** A value's key, and values in the order of their keys: the two paths list them in their own orders. */
const key = (c: { indicator: string; country: string; period: string }) => `${c.indicator}|${c.country}|${c.period}`;
const sorted = <T extends { indicator: string; country: string; period: string }>(list: T[]) =>
  [...list].sort((a, b) => key(a).localeCompare(key(b)));

describe('counting the records of a CSV file', () => {
  it('counts records, quoted line ends included, and refuses irregular quoting or mixed line ends', () => {
    expect(countRecords(Buffer.from('a,b\n1,2\n'))).toBe(2);
    expect(countRecords(Buffer.from('a,b\r\n1,2'))).toBe(2);
    expect(countRecords(Buffer.from('\uFEFF"a","b"\n"x\ny","say ""hi"""\n'))).toBe(2);
    expect(countRecords(Buffer.from('a,b\n1,x"y\n'))).toBeUndefined();
    expect(countRecords(Buffer.from('a,b\n"1"2,3\n'))).toBeUndefined();
    expect(countRecords(Buffer.from('a,b\n"1,2\n'))).toBeUndefined();
    expect(countRecords(Buffer.from('a,b\r\n1,2\n3,4\n'))).toBeUndefined();
    expect(countRecords(Buffer.from('a,b\r1,2\r'))).toBeUndefined();
  });
});

describe.each(testBackends())('the staging path of the UNHCR population table on %s', (backend) => {
  let database: TestDatabase;
  let byText: Map<string, string>;
  let lookups: Lookups;
  beforeAll(async () => {
    database = await freshDatabase(backend);
    const countries = await database.db.selectFrom('country').select(['iso2', 'iso3', 'name_en']).execute();
    byText = new Map();
    for (const c of countries) {
      byText.set(c.iso2.toUpperCase(), c.iso2);
      byText.set(c.iso3.toUpperCase(), c.iso2);
      byText.set(c.name_en.toUpperCase(), c.iso2);
    }
    lookups = { country: (text) => byText.get(text.trim().toUpperCase()), frequency: () => 'year' };
  });
  afterAll(() => database?.close());

  const stage = async (bytes: Buffer) => {
    const file = await stagedFile(bytes, {});
    if (!file) throw new Error('the staging path did not take the file');
    return database.db.transaction().execute(async (trx) => {
      const parsed = await stagePopulation(trx, file, byText, UNHCR_SOURCE);
      return { ...parsed, candidates: await stagedCandidates(trx) };
    });
  };
  const observations = () =>
    database.db
      .selectFrom('warning_observation as o')
      .innerJoin('warning_indicator as i', 'i.id', 'o.indicator_id')
      .select(['i.code', 'o.country_iso2', 'o.period', 'o.value'])
      .orderBy('i.code')
      .orderBy('o.country_iso2')
      .orderBy('o.period')
      .execute();

  it('finds the same values, method and skipped rows as reading the file cell by cell', async () => {
    const staged = await stage(REGULAR);
    const expected = parseObservations(parse(REGULAR) as string[][], lookups);
    expect(staged.rejected).toEqual([]);
    expect(sorted(staged.candidates)).toEqual(sorted(expected.candidates));
    expect(staged.method).toBe(expected.method);
    expect(staged.method).toContain('VAR 1');
    expect(staged.skipped).toEqual(expected.skipped);
    expect(staged.rowCount).toBe(expected.rowCount);
    expect(staged.values).toBe(expected.candidates.length);
    // Türkiye's refugees of 2015: 1,000 from Syria and 500,000 (written 5e+05) from Iraq.
    expect(staged.candidates.find((c) => key(c) === 'refugees_hosted|TR|2015-01-01')?.value).toBe(501000);
  });

  it('finds what reading the file cell by cell finds, whenever it takes a file; else leaves it to that reading', async () => {
    // Tables drawn from plain cells and odd ones: codes in either case or unknown, bad years, numbers
    // in UNHCR's forms or not numbers. The staging path sums before it knows a row is plain, so a
    // table it takes must hold no row the general path would refuse or read otherwise.
    const cell = (plain: string[], odd: string[]) => cellOf(plain, odd, 12);
    const row = fc
      .tuple(
        cell(['2015', '2016', '1990'], ['15', '1899', '2O15', '']),
        cell(['SYR', 'IRQ', 'syr', 'UKN', 'STA', 'VAR', ''], ['12', ' SYR', 'SYRIA', 'ÇYR']),
        cell(['TUR', 'DEU', 'deu', 'GRC', 'UNK', 'XXA'], ['XYZ', '', 'TUR ', 'tür']),
        cell(['0', '12', '', '5e+05', '2.5e1', '1000000'], ['many', '-3', '1.5', '1e12', '1x5', '1,5', '2.x']),
        cell(['0', '7', '', '4E+2'], ['x', '0x10', '7 7']),
      )
      .map(
        ([year, coo, coa, refugees, seekers]) =>
          `${year},"n","${coo}","${coo}","n","${coa}","${coa}","${refugees}","${seekers}",0,0`,
      );
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 12 }), async (rows) => {
        const bytes = csv(rows);
        const expected = parseObservations(parse(bytes) as string[][], lookups);
        let staged: Awaited<ReturnType<typeof stage>>;
        try {
          staged = await stage(bytes);
        } catch (error) {
          if (!(error instanceof NotStaged)) throw error;
          return;
        }
        taken++;
        expect(expected.rejected).toEqual([]);
        expect(sorted(staged.candidates)).toEqual(sorted(expected.candidates));
        expect(staged.method).toBe(expected.method);
        expect(staged.skipped).toEqual(expected.skipped);
        expect(staged.rowCount).toBe(expected.rowCount);
      }),
      { numRuns: 60, seed: 20261205 },
    );
    // Most tables drawn are plain: the comparison above ran.
    expect(taken).toBeGreaterThan(10);
  });

  it('stores what it found, and nothing when the same file comes again', async () => {
    const first = await importObservations(database.db, { actor: null, system: true }, REGULAR, {}, async () => {});
    expect(first).toMatchObject({ applied: true, format: 'unhcr_population', rowCount: 9, rejectedCount: 0, skippedCount: 2 });
    const stored = await observations();
    expect(stored).toContainEqual({ code: 'refugees_hosted', country_iso2: 'TR', period: '2015-01-01', value: 501000 });
    expect(stored).toContainEqual({ code: 'asylum_seekers_by_origin', country_iso2: 'SY', period: '2015-01-01', value: 60 });
    expect(stored).toHaveLength(first.inserted);
    const again = await importObservations(database.db, { actor: null, system: true }, REGULAR, {}, async () => {});
    expect(again).toMatchObject({ applied: true, inserted: 0, updated: 0, unchanged: first.inserted, batchId: null });
  });

  it('stores the same values, history, batches and reports as the general path', async () => {
    // A second table that changes some sums (Türkiye's and Germany's, Syria's by origin), adds
    // Austria's and Afghanistan's and leaves Iraq's: revisions are kept.
    const CHANGED = csv([
      '2015,"Syria","SYR","SYR","Türkiye","TUR","TUR",1500,20,0,0',
      '2015,"Iraq","IRQ","IRQ","Türkiye","TUR","TUR",5e+05,,0,0',
      '2015,"Syria","SYR","SYR","Germany","GFR","deu",300,40,0,0',
      '2019,"Afghanistan","AFG","AFG","Austria","AUS","AUT",44,5,0,0',
    ]);
    const empty = async () => {
      await database.db.deleteFrom('warning_observation_revision').execute();
      await database.db.deleteFrom('warning_observation').execute();
      await database.db.deleteFrom('warning_import_batch').execute();
    };
    const stored = async () => ({
      values: await observations(),
      history: await database.db
        .selectFrom('warning_observation_revision as r')
        .innerJoin('warning_indicator as i', 'i.id', 'r.indicator_id')
        .select(['i.code', 'r.country_iso2', 'r.period', 'r.value'])
        .orderBy(['i.code', 'r.country_iso2', 'r.period'])
        .execute(),
      batches: await database.db
        .selectFrom('warning_import_batch')
        .select(['format', 'row_count', 'inserted', 'updated', 'unchanged', 'skipped', 'method'])
        .orderBy('id')
        .execute(),
    });
    const forget = ({ batchId, ...report }: Awaited<ReturnType<typeof importObservations>>) => ({
      ...report,
      batch: batchId !== null,
    });
    // An import inside the caller's transaction is read row by row (the general path).
    const run = async (staged: boolean) => {
      await empty();
      const reports = [];
      for (const file of [REGULAR, CHANGED, CHANGED]) {
        const once = (db: typeof database.db) => importObservations(db, { actor: null, system: true }, file, {}, async () => {});
        reports.push(forget(staged ? await once(database.db) : await database.db.transaction().execute(once)));
      }
      return { reports, ...(await stored()) };
    };
    const general = await run(false);
    const staged = await run(true);
    expect(staged).toEqual(general);
    expect(staged.history).toContainEqual({ code: 'refugees_hosted', country_iso2: 'TR', period: '2015-01-01', value: 501000 });
    expect(staged.reports[1]).toMatchObject({ applied: true, updated: 4, inserted: 4 });
    expect(staged.reports[2]).toMatchObject({ applied: true, inserted: 0, updated: 0, batch: false });
  });

  it('reports a bad row with its number and reason, and stores nothing', async () => {
    const bad = csv([
      '2017,"Syria","SYR","SYR","Türkiye","TUR","TUR",1000,20,0,0',
      '2017,"Syria","SYR","SYR","Nowhere","XYZ","XYZ",10,0,0,0',
      '2017,"Syria","SYR","SYR","Greece","GRE","GRC",many,0,0,0',
    ]);
    await expect(stage(bad)).rejects.toBeInstanceOf(NotStaged);
    const before = await observations();
    const report = await importObservations(database.db, { actor: null, system: true }, bad, {}, async () => {});
    // Each bad cell once for each figure it goes into: by country of asylum, and by origin.
    expect(report).toMatchObject({ applied: false, rejectedCount: 4, inserted: 0, batchId: null });
    expect(report.rejected).toEqual([
      { row: 3, reason: '“XYZ” is not a known country (ISO 3166-1 code or English name).' },
      { row: 3, reason: '“XYZ” is not a known country (ISO 3166-1 code or English name).' },
      { row: 4, reason: '“many” is not a number.' },
      { row: 4, reason: '“many” is not a number.' },
    ]);
    expect(await observations()).toEqual(before);
  });

  it('leaves a file COPY cannot read whole to the general path, which imports it', async () => {
    // A row short of columns: COPY refuses it, the sheet reader takes it.
    const ragged = Buffer.from(`${HEADER}\n2018,"Syria","SYR","SYR","Greece","GRE","GRC",70,3\n`);
    await expect(stage(ragged)).rejects.toBeInstanceOf(NotStaged);
    const report = await importObservations(database.db, { actor: null, system: true }, ragged, {}, async () => {});
    expect(report).toMatchObject({ applied: true, rowCount: 1, inserted: 4 });
    expect(await observations()).toContainEqual({
      code: 'refugees_hosted',
      country_iso2: 'GR',
      period: '2018-01-01',
      value: 70,
    });
  });

  it('refuses a file with a NUL character by its place, and stores nothing', async () => {
    const nul = csv([
      '2019,"Syria","SYR","SYR","Greece","GRE","GRC",70,3,0,0',
      '2019,"Syr\u0000ia","SYR","SYR","Greece","GRE","GRC",70,3,0,0',
    ]);
    await expect(stage(nul)).rejects.toBeInstanceOf(NotStaged);
    const before = await observations();
    await expect(importObservations(database.db, { actor: null, system: true }, nul, {}, async () => {})).rejects.toMatchObject({
      code: 'validation',
      detail: expect.stringMatching(/^Row 3, column B holds a NUL character/),
    });
    expect(await observations()).toEqual(before);
  });
});
