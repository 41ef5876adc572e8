// Directory figures: "whom do I call?" and full-text search latency (p50/p95) over a directory of
// 100,000 contacts and 50,000 activities, and the time to import a 50,000-row 3W XLSX, on PGlite
// and on PostgreSQL. Sizes: BENCH_DIRECTORY_CONTACTS, BENCH_DIRECTORY_ACTIVITIES,
// BENCH_DIRECTORY_IMPORT_ROWS and BENCH_DIRECTORY_REQUESTS (requests per measured route);
// BENCH_DIRECTORY_BACKENDS=postgres (or pglite) runs one backend only: generating the full sizes
// inside PGlite takes far longer than on a PostgreSQL server. BENCH_DIRECTORY_SHAPE=broad generates
// the stress shape instead of the realistic one (see SHAPES). On PostgreSQL, a raw query of the text
// index is measured in the same run as the floor each p95 is compared with.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  activitySheetRows,
  activityWorkbook,
  benchBackends,
  CLI,
  figure,
  figureSeries,
  REPEATS,
  ROOT,
  sized,
  startServer,
} from './lib.mjs';

const CONTACTS = sized('BENCH_DIRECTORY_CONTACTS', 100_000, 2_000);
const ACTIVITIES = sized('BENCH_DIRECTORY_ACTIVITIES', 50_000, 1_000);
const IMPORT_ROWS = sized('BENCH_DIRECTORY_IMPORT_ROWS', 50_000, 1_000);
const REQUESTS = sized('BENCH_DIRECTORY_REQUESTS', 200, 40);
const BACKENDS = benchBackends('BENCH_DIRECTORY_BACKENDS');
const ADMIN = { CROSSROADS_ADMIN_EMAIL: 'bench@example.org', CROSSROADS_ADMIN_PASSWORD: 'Benchmark passphrase 2026' };
const dist = (file) => path.join(ROOT, 'dist', 'server', file);

const COUNTRIES = [
  'RS',
  'MK',
  'GR',
  'BA',
  'AL',
  'ME',
  'XK',
  'HR',
  'HU',
  'SI',
  'AT',
  'DE',
  'IT',
  'ES',
  'MT',
  'TR',
  'UA',
  'MD',
  'PL',
  'KZ',
  'KG',
  'TJ',
  'UZ',
  'TM',
  'AM',
  'GE',
  'AZ',
  'BG',
  'RO',
  'FR',
];
const KEY_AREAS = ['solidarity', 'protection', 'trafficking', 'border_management', 'relocation_integration'];
const COMPETENCES = [
  'anti_trafficking',
  'victim_identification',
  'border_security',
  'document_security',
  'human_rights_borders',
  'hate_crime',
  'integration',
  'labour_migration',
  'inter_ethnic_relations',
  'early_warning',
  'child_protection',
  'migration_governance',
];
const TOPICS = [
  'trafficking',
  'border management',
  'integration',
  'hate crime',
  'asylum seekers',
  'торговля людьми',
  'réfugiés',
  'Menschenhandel',
  'document security',
  'labour migration',
];
const SEARCHES = [
  'border police training',
  'trafficking Serbia',
  'refugees',
  'Preševo',
  'integration courses',
  'торговля людьми',
  'réfugiés',
  'Menschenhandel',
  'hate crime',
  'document security',
];
const TITLES = [
  'Border police training on human rights',
  'Identification of victims of trafficking',
  'Legal counselling for asylum seekers',
  'Language and integration courses',
  'Hate crime reporting and victim support',
  'Document security workshop',
  'Support to municipalities hosting refugees',
  'Joint investigations against people smuggling',
  'Labour-market integration dialogue',
  'Reception conditions monitoring',
];
const PLACES = [
  'Preševo',
  'Šid',
  'Gevgelija',
  'Lesvos',
  'Bihać',
  'Lampedusa',
  'Melilla',
  'Izmir',
  'Chernivtsi',
  'Osh',
  'Termez',
  'Spielfeld',
  'Röszke',
  'Dobova',
  'Edirne',
];
const FIRST = [
  'Ana',
  'Milan',
  'Jelena',
  'Marko',
  'Elena',
  'Sofia',
  'Luca',
  'Maria',
  'Thomas',
  'Ivan',
  'Aida',
  'Emir',
  'Leyla',
  'Arman',
  'Nino',
  'Claire',
  'Javier',
  'Olena',
  'Besa',
  'Zeynep',
];
const LAST = [
  'Petrović',
  'Jovanović',
  'Hodžić',
  'Rossi',
  'Müller',
  'Dubois',
  'García',
  'Nowak',
  'Shevchenko',
  'Hoxha',
  'Dimitrova',
  'Papadopoulou',
  'Yılmaz',
  'Nurlanova',
  'Beridze',
  'Hakobyan',
  'Horváth',
  'Popescu',
];

const lit = (list) => `array[${list.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]::text[]`;
const pick = (list, expr) => `(${lit(list)})[1 + ((${expr}) % ${list.length})]`;
const some = (list, g, n) =>
  `array(select x from unnest(${lit(list)}) with ordinality as u(x, i) where (i + ${g}) % ${Math.max(2, Math.ceil(list.length / n))} = 0 or i = 1 + ${g} % ${list.length})`;

/** A pseudo-random non-negative number for row `g`, one stream per `salt`: independent attributes. */
const h = (salt) => `abs(hashint4(g * 64 + ${salt}))`;
/** `count` consecutive items of `list` (wrapping), starting at a pseudo-random one: neighbours along a route. */
const window = (list, salt, count) =>
  `array(select (${lit(list)})[1 + ((${h(salt)} + i) % ${list.length})] from generate_series(0, (${count}) - 1) i)`;

/**
 * What each generated contact and activity holds. "realistic" (the default): a contact covers one
 * to three neighbouring countries (one in twenty, a regional post, covers eight), works on one or
 * two key areas and one to three competences, and speaks English and one or two other languages;
 * an activity runs in one to three countries (one in twenty in six) on one or two key areas, and
 * its contact person works for its organisation. Each attribute is drawn independently. "broad":
 * the earlier stress shape, in which every contact covers about half of the 30 countries and holds
 * about half of the key areas, and attributes follow the row number together.
 */
const SHAPES = {
  realistic: {
    contactCountries: window(COUNTRIES, 1, `case when ${h(2)} % 20 = 0 then 8 else 1 + ${h(3)} % 3 end`),
    contactKeyAreas: window(KEY_AREAS, 4, `1 + ${h(5)} % 2`),
    competences: window(COMPETENCES, 6, `1 + ${h(7)} % 3`),
    languages: `array['en'] || ${window(['fr', 'de', 'ru', 'sr', 'tr', 'ar', 'uk', 'kk'], 8, `1 + ${h(9)} % 2`)}`,
    name: `${pick(FIRST, h(10))} || ' ' || ${pick(LAST, h(11))} || ' ' || g`,
    title: pick(TITLES, h(12)),
    contactVisibility: pick(['public', 'public', 'signed_in', 'osce_staff', 'coordinator'], h(13)),
    confirmedDaysAgo: `${h(14)} % 300`,
    contactOrganisation: `1 + ${h(15)} % o.total`,
    activityCountries: window(COUNTRIES, 21, `case when ${h(22)} % 20 = 0 then 6 else 1 + ${h(23)} % 3 end`),
    activityKeyAreas: window(KEY_AREAS, 24, `1 + ${h(25)} % 2`),
    activityContact: `1 + ${h(26)} % ${CONTACTS}`,
    status: pick(['planned', 'ongoing', 'ongoing', 'completed'], h(27)),
    activityVisibility: pick(['public', 'public', 'public', 'signed_in', 'osce_staff'], h(28)),
    activityTitle: pick(TITLES, h(29)),
    place: pick(PLACES, h(30)),
    startDay: `${h(31)} % 1000`,
    activityOrganisation: 'contact',
  },
  broad: {
    contactCountries: some(COUNTRIES, 'g', 2),
    contactKeyAreas: some(KEY_AREAS, 'g', 2),
    competences: some(COMPETENCES, 'g', 3),
    languages: some(['en', 'fr', 'de', 'ru', 'sr', 'tr', 'ar', 'uk', 'kk'], 'g', 3),
    name: `${pick(FIRST, 'g * 7')} || ' ' || ${pick(LAST, 'g * 13')} || ' ' || g`,
    title: pick(TITLES, 'g'),
    contactVisibility: pick(['public', 'public', 'signed_in', 'osce_staff', 'coordinator'], 'g * 3'),
    confirmedDaysAgo: 'g % 300',
    contactOrganisation: '1 + (x.g * 31) % o.total',
    activityCountries: some(COUNTRIES, 'g', 3),
    activityKeyAreas: some(KEY_AREAS, 'g', 2),
    activityContact: `(g * 17) % ${CONTACTS} + 1`,
    status: pick(['planned', 'ongoing', 'ongoing', 'completed'], 'g'),
    activityVisibility: pick(['public', 'public', 'public', 'signed_in', 'osce_staff'], 'g * 5'),
    activityTitle: pick(TITLES, 'g'),
    place: pick(PLACES, 'g * 7'),
    startDay: 'g % 1000',
    activityOrganisation: '1 + (x.g * 17) % o.total',
  },
};
const SHAPE = process.env.BENCH_DIRECTORY_SHAPE ?? 'realistic';

/** Fills the directory in batches with generated rows, as SQL, so that sizes of 100,000 stay quick. */
async function fill(db, sql) {
  const s = SHAPES[SHAPE];
  if (!s) throw new Error(`BENCH_DIRECTORY_SHAPE must be one of ${Object.keys(SHAPES).join(', ')}`);
  const orgs = `(select id, acronym, name_en, row_number() over (order by code nulls last, id) as n, count(*) over () as total from organisation)`;
  const batch = 5000;
  for (let from = 1; from <= CONTACTS; from += batch) {
    const to = Math.min(CONTACTS, from + batch - 1);
    await sql
      .raw(`
      insert into directory_contact (organisation_id, name, title, emails, phones, languages, key_areas, competences, countries, visibility, confirmed_at, search_text)
      select o.id, ${s.name},
        ${s.title} || ' adviser', array['person' || g || '@bench.example.org'], array['+43 1 514 36 ' || (1000 + g % 9000)],
        ${s.languages}, x.ka, ${s.competences}, x.countries,
        ${s.contactVisibility}, now() - ((${s.confirmedDaysAgo}) || ' days')::interval,
        coalesce(o.acronym, '') || ' ' || o.name_en || ' ' ||
          coalesce((select string_agg(k.name_en, ' ') from key_area k where k.code = any(x.ka)), '') || ' ' ||
          coalesce((select string_agg(c.name_en, ' ') from country c where c.iso2 = any(x.countries)), '')
      from (select g, ${s.contactKeyAreas} as ka, ${s.contactCountries} as countries from generate_series(${from}, ${to}) g) x
      join ${orgs} o on o.n = ${s.contactOrganisation}`)
      .execute(db);
    process.stderr.write(`  contacts ${to}/${CONTACTS}\r`);
  }
  await sql.raw('create table bench_contact_index (n int primary key, id uuid not null)').execute(db);
  await sql.raw('insert into bench_contact_index select row_number() over (order by id), id from directory_contact').execute(db);
  // The activity's organisation: its contact person's ("contact"), or one drawn on its own.
  const organisation =
    s.activityOrganisation === 'contact'
      ? 'join directory_contact cp on cp.id = x.contact_id join organisation o on o.id = cp.organisation_id'
      : `join ${orgs} o on o.n = ${s.activityOrganisation}`;
  for (let from = 1; from <= ACTIVITIES; from += batch) {
    const to = Math.min(ACTIVITIES, from + batch - 1);
    await sql
      .raw(`
      insert into directory_activity (organisation_id, title, description, key_areas, dimension, countries, place, start_date, end_date, status, target_groups, contact_id, visibility, search_text)
      select o.id, ${s.activityTitle} || ' in ' || ${s.place} || ' #' || g, 'Work with national partners along the route.',
        x.ka, ${pick(['politico_military', 'economic_environmental', 'human'], 'g')}, x.countries, ${s.place},
        date '2024-01-01' + (${s.startDay}), date '2024-01-01' + (${s.startDay}) + 200, ${s.status},
        ${some(['refugees', 'asylum_seekers', 'migrants', 'victims_of_trafficking', 'officials'], 'g', 2)},
        x.contact_id, ${s.activityVisibility},
        coalesce(o.acronym, '') || ' ' || o.name_en || ' ' ||
          coalesce((select string_agg(k.name_en, ' ') from key_area k where k.code = any(x.ka)), '') || ' ' ||
          coalesce((select string_agg(c.name_en, ' ') from country c where c.iso2 = any(x.countries)), '')
      from (select g, ${s.activityKeyAreas} as ka, ${s.activityCountries} as countries,
              (select b.id from bench_contact_index b where b.n = ${s.activityContact}) as contact_id
            from generate_series(${from}, ${to}) g) x
      ${organisation}`)
      .execute(db);
    process.stderr.write(`  activities ${to}/${ACTIVITIES}\r`);
  }
  await sql.raw('drop table bench_contact_index').execute(db);
  // As autovacuum leaves a settled server: statistics, and the visibility map for index-only scans.
  await sql.raw('vacuum analyze').execute(db);
  process.stderr.write('\n');
}

export async function prepare(env) {
  // The list of domains registers every domain's verbs, which the services' access checks read.
  await import(dist('domains.js'));
  const { openDatabase } = await import(dist('db/connection.js'));
  const { migrate } = await import(dist('db/migrate.js'));
  const { seedReferenceData } = await import(dist('reference/seed.js'));
  const { seedPartnerOrganisations } = await import(dist('directory/partners.js'));
  const { sql } = await import('kysely');
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.DATA_DIR ?? 'unused' });
  try {
    await migrate(database.db);
    await seedReferenceData(database.db);
    await seedPartnerOrganisations(database.db);
    const started = performance.now();
    await fill(database.db, sql);
    return (performance.now() - started) / 1000;
  } finally {
    await database.close();
  }
}

export async function signIn(port) {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.CROSSROADS_ADMIN_EMAIL, password: ADMIN.CROSSROADS_ADMIN_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

/** One request after another: the latency a person waits for, without queueing behind others. */
async function latencies(port, urls, headers) {
  const times = [];
  for (let i = 0; i < REQUESTS; i++) {
    const url = urls[i % urls.length];
    const t0 = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}${url}`, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
    times.push(performance.now() - t0);
  }
  return percentiles(times);
}

function whomUrls() {
  return TOPICS.flatMap((topic, i) =>
    COUNTRIES.slice(0, 12).map(
      (country, j) =>
        `/api/directory/whom-to-call?country=${country}&topic=${encodeURIComponent(topic)}${(i + j) % 3 === 0 ? '&language=ru' : ''}`,
    ),
  );
}

function searchUrls() {
  return SEARCHES.flatMap((q, i) => [
    `/api/directory/search?q=${encodeURIComponent(q)}`,
    `/api/directory/search?q=${encodeURIComponent(q)}&country=${COUNTRIES[i]}`,
    `/api/directory/search?q=${encodeURIComponent(q)}&kind=activity&status=ongoing&offset=25`,
  ]);
}

/** The p50 and p95 of a list of request times. */
function percentiles(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { p50: at(0.5), p95: at(0.95) };
}

/**
 * The floor search stands on: one raw query of the contacts' text index for each search's words,
 * sent straight to the database (no HTTP, no visibility, no ranking), one after another.
 */
function rawGin(client) {
  return async () => {
    const times = [];
    for (let i = 0; i < REQUESTS; i++) {
      const words = SEARCHES[i % SEARCHES.length].toLowerCase().split(' ');
      const t0 = performance.now();
      await client.query('select id, name from directory_contact where search_doc @@ directory_query($1::text[]) limit 25', [
        words,
      ]);
      times.push(performance.now() - t0);
    }
    return percentiles(times);
  };
}

/**
 * Latencies as a visitor and as the co-ordinator, each measured REPEATS times after a warm-up and
 * printed as the median with its spread and the load average. Each is also given as a ratio to
 * GET /api/health on the same server and, on PostgreSQL, to a raw query of the text index, both
 * measured right before it in the same repeat, so that a load that changes during the run weighs on
 * both sides of each ratio alike.
 */
export async function measure(backend, port, databaseUrl) {
  const cookie = await signIn(port);
  const health = () => latencies(port, ['/api/health'], {});
  await health(); // warm-up
  const client = databaseUrl ? new pg.Client({ connectionString: databaseUrl, options: '-c jit=off' }) : null;
  await client?.connect();
  try {
    const gin = client ? rawGin(client) : null;
    await gin?.(); // warm-up
    for (const [who, headers] of [
      ['public', {}],
      ['coordinator', { cookie }],
    ]) {
      for (const [name, urls] of [
        ['whom_to_call', whomUrls()],
        ['search', searchUrls()],
      ]) {
        await latencies(port, urls.slice(0, 10), headers); // warm-up
        const runs = [];
        for (let i = 0; i < REPEATS; i++) {
          const floor = await health();
          const raw = gin ? await gin() : null;
          const r = await latencies(port, urls, headers);
          runs.push({ ...r, health: floor.p95, raw: raw?.p95 });
        }
        const extra = { backend, caller: who, shape: SHAPE, contacts: CONTACTS, activities: ACTIVITIES, requests: REQUESTS };
        figureSeries(
          `directory.${name}.p50`,
          runs.map((r) => r.p50),
          'ms',
          extra,
        );
        figureSeries(
          `directory.${name}.p95`,
          runs.map((r) => r.p95),
          'ms',
          extra,
        );
        figureSeries(
          `directory.${name}.health.p95`,
          runs.map((r) => r.health),
          'ms',
          extra,
        );
        figureSeries(
          `directory.${name}_vs_health.p95_ratio`,
          runs.map((r) => r.p95 / r.health),
          'ratio',
          extra,
        );
        if (gin) {
          figureSeries(
            `directory.${name}.raw_gin.p95`,
            runs.map((r) => r.raw),
            'ms',
            extra,
          );
          figureSeries(
            `directory.${name}_vs_raw_gin.p95_ratio`,
            runs.map((r) => r.p95 / r.raw),
            'ratio',
            extra,
          );
        }
      }
    }
  } finally {
    await client?.end();
  }
}

/** The 3W workbook the import figure reads: IMPORT_ROWS activities of ten organisations. */
async function writeImportFile(file) {
  const organisations = [
    'FO-SERBIA',
    'FO-SKOPJE',
    'ODIHR',
    'CTHB',
    'TNTD-BSMU',
    'UNHCR',
    'IOM',
    'ICRC',
    'FO-BOSNIA-HERZEGOVINA',
    'FO-TAJIKISTAN',
  ];
  const rows = activitySheetRows(IMPORT_ROWS, {
    organisations,
    keyAreas: KEY_AREAS,
    countries: COUNTRIES,
    title: (i) => `Imported ${TITLES[i % TITLES.length]} ${i}`,
    place: (i) => PLACES[i % PLACES.length],
  });
  await activityWorkbook(rows, file);
}

function cli(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', () => {});
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`crossroads ${args.join(' ')} exited ${code}: ${out}`)),
    );
  });
}

async function suite(backend, env, importFile) {
  process.stderr.write(`  ${backend}: generating ${CONTACTS} contacts and ${ACTIVITIES} activities\n`);
  const seconds = await prepare(env);
  figure('directory.generate', seconds, 's', { backend, shape: SHAPE, contacts: CONTACTS, activities: ACTIVITIES });
  const server = await startServer({ ...env, ...ADMIN });
  try {
    await measure(backend, server.port, env.DATABASE_URL || undefined);
  } finally {
    await server.stop();
  }
  const t0 = performance.now();
  const out = await cli(['import', '3w', importFile], env);
  const elapsed = (performance.now() - t0) / 1000;
  if (!/Imported\./.test(out)) throw new Error(`import failed: ${out}`);
  figure('directory.import_xlsx.seconds', elapsed, 's', { backend, rows: IMPORT_ROWS });
  figure('directory.import_xlsx.rows_per_second', IMPORT_ROWS / elapsed, 'rows/s', { backend, rows: IMPORT_ROWS });
}

export async function run() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-bench-directory-'));
  const importFile = path.join(scratch, '3w.xlsx');
  try {
    await writeImportFile(importFile);
    if (BACKENDS.includes('pglite'))
      await suite('pglite', { DATA_DIR: path.join(scratch, 'data'), DATABASE_URL: '' }, importFile);
    if (!BACKENDS.includes('postgres')) return;
    const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (!serverUrl) {
      process.stderr.write('PostgreSQL figures skipped: set BENCH_DATABASE_URL to a server URL.\n');
      return;
    }
    const name = `crossroads_bench_directory_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    // As docs/deploying.md recommends for a server on solid-state disks.
    await admin.query(`alter database ${name} set random_page_cost = 1.1`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    try {
      await suite('postgres', { DATABASE_URL: url.toString() }, importFile);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
