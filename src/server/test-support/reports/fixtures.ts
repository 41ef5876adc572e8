import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import * as q from '../../reports/drafting/queries.js';
import { emptyContent } from '../../reports/drafting/service.js';
import type { ReportContent } from '../../reports/schemas.js';
import type { ReportStatus } from '../../reports/tables.js';
import { insertTestMission } from '../missions/fixtures.js';
import { insertTestExpert } from '../roster/fixtures.js';

/** A filled-in report: two paragraphs of situation, findings, an orange alert and two recommendations. */
export function sampleContent(): ReportContent {
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

export interface ReportFixture {
  status?: ReportStatus;
  hostCountries?: string[];
  content?: ReportContent;
  /** Users serving on the mission's team. */
  team?: string[];
  publicSummary?: string | null;
}

/** Makes the user a member of the mission's team: an expert profile deployed on it. */
export async function addToTeam(db: Kysely<DB>, missionId: string, userId: string): Promise<void> {
  let expert = await db.selectFrom('expert').select('id').where('user_id', '=', userId).executeTakeFirst();
  if (!expert) expert = { id: await insertTestExpert(db, { userId, name: 'Team Member' }) };
  const mission = await db
    .selectFrom('mission')
    .select(['starts_on', 'ends_on'])
    .where('id', '=', missionId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('deployment')
    .values({
      expert_id: expert.id,
      mission_id: missionId,
      title: 'Team',
      starts_on: mission.starts_on,
      ends_on: mission.ends_on,
    })
    .execute();
}

/** A mission with its team confirmed and a report in the given state, written straight to the database. */
export async function insertTestReport(db: Kysely<DB>, f: ReportFixture = {}): Promise<{ id: string; missionId: string }> {
  const missionId = await insertTestMission(db, {
    status: 'closed',
    consent: 'given',
    hostCountries: f.hostCountries ?? ['GR'],
    startsOn: '2019-05-06',
    endsOn: '2019-05-17',
  });
  for (const userId of f.team ?? []) await addToTeam(db, missionId, userId);
  const content = f.content ?? sampleContent();
  const id = await q.insertReport(db, missionId, null, content);
  const status = f.status ?? 'draft';
  const adopted = status === 'adopted' || status === 'distributed';
  await db
    .updateTable('mission_report')
    .set({
      status,
      adopted_at: adopted ? new Date() : null,
      distributed_at: status === 'distributed' ? new Date() : null,
      public_summary: status === 'distributed' ? (f.publicSummary ?? null) : null,
    })
    .where('id', '=', id)
    .execute();
  if (adopted) await q.insertRecommendations(db, id, content.recommendations);
  return { id, missionId };
}
