// Imports as a user runs them, against COPY of the same rows into a bare table of the same database
// in the same run (the ratio is the figure: it holds on a busy machine where seconds do not), on
// PGlite and (when BENCH_DATABASE_URL or TEST_DATABASE_URL names a server) on PostgreSQL:
// - the full UNHCR population table shipped in src/server/warning/data (138,893 rows; its first
//   BENCH_IMPORTS_POPULATION_ROWS rows when set, 30,000 with --quick), through the importer
//   `crossroads import indicators` and the upload route call, and through its general path (the
//   sheet reader and checks in JavaScript) for comparison;
// - a 3W XLSX of BENCH_IMPORTS_3W_ROWS rows (default 50,000), through the importer
//   `crossroads import 3w` and the upload route call.
// Each import starts from the same state (what the previous one stored is deleted and vacuumed, untimed) and
// its rows stored are counted; after an untimed warm-up, each figure is repeated BENCH_REPEATS
// times (at least 5), median, spread and load average printed. BENCH_IMPORTS_BACKENDS=pglite or
// postgres runs one backend only.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import {
  activitySheetRows,
  activityWorkbook,
  benchBackends,
  dist,
  figureSeries,
  openFresh,
  QUICK,
  ROOT,
  repeat,
  sized,
} from './lib.mjs';

const ROWS_3W = sized('BENCH_IMPORTS_3W_ROWS', 50_000, 2_000);
const POPULATION_ROWS = sized('BENCH_IMPORTS_POPULATION_ROWS', 0, 30_000);

/** The shipped population table, or its header and first `rows` records (the file has no line breaks inside fields). */
function populationTable(rows) {
  const whole = zlib.gunzipSync(fs.readFileSync(path.join(ROOT, 'src/server/warning/data/unhcr_population.csv.gz')));
  if (!rows) return whole;
  const lines = whole.toString('utf8').split('\n');
  return Buffer.from(`${lines.slice(0, rows + 1).join('\n')}\n`);
}
const TIMES = QUICK ? 5 : undefined;

const POPULATION_TABLE = `create table bench_copy_population (year int, coo_name text, coo text, coo_iso text, coa_name text,
  coa text, coa_iso text, refugees numeric, asylum_seekers numeric, returned_refugees numeric, idps numeric,
  returned_idps numeric, stateless numeric, ooc numeric, oip numeric, hst numeric)`;
const MATRIX_TABLE = `create table bench_copy_matrix (organisation text, title text, key_areas text, countries text,
  place text, start_date date, end_date date, status text, target_groups text)`;

const ORGANISATIONS = ['FO-SERBIA', 'FO-SKOPJE', 'ODIHR', 'CTHB', 'UNHCR', 'IOM', 'ICRC', 'FO-TAJIKISTAN'];
const COUNTRIES = ['RS', 'MK', 'BA', 'ME', 'AL', 'XK', 'HR', 'SI', 'HU', 'GR', 'BG', 'RO', 'TR', 'IT', 'AT', 'DE'];
const KEY_AREAS = ['solidarity', 'protection', 'trafficking', 'border_management', 'relocation_integration'];

/** The 3W rows: a label row, a HXL row, then ROWS_3W activities. */
const matrixRows = () =>
  activitySheetRows(ROWS_3W, {
    organisations: ORGANISATIONS,
    keyAreas: KEY_AREAS,
    countries: COUNTRIES,
    title: (i) => `Bench activity ${i}`,
    place: (i) => `Place ${i % 40}`,
  });

const csvOf = (rows) => `${rows.map((r) => r.map((c) => `"${String(c).replaceAll('"', '""')}"`).join(',')).join('\n')}\n`;

/** Milliseconds of one COPY of `bytes` into `table` on the application's own connection, the table emptied after. */
async function timeCopy(db, copyFrom, sql, table, bytes, header) {
  const started = performance.now();
  await copyFrom(db, `copy ${table} from stdin with (format csv, header ${header})`, bytes);
  const ms = performance.now() - started;
  const { rows } = await sql.raw(`select count(*)::int as n from ${table}`).execute(db);
  await sql.raw(`truncate ${table}`).execute(db);
  return { ms, rows: rows[0].n };
}

function print(name, backend, imports, copies, rows) {
  const extra = { backend, rows };
  figureSeries(`imports.${name}.import_ms`, imports, 'ms', extra);
  figureSeries(`imports.${name}.copy_ms`, copies, 'ms', extra);
  figureSeries(
    `imports.${name}.import_vs_copy.ratio`,
    imports.map((ms, i) => ms / copies[i]),
    'ratio',
    extra,
  );
  figureSeries(
    `imports.${name}.rows_per_s`,
    imports.map((ms) => rows / (ms / 1000)),
    'rows/s',
    extra,
  );
}

async function suite(backend) {
  const { sql } = await import('kysely');
  const { copyFrom } = await import(dist('db/copy.js'));
  const { importObservations } = await import(dist('warning/imports/imports.js'));
  const { importMatrix } = await import(dist('directory/matrix/service.js'));
  const { seedPartnerOrganisations } = await import(dist('directory/partners.js'));
  const { audit } = await import(dist('audit/record.js'));
  const { database, drop } = await openFresh(backend, { name: 'imports', reference: true });
  const db = database.db;
  try {
    await sql.raw(POPULATION_TABLE).execute(db);
    await sql.raw(MATRIX_TABLE).execute(db);
    // The operator at the command line, audited as such.
    const ctx = { db, actor: null, requestId: 'bench', address: 'command line', config: {} };

    // The UNHCR population table, gzipped as shipped and as a user uploads it.
    const csv = populationTable(POPULATION_ROWS);
    const gz = zlib.gzipSync(csv);
    const warningImports = [];
    const generalImports = [];
    const warningCopies = [];
    let stored = 0;
    let populationRows = 0;
    // What the previous import stored is deleted, and its dead rows vacuumed, so that every import
    // meets the same tables (outside the transaction of the general path's import: VACUUM cannot run in one).
    const emptyWarning = async () => {
      await sql`delete from warning_observation_revision`.execute(db);
      await sql`delete from warning_observation`.execute(db);
      await sql`delete from warning_import_batch`.execute(db);
      await sql`vacuum warning_observation_revision, warning_observation, warning_import_batch`.execute(db);
    };
    const importPopulation = async (into, times) => {
      const started = performance.now();
      const report = await importObservations(
        into,
        { actor: null, system: true },
        gz,
        { fileName: 'unhcr_population.csv' },
        (trx, r) =>
          audit(trx, ctx, { verb: 'warning.import', recordType: 'warning_import_batch', recordId: r.batchId ?? undefined }),
      );
      times.push(performance.now() - started);
      if (!report.applied) throw new Error(`the population import was refused: ${JSON.stringify(report.rejected[0])}`);
      stored = Number((await sql`select count(*)::int as n from warning_observation`.execute(into)).rows[0].n);
      if (stored !== report.inserted) throw new Error(`stored ${stored} values, the report says ${report.inserted}`);
      populationRows = report.rowCount;
    };
    // A warm-up of each, untimed: the first run pays for plans, caches and the runtime's compiler.
    const warmUpPopulation = async () => {
      await emptyWarning();
      await importPopulation(db, []);
      await emptyWarning();
      await db.transaction().execute((trx) => importPopulation(trx, []));
      await timeCopy(db, copyFrom, sql, 'bench_copy_population', csv, true);
    };
    await repeat(
      async () => {
        await emptyWarning();
        await importPopulation(db, warningImports);
        await emptyWarning();
        // The general path (the sheet reader and the checks in JavaScript), as every import took
        // before the staging path: an import inside the caller's transaction still takes it.
        await db.transaction().execute((trx) => importPopulation(trx, generalImports));
        const copy = await timeCopy(db, copyFrom, sql, 'bench_copy_population', csv, true);
        if (copy.rows !== populationRows) throw new Error(`COPY loaded ${copy.rows} rows, the import read ${populationRows}`);
        warningCopies.push(copy.ms);
      },
      { times: TIMES, warmUp: warmUpPopulation },
    );
    print('unhcr_population', backend, warningImports, warningCopies, populationRows);
    print('unhcr_population_general_path', backend, generalImports, warningCopies, populationRows);
    process.stderr.write(`  ${backend}: population table, ${populationRows} rows read, ${stored} values stored each time\n`);

    // The 3W matrix: the same rows as an XLSX workbook for the import and as CSV for COPY.
    await seedPartnerOrganisations(db);
    const rows = matrixRows();
    const xlsx = await activityWorkbook(rows);
    const matrixCsv = Buffer.from(csvOf([rows[0], ...rows.slice(2)]));
    const matrixImports = [];
    const matrixCopies = [];
    // The warm-up imports the first thousand rows only: at full size it would take as long as a repeat.
    const warmUpRows = rows.slice(0, 1002);
    const warmUpMatrix = async () => {
      const report = await importMatrix(ctx, await activityWorkbook(warmUpRows), { fileName: '3w.xlsx' });
      if (report.outcome !== 'applied') throw new Error(`the 3W warm-up was refused: ${JSON.stringify(report.rejections[0])}`);
      await timeCopy(db, copyFrom, sql, 'bench_copy_matrix', Buffer.from(csvOf([rows[0], ...warmUpRows.slice(2)])), true);
    };
    await repeat(
      async () => {
        await sql`delete from directory_activity where title like 'Bench activity %'`.execute(db);
        await sql`vacuum directory_activity, directory_activity_place`.execute(db);
        const started = performance.now();
        const report = await importMatrix(ctx, xlsx, { fileName: '3w.xlsx' });
        matrixImports.push(performance.now() - started);
        if (report.outcome !== 'applied') throw new Error(`the 3W import was refused: ${JSON.stringify(report.rejections[0])}`);
        const { rows: counted } =
          await sql`select count(*)::int as n from directory_activity where title like 'Bench activity %'`.execute(db);
        if (counted[0].n !== ROWS_3W) throw new Error(`stored ${counted[0].n} activities of ${ROWS_3W}`);
        const copy = await timeCopy(db, copyFrom, sql, 'bench_copy_matrix', matrixCsv, true);
        if (copy.rows !== ROWS_3W) throw new Error(`COPY loaded ${copy.rows} rows of ${ROWS_3W}`);
        matrixCopies.push(copy.ms);
      },
      { times: TIMES, warmUp: warmUpMatrix },
    );
    print('matrix_3w_xlsx', backend, matrixImports, matrixCopies, ROWS_3W);
  } finally {
    await database.close();
    await drop();
  }
}

export async function run() {
  for (const backend of benchBackends('BENCH_IMPORTS_BACKENDS')) await suite(backend);
}
