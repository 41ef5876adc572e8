// Early-warning figures, on PGlite and (when BENCH_DATABASE_URL or TEST_DATABASE_URL names a
// server) on PostgreSQL, each in a fresh database of its own:
// - the import of the full UNHCR population table shipped in src/server/warning/data (138,893 rows,
//   summed to country of asylum and year), in rows per second, against loading the same file with
//   COPY into a bare table in the same run (the ratio is the figure to compare);
// - the evaluation of every rule (one of each kind on each of ten monthly indicators) over
//   BENCH_WARNING_OBSERVATIONS generated observations (default 1,000,000; set 10000000 for the large
//   size, which takes several minutes on PGlite);
// - the incremental evaluation after importing one more month for every country of one indicator.
// BENCH_WARNING_BACKENDS=pglite or postgres runs one backend only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { benchBackends, dist, figure, openFresh, ROOT, sized } from './lib.mjs';

// BENCH_DIST points at another build of the server (default: dist/).
const OBSERVATIONS = sized('BENCH_WARNING_OBSERVATIONS', 1_000_000, 20_000);
const INDICATORS = 10;

const BARE_TABLE = `create table bare_population (year int, coo_name text, coo text, coo_iso text, coa_name text, coa text,
  coa_iso text, refugees numeric, asylum_seekers numeric, returned_refugees numeric, idps numeric, returned_idps numeric,
  stateless numeric, ooc numeric, oip numeric, hst numeric)`;

async function copyRate(backend, url, csv, rows) {
  if (backend === 'pglite') {
    const db = await PGlite.create();
    await db.exec(BARE_TABLE);
    const started = performance.now();
    await db.query(`copy bare_population from '/dev/blob' with (format csv, header true)`, [], { blob: new Blob([csv]) });
    const seconds = (performance.now() - started) / 1000;
    await db.close();
    return rows / seconds;
  }
  // COPY from a file the server reads: the bench runs beside a local PostgreSQL.
  const file = path.join(os.tmpdir(), `crossroads-population-${process.pid}.csv`);
  fs.writeFileSync(file, csv, { mode: 0o644 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(BARE_TABLE);
    const started = performance.now();
    await client.query(`copy bare_population from '${file}' with (format csv, header true)`);
    return rows / ((performance.now() - started) / 1000);
  } finally {
    await client.end();
    fs.rmSync(file, { force: true });
  }
}

async function suite(backend) {
  const { sql } = await import('kysely');
  const { importObservations } = await import(dist('warning/imports/imports.js'));
  const { evaluateRules } = await import(dist('warning/rules/evaluate.js'));
  const { database, url, drop } = await openFresh(backend, { name: 'warning', reference: true });
  const db = database.db;
  try {
    const csv = fs.readFileSync(path.join(ROOT, 'src/server/warning/data/unhcr_population.csv.gz'));
    const bytes = (await import('node:zlib')).gunzipSync(csv);
    const noAudit = async () => {};
    let started = performance.now();
    const report = await importObservations(db, { actor: null, system: true }, bytes, {}, noAudit);
    const importRate = report.rowCount / ((performance.now() - started) / 1000);
    const copy = await copyRate(backend, url, bytes, report.rowCount);
    figure('warning.import_unhcr_population.rows_per_s', importRate, 'rows/s', {
      backend,
      rows: report.rowCount,
      values: report.values,
    });
    figure('warning.copy_unhcr_population.rows_per_s', copy, 'rows/s', { backend, rows: report.rowCount });
    figure('warning.import_vs_copy.ratio', importRate / copy, 'ratio', { backend });

    // Generated observations: ten monthly indicators × every country × as many months as needed.
    const countries = (await db.selectFrom('country').select('iso2').execute()).map((c) => c.iso2);
    const months = Math.ceil(OBSERVATIONS / INDICATORS / countries.length);
    // The series end in 2020 whatever their length, so that the next month is a valid period to import.
    const startYear = 2020 - Math.ceil(months / 12);
    process.stderr.write(`bench: generating ${INDICATORS * countries.length * months} observations on ${backend}\n`);
    const { id: batch } = await db
      .insertInto('warning_import_batch')
      .values({
        source: 'bench',
        format: 'feed',
        file_sha256: '-',
        row_count: 0,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        skipped: 0,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ids = [];
    for (let i = 0; i < INDICATORS; i++) {
      const { id } = await db
        .insertInto('warning_indicator')
        .values({
          code: `bench_${i}`,
          name_en: `Bench ${i}`,
          name_fr: '-',
          name_de: '-',
          name_it: '-',
          name_ru: '-',
          name_es: '-',
          unit: 'n',
          source: 'bench',
          frequency: 'month',
          direction: 'higher_is_worse',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(Number(id));
      await sql`insert into warning_observation (indicator_id, country_iso2, period, value, batch_id)
        select ${Number(id)}::int2, c.iso2, (${`${startYear}-01-01`}::date + make_interval(months => m))::date,
               1000 + 100 * sin(m / 6.0 + ascii(c.iso2)) + (hashint4(m * 7919 + ascii(c.iso2) * 31 + ${i}) % 100)::float8 / 3, ${batch}::bigint
        from country c, generate_series(0, ${months - 1}) m`.execute(db);
      const rules = [
        ['threshold', 1100, null],
        ['change_previous', 12, null],
        ['change_year', 15, null],
        ['zscore', 3, 12],
      ];
      for (const [kind, threshold, window] of rules) {
        await db
          .insertInto('warning_rule')
          .values({
            indicator_id: Number(id),
            country_iso2: null,
            kind,
            threshold,
            window_periods: window,
            level: 'yellow',
            name: `${kind} ${i}`,
            created_by: null,
          })
          .execute();
      }
    }
    await sql`analyze warning_observation`.execute(db);
    const total = INDICATORS * countries.length * months;
    started = performance.now();
    const fired = await evaluateRules(db, { indicatorIds: ids });
    const seconds = (performance.now() - started) / 1000;
    figure('warning.evaluate_all_rules.s', seconds, 's', { backend, observations: total, rules: ids.length * 4, alerts: fired });
    figure('warning.evaluate_all_rules.observations_per_s', (total * 4) / seconds, 'observation-rules/s', {
      backend,
      observations: total,
    });

    // One more month for every country of one indicator, imported as HXL and evaluated incrementally.
    const next = new Date(Date.UTC(startYear, months, 1)).toISOString().slice(0, 7);
    const file = `indicator,country,date,value\n#indicator+code,#country+code,#date,#value\n${countries.map((c) => `bench_0,${c},${next},5000`).join('\n')}\n`;
    started = performance.now();
    const incremental = await importObservations(db, { actor: null, system: true }, Buffer.from(file), {}, noAudit);
    if (!incremental.applied)
      throw new Error(`the one-period import was refused: ${JSON.stringify(incremental.rejected.slice(0, 3))}`);
    figure('warning.incremental_import_and_evaluation.ms', performance.now() - started, 'ms', {
      backend,
      observations: total,
      values: incremental.values,
      alerts: incremental.alertsFired,
    });
  } finally {
    await database.close();
    await drop();
  }
}

export async function run() {
  // BENCH_WARNING_BACKENDS=postgres runs one backend only (e.g. the 10,000,000 size on a server).
  for (const backend of benchBackends('BENCH_WARNING_BACKENDS')) await suite(backend);
}
