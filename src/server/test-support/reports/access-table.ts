import type { Role } from '../../access/roles.js';
import type { AccessFixtures, AccessTable } from '../access-table.js';
import { insertTestMission } from '../missions/fixtures.js';
import { structureId } from '../roster/fixtures.js';
import { insertTestReport, sampleContent } from './fixtures.js';

const READERS: Role[] = ['coordinator', 'delegation', 'focal_point', 'analyst', 'incident_reviewer'];

async function distributed({ t }: AccessFixtures) {
  return insertTestReport(t.database.db, { status: 'distributed' });
}

/** A draft whose team is the expert persona: the team's own routes answer only the expert. */
async function teamDraft({ t }: AccessFixtures) {
  return insertTestReport(t.database.db, { team: [(await t.as('expert')).userId] });
}

async function recommendation(f: AccessFixtures) {
  const { id } = await distributed(f);
  const row = await f.t.database.db
    .selectFrom('recommendation')
    .select('id')
    .where('report_id', '=', id)
    .orderBy('position')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function project(f: AccessFixtures) {
  const recommendationId = await recommendation(f);
  const { id } = await f.t.database.db
    .insertInto('follow_up_project')
    .values({
      recommendation_id: recommendationId,
      organisation_id: await structureId(f.t.database.db, 'ODIHR'),
      title: 'Training',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return `/api/recommendations/${recommendationId}/projects/${id}`;
}

/** A contribution of Germany's, pledged to a project of ODIHR's (the focal point persona's structure). */
async function contribution(f: AccessFixtures) {
  const url = await project(f);
  const projectId = url.split('/').pop() as string;
  const { id } = await f.t.database.db
    .insertInto('project_contribution')
    .values({
      project_id: projectId,
      contributor_country_iso2: 'DE',
      amount: 1000,
      currency: 'EUR',
      contributed_on: '2026-01-10',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return `${url}/contributions/${id}`;
}

/** The report and follow-up routes in the route × role table. */
export const REPORT_ROWS: AccessTable = {
  'GET /api/reports': { who: 'signed_in', ok: 200 },
  'POST /api/reports': {
    who: ['coordinator'],
    ok: 201,
    request: async ({ t }) => ({
      payload: { missionId: await insertTestMission(t.database.db, { status: 'closed', consent: 'given' }) },
    }),
  },
  'GET /api/reports/public': { who: 'anyone', ok: 200 },
  'GET /api/reports/:id': { who: READERS, ok: 200, request: async (f) => ({ url: `/api/reports/${(await distributed(f)).id}` }) },
  'PUT /api/reports/:id': {
    who: ['expert'],
    ok: 200,
    request: async (f) => ({
      url: `/api/reports/${(await teamDraft(f)).id}`,
      payload: { baseVersion: 1, content: sampleContent() },
    }),
  },
  'POST /api/reports/:id/transitions': {
    who: ['expert'],
    ok: 200,
    request: async (f) => ({ url: `/api/reports/${(await teamDraft(f)).id}/transitions`, payload: { action: 'submit' } }),
  },
  'PUT /api/reports/:id/public-summary': {
    who: ['coordinator'],
    ok: 200,
    request: async (f) => ({
      url: `/api/reports/${(await distributed(f)).id}/public-summary`,
      payload: { summary: 'In brief.' },
    }),
  },
  'GET /api/reports/:id/people-met': {
    who: READERS,
    ok: 200,
    request: async (f) => ({ url: `/api/reports/${(await distributed(f)).id}/people-met` }),
  },
  'PUT /api/reports/:id/people-met': {
    who: ['coordinator', 'expert'],
    ok: 200,
    request: async (f) => ({
      url: `/api/reports/${(await teamDraft(f)).id}/people-met`,
      payload: { people: [{ name: 'Head of office', organisation: 'UNHCR' }] },
    }),
  },
  'GET /api/reports/:id/drivers': {
    who: READERS,
    ok: 200,
    request: async (f) => ({ url: `/api/reports/${(await distributed(f)).id}/drivers` }),
  },
  'PUT /api/reports/:id/drivers': {
    who: ['coordinator', 'expert'],
    ok: 200,
    request: async (f) => ({ url: `/api/reports/${(await teamDraft(f)).id}/drivers`, payload: { drivers: ['conflict'] } }),
  },
  'GET /api/reports/:id/versions': {
    who: ['coordinator'],
    ok: 200,
    request: async (f) => ({ url: `/api/reports/${(await distributed(f)).id}/versions` }),
  },
  'GET /api/reports/:id/versions/:number': {
    who: ['coordinator'],
    ok: 200,
    request: async (f) => ({ url: `/api/reports/${(await distributed(f)).id}/versions/1` }),
  },
  'GET /api/reports/:id/diff': {
    who: ['coordinator'],
    ok: 200,
    request: async (f) => ({ url: `/api/reports/${(await distributed(f)).id}/diff?from=1&to=1` }),
  },
  'GET /api/reports/:id/report.pdf': {
    who: READERS,
    ok: 200,
    request: async (f) => ({ url: `/api/reports/${(await distributed(f)).id}/report.pdf` }),
  },
  'GET /api/recommendations': { who: 'signed_in', ok: 200 },
  'GET /api/recommendations/dashboard': { who: 'signed_in', ok: 200 },
  'GET /api/recommendations/export.csv': { who: 'signed_in', ok: 200 },
  'GET /api/recommendations/export.xlsx': { who: 'signed_in', ok: 200 },
  'GET /api/recommendations/:id': {
    who: READERS,
    ok: 200,
    request: async (f) => ({ url: `/api/recommendations/${await recommendation(f)}` }),
  },
  'POST /api/recommendations': {
    who: ['coordinator'],
    ok: 201,
    request: async (f) => ({
      payload: {
        sourceOrganisationId: await structureId(f.t.database.db, 'ODIHR'),
        sourceDocument: 'Recommendations on reception',
        sourceDate: '2026-01-15',
        text: 'Provide interpretation at every reception centre.',
        addresseeCountry: 'IT',
        keyArea: 'protection',
        dimension: 'human',
        priority: 'high',
      },
    }),
  },
  'PATCH /api/recommendations/:id': {
    who: ['coordinator', 'focal_point'],
    ok: 200,
    request: async (f) => ({ url: `/api/recommendations/${await recommendation(f)}`, payload: { commitmentId: null } }),
  },
  'POST /api/recommendations/:id/projects': {
    who: ['coordinator', 'focal_point'],
    ok: 201,
    request: async (f) => ({
      url: `/api/recommendations/${await recommendation(f)}/projects`,
      payload: { organisationId: await structureId(f.t.database.db, 'ODIHR'), title: 'Reception training' },
    }),
  },
  'GET /api/recommendations/:id/projects/:projectId': {
    who: READERS,
    ok: 200,
    request: async (f) => ({ url: await project(f) }),
  },
  'PATCH /api/recommendations/:id/projects/:projectId': {
    who: ['coordinator', 'focal_point'],
    ok: 200,
    request: async (f) => ({ url: await project(f), payload: { status: 'in_progress' } }),
  },
  'GET /api/recommendations/:id/projects/:projectId/contributions': {
    who: READERS,
    ok: 200,
    request: async (f) => ({ url: `${await project(f)}/contributions` }),
  },
  'POST /api/recommendations/:id/projects/:projectId/contributions': {
    who: ['coordinator', 'focal_point'],
    ok: 201,
    request: async (f) => ({
      url: `${await project(f)}/contributions`,
      payload: { contributorCountryIso2: 'NO', amount: 5000, currency: 'NOK', contributedOn: '2026-02-01' },
    }),
  },
  'PATCH /api/recommendations/:id/projects/:projectId/contributions/:contributionId': {
    who: ['coordinator', 'focal_point'],
    ok: 200,
    request: async (f) => ({ url: await contribution(f), payload: { status: 'confirmed' } }),
  },
  'POST /api/recommendations/:id/projects/:projectId/notes': {
    who: ['coordinator', 'focal_point'],
    ok: 201,
    request: async (f) => ({ url: `${await project(f)}/notes`, payload: { notedOn: '2026-01-15', text: 'Started.' } }),
  },
};
