// The benchmark's own mission reports, written through the platform's query functions: the test
// fixtures are not part of the build, and a benchmark must not need test code to run.
import path from 'node:path';
import { ROOT } from './lib.mjs';

const dist = (p) => path.join(process.env.BENCH_DIST ?? path.join(ROOT, 'dist'), 'server', p);

/** A filled-in report: situation, findings, an orange alert and two recommendations (one late). */
export async function sampleContent() {
  const { emptyContent } = await import(dist('reports/drafting/service.js'));
  const content = emptyContent();
  return {
    ...content,
    situation: '<p>Arrivals on the islands doubled in March.</p><p>Reception centres hold twice their capacity.</p>',
    findings: { ...content.findings, human: '<p>Asylum registration takes <strong>four months</strong>.</p>' },
    keyAreaFindings: { ...content.keyAreaFindings, border_management: '<p>Patrols are not co-ordinated.</p>' },
    securityImplications: '<p>Smuggling networks shift towards the land border.</p>',
    alert: { level: 'orange', rationale: '<p>Capacity exhausted; arrivals rising.</p>', indicators: ['sea_arrivals'] },
    recommendations: [
      {
        text: 'Open a second reception centre on Lesvos.',
        addresseeCountry: 'GR',
        addresseeOrganisationId: null,
        keyArea: 'solidarity',
        dimension: 'human',
        priority: 'high',
        dueOn: '2020-01-31',
      },
      {
        text: 'Train border guards in identifying victims of trafficking.',
        addresseeCountry: 'GR',
        addresseeOrganisationId: null,
        keyArea: 'trafficking',
        dimension: 'politico_military',
        priority: 'medium',
        dueOn: '2099-12-31',
      },
    ],
  };
}

let counter = 0;

/** A closed mission to Greece with a distributed report of the given content and its recommendations. */
export async function insertDistributedReport(db, content) {
  const missions = await import(dist('missions/lifecycle/queries.js'));
  const reports = await import(dist('reports/drafting/queries.js'));
  counter++;
  const { id: missionId } = await missions.insertMission(db, {
    code: `BENCH-${counter}`,
    title: 'Fact-finding on the Eastern Mediterranean route',
    status: 'closed',
    starts_on: '2019-05-06',
    ends_on: '2019-05-17',
    team_min: 1,
    team_max: 3,
    all_dimensions: false,
    min_organisations: 1,
    consent_status: 'given',
    consent_date: '2019-04-01',
    mandate_reference: null,
    mandate_date: null,
    consent_document: null,
    created_by: null,
  });
  await missions.replaceMissionLists(db, missionId, { hostCountries: ['GR'], competences: [], languages: [] });
  const id = await reports.insertReport(db, missionId, null, content);
  await db
    .updateTable('mission_report')
    .set({ status: 'distributed', adopted_at: new Date(), distributed_at: new Date() })
    .where('id', '=', id)
    .execute();
  await reports.insertRecommendations(db, id, content.recommendations);
  return id;
}
