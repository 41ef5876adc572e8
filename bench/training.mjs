// Training statistics over many participations: who was trained where (by State, agency type,
// gender, year and course, with the knowledge gain per course), as the statistics page asks for
// it, against a plain select of the same completed participations (the same joins and filter, the
// rows fetched as they are) in the same run. Each figure is the p95 of BENCH_TRAINING_CALLS calls,
// repeated REPEATS times: its median and spread are printed, with the ratio of the two p95s.
// Sizes: BENCH_TRAINING_PARTICIPATIONS (200,000; 10,000 with --quick). Runs on PGlite, and on
// PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server;
// BENCH_TRAINING_BACKENDS=postgres (or pglite) runs one only.
import { sql } from 'kysely';
import { benchBackends, dist, figureSeries, openFresh, REPEATS, sized } from './lib.mjs';

const PARTICIPATIONS = sized('BENCH_TRAINING_PARTICIPATIONS', 200_000, 10_000);
const CALLS = sized('BENCH_TRAINING_CALLS', 20, 10);
const PER_SESSION = 20;

/** Sessions from 2019 on across the six courses, each with 20 completed participations, most with both tests. */
async function generate(db) {
  const sessions = Math.ceil(PARTICIPATIONS / PER_SESSION);
  await sql`
    insert into training_session (course_id, starts_on, ends_on, online, venue, language_code, capacity)
    select c.ids[1 + i % array_length(c.ids, 1)], date '2019-01-07' + (i * 7 % 2900), date '2019-01-07' + (i * 7 % 2900) + 2,
      true, '', 'en', 500
    from generate_series(0, ${sessions - 1}) i,
      (select array_agg(id order by code) as ids from training_course) c`.execute(db);
  await sql`
    insert into training_nomination (session_id, country_iso2, name, function, agency_type, gender, languages, consent,
      status, completed_on)
    select s.id, k.codes[1 + abs(hashtext(s.id::text || g)) % array_length(k.codes, 1)], 'Participant ' || g, 'Officer',
      (array['police', 'prosecutors', 'judges', 'border_guards', 'civil_servants', 'civil_society', 'osce_staff'])[1 + g % 7],
      (array['female', 'male', 'female', 'male', 'other', 'undisclosed'])[1 + abs(hashtext(g || s.id::text)) % 6],
      '{en}', true, 'selected', s.ends_on
    from training_session s, generate_series(1, ${PER_SESSION}) g,
      (select array_agg(iso2 order by iso2) as codes from (select iso2 from country order by iso2 limit 57) c) k`.execute(db);
  for (const kind of ['pre', 'post']) {
    await sql`
      insert into training_attempt (nomination_id, kind, answers, score, max_score)
      select id, ${kind}, '[]', case when ${kind} = 'pre' then abs(hashtext(id::text)) % 3 else 1 + abs(hashtext(id::text)) % 3 end, 3
      from training_nomination where abs(hashtext(id::text)) % 10 < 7`.execute(db);
  }
  await sql`analyze`.execute(db);
}

const p95 = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
};

async function timed(calls, fn) {
  const times = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times;
}

export async function run() {
  const { trainingStatistics } = await import(dist('training/statistics/service.js'));
  const { loadConfig } = await import(dist('config.js'));
  for (const backend of benchBackends('BENCH_TRAINING_BACKENDS')) {
    const { database, drop } = await openFresh(backend, { name: 'training', reference: true });
    const db = database.db;
    try {
      process.stderr.write(`bench: training: ${PARTICIPATIONS} participations on ${backend}…\n`);
      const began = performance.now();
      await generate(db);
      process.stderr.write(`bench: training: generated in ${((performance.now() - began) / 1000).toFixed(0)} s\n`);
      const rows = Number(
        (await sql`select count(*) as n from training_nomination where completed_on is not null`.execute(db)).rows[0].n,
      );
      const ctx = {
        db,
        requestId: 'bench',
        address: 'bench',
        config: loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: 'memory://', WEB_DIR: 'none' }),
        actor: {
          userId: '00000000-0000-0000-0000-000000000000',
          email: 'bench@localhost',
          name: 'Bench',
          language: 'en',
          mustChangePassword: false,
          grants: [{ role: 'analyst', scopeType: 'global', organisationId: null, countryIso2: null }],
          sessionId: 'bench',
          csrfToken: 'bench',
        },
      };
      for (const [label, filter, where] of [
        ['all', {}, sql`true`],
        ['one_year', { year: 2024 }, sql`extract(year from s.starts_on) = 2024`],
      ]) {
        // The same completed participations the statistics add up, fetched as they are.
        const plain = () =>
          sql`select n.country_iso2, n.agency_type, n.gender, s.starts_on, c.code, c.title
            from training_nomination n
            join training_session s on s.id = n.session_id
            join training_course c on c.id = s.course_id
            where n.completed_on is not null and ${where}`.execute(db);
        const stats = () => trainingStatistics(ctx, filter);
        const trained = (await stats()).trained;
        await plain();
        const statsP95 = [];
        const plainP95 = [];
        const ratios = [];
        for (let r = 0; r < REPEATS; r++) {
          // Alternated, so that a busier moment of the machine weighs on both alike.
          const b = p95(await timed(CALLS, plain));
          const s = p95(await timed(CALLS, stats));
          plainP95.push(b);
          statsP95.push(s);
          ratios.push(s / b);
        }
        const extra = { backend, participations: rows, trained, filter: label, calls: CALLS };
        figureSeries(`training.statistics.${label}.p95`, statsP95, 'ms', extra);
        figureSeries(`training.plain_select.${label}.p95`, plainP95, 'ms', extra);
        figureSeries(`training.statistics.${label}.p95_ratio_to_plain_select`, ratios, 'ratio', extra);
      }
    } finally {
      await database.close();
      await drop();
    }
  }
}
