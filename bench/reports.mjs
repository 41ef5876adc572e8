// Mission report figures, on PGlite in memory, each as a ratio against a baseline in the same run:
// - the implementation dashboard over BENCH_REPORTS_RECOMMENDATIONS recommendations (default
//   5,000, in reports of 20 with a project on every other one), against selecting the same rows
//   with their projects' statuses in one plain query;
// - a page of the recommendation tracker (late first), against the same baseline;
// - the PDF of a long report (60 numbered paragraphs and 20 recommendations), against the PDF of a
//   one-paragraph document from the same renderer.
import path from 'node:path';
import { figure, ROOT, sized } from './lib.mjs';
import { insertDistributedReport, sampleContent } from './reports-data.mjs';

const dist = (p) => path.join(process.env.BENCH_DIST ?? path.join(ROOT, 'dist'), 'server', p);
const RECOMMENDATIONS = sized('BENCH_REPORTS_RECOMMENDATIONS', 5000, 500);
const PER_REPORT = 20;

async function median(runs, fn) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function longContent(sample) {
  const paragraphs = (n, topic) =>
    Array.from(
      { length: n },
      (_, i) =>
        `<p>${topic} ${i + 1}: arrivals, reception capacity and protection needs were assessed with the authorities and partners on site.</p>`,
    ).join('');
  return {
    ...sample,
    situation: paragraphs(20, 'Situation'),
    findings: {
      politico_military: paragraphs(10, 'Security'),
      economic_environmental: paragraphs(10, 'Economy'),
      human: paragraphs(10, 'Rights'),
    },
    securityImplications: paragraphs(10, 'Region'),
    recommendations: Array.from({ length: PER_REPORT }, (_, i) => ({
      ...sample.recommendations[i % 2],
      text: `Recommendation ${i + 1}: ${sample.recommendations[i % 2].text}`,
    })),
  };
}

export async function run() {
  // The list of domains registers every domain's verbs, which the services' access checks read.
  await import(dist('domains.js'));
  const { openDatabase } = await import(dist('db/connection.js'));
  const { migrate } = await import(dist('db/migrate.js'));
  const { seedReferenceData } = await import(dist('reference/seed.js'));
  const { dashboard } = await import(dist('reports/follow-up/dashboard.js'));
  const { listRecommendations } = await import(dist('reports/follow-up/service.js'));
  const { reportDocument } = await import(dist('reports/drafting/pdf.js'));
  const { renderPdf } = await import(dist('files/pdf.js'));
  const { getReport } = await import(dist('reports/drafting/service.js'));
  const { loadConfig } = await import(dist('config.js'));
  const { sql } = await import('kysely');

  const database = await openDatabase({ dataDir: 'memory://' });
  const db = database.db;
  try {
    await migrate(db);
    await seedReferenceData(db);
    const content = longContent(await sampleContent());
    const reports = Math.ceil(RECOMMENDATIONS / PER_REPORT);
    const odihr = (await db.selectFrom('organisation').select('id').where('code', '=', 'ODIHR').executeTakeFirstOrThrow()).id;
    process.stderr.write(`bench: reports: ${reports} reports with ${reports * PER_REPORT} recommendations…\n`);
    let lastId;
    for (let i = 0; i < reports; i++) lastId = await insertDistributedReport(db, content);
    await sql`insert into follow_up_project (recommendation_id, organisation_id, title, status)
      select id, ${odihr}, 'Follow-up', (array['not_started', 'in_progress', 'implemented', 'not_implemented'])[1 + position % 3]
      from recommendation where position % 2 = 0`.execute(db);
    const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: 'memory://', WEB_DIR: 'none' });
    const ctx = {
      db,
      requestId: 'bench',
      address: 'bench',
      config,
      actor: {
        userId: '00000000-0000-0000-0000-000000000000',
        email: 'bench@localhost',
        name: 'Bench',
        language: 'en',
        mustChangePassword: false,
        grants: [{ role: 'coordinator', scopeType: 'global', organisationId: null, countryIso2: null }],
        sessionId: 'bench',
        csrfToken: 'bench',
      },
    };
    const baseline = await median(5, () =>
      sql`select r.*, (select count(*) from follow_up_project p where p.recommendation_id = r.id) as projects from recommendation r`.execute(
        db,
      ),
    );
    const board = await median(5, () => dashboard(ctx, {}));
    const tracker = await median(5, () => listRecommendations(ctx, { lateOnly: false, limit: 50, offset: 0 }));
    const extra = { backend: 'pglite', recommendations: reports * PER_REPORT };
    figure('reports.dashboard.ms', board, 'ms', extra);
    figure('reports.dashboard.ratio_to_plain_select', board / baseline, 'ratio', {
      ...extra,
      baselineMs: Number(baseline.toFixed(1)),
    });
    figure('reports.tracker_page.ratio_to_plain_select', tracker / baseline, 'ratio', extra);

    const report = await getReport(ctx, lastId);
    const names = { dimensions: {}, keyAreas: {}, addressees: { GR: 'Greece' }, countries: ['Greece'] };
    const dates = { startsOn: '2019-05-06', endsOn: '2019-05-17' };
    await renderPdf(reportDocument(report, names, dates)); // warm the fonts
    const short = {
      ...report,
      content: {
        ...report.content,
        situation: '<p>One paragraph.</p>',
        findings: { politico_military: '', economic_environmental: '', human: '' },
        securityImplications: '',
        recommendations: [],
      },
    };
    await renderPdf(reportDocument(short, names, dates));
    const one = await median(9, () => renderPdf(reportDocument(short, names, dates)));
    let pages = 0;
    const long = await median(9, async () => {
      const pdf = await renderPdf(reportDocument(report, names, dates));
      pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    });
    figure('reports.pdf_long_report.ms', long, 'ms', { pages, paragraphs: 60, recommendations: PER_REPORT });
    figure('reports.pdf_long_report.ratio_to_one_paragraph', long / one, 'ratio', { baselineMs: Number(one.toFixed(1)) });
  } finally {
    await database.close();
  }
}
