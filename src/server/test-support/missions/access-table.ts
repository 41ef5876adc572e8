import type { AccessFixtures, AccessTable } from '../access-table.js';
import { insertTestExpert, structureId } from '../roster/fixtures.js';
import { insertTestFeedToken, insertTestMission } from './fixtures.js';

async function coordinatorToken({ t }: AccessFixtures) {
  return insertTestFeedToken(t.database.db, (await t.as('coordinator')).userId);
}

/** The mission and calendar routes in the route × role table. */
export const MISSION_ROWS: AccessTable = {
  'GET /api/missions/:id/partners': {
    who: 'signed_in',
    ok: 200,
    request: async ({ t }) => ({ url: `/api/missions/${await insertTestMission(t.database.db)}/partners` }),
  },
  'PUT /api/missions/:id/partners': {
    who: ['coordinator'],
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/missions/${await insertTestMission(t.database.db)}/partners`,
      payload: { partners: [{ organisationId: await structureId(t.database.db, 'ODIHR'), role: 'briefing' }] },
    }),
  },
  'GET /api/missions/:id/proposed-contacts': {
    who: 'signed_in',
    ok: 200,
    request: async ({ t }) => ({ url: `/api/missions/${await insertTestMission(t.database.db)}/proposed-contacts` }),
  },
  'GET /api/missions': { who: 'signed_in', ok: 200 },
  'POST /api/missions': {
    who: ['coordinator', 'focal_point'],
    ok: 201,
    request: ({ n }) => ({
      payload: {
        code: `TABLE-${n}`,
        title: 'Table mission',
        hostCountries: ['GR'],
        startsOn: '2027-06-01',
        endsOn: '2027-06-10',
      },
    }),
  },
  'GET /api/missions/balance': {
    who: 'signed_in',
    ok: 200,
    request: () => ({ url: '/api/missions/balance?from=2026-01-01&to=2027-12-31' }),
  },
  'GET /api/missions/:id': {
    who: 'signed_in',
    ok: 200,
    request: async ({ t }) => ({ url: `/api/missions/${await insertTestMission(t.database.db)}` }),
  },
  'PATCH /api/missions/:id': {
    who: ['coordinator'],
    ok: 200,
    request: async ({ t }) => ({ url: `/api/missions/${await insertTestMission(t.database.db)}`, payload: { title: 'Renamed' } }),
  },
  'POST /api/missions/:id/transitions': {
    who: ['coordinator', 'focal_point'],
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/missions/${await insertTestMission(t.database.db)}/transitions`,
      payload: { to: 'proposed' },
    }),
  },
  'POST /api/missions/:id/compose': {
    who: ['coordinator'],
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/missions/${await insertTestMission(t.database.db, { status: 'approved' })}/compose`,
      payload: {},
    }),
  },
  'POST /api/missions/:id/team': {
    who: ['coordinator'],
    ok: 200,
    request: async ({ t }) => {
      const db = t.database.db;
      const mission = await insertTestMission(db, { status: 'approved' });
      return { url: `/api/missions/${mission}/team`, payload: { expertIds: [await insertTestExpert(db)] } };
    },
  },
  'PUT /api/missions/:id/team/:expertId/appraisal': {
    who: ['coordinator'],
    ok: 200,
    request: async ({ t }) => {
      const db = t.database.db;
      const mission = await insertTestMission(db, { status: 'closed', consent: 'given' });
      const expert = await insertTestExpert(db);
      await db
        .insertInto('deployment')
        .values({
          expert_id: expert,
          mission_id: mission,
          title: 'Closed mission',
          starts_on: '2027-05-04',
          ends_on: '2027-05-18',
        })
        .execute();
      return {
        url: `/api/missions/${mission}/team/${expert}/appraisal`,
        payload: { appraisal: 'Thorough and tactful.', rating: 5 },
      };
    },
  },
  'GET /api/calendar/tokens': { who: 'signed_in', ok: 200 },
  'POST /api/calendar/tokens': { who: 'signed_in', ok: 201, request: () => ({ payload: { label: 'phone' } }) },
  'DELETE /api/calendar/tokens/:id': {
    who: 'signed_in',
    ok: 204,
    request: () => ({ url: '/api/calendar/tokens/00000000-0000-4000-8000-000000000000' }),
  },
  'GET /api/calendar/feeds/:token/mine.ics': {
    who: 'anyone',
    ok: 200,
    request: async (f) => ({ url: `/api/calendar/feeds/${await coordinatorToken(f)}/mine.ics` }),
  },
  'GET /api/calendar/feeds/:token/experts/:id.ics': {
    who: 'anyone',
    ok: 200,
    request: async (f) => ({
      url: `/api/calendar/feeds/${await coordinatorToken(f)}/experts/${await insertTestExpert(f.t.database.db)}.ics`,
    }),
  },
  'GET /api/calendar/feeds/:token/missions.ics': {
    who: 'anyone',
    ok: 200,
    request: async (f) => ({ url: `/api/calendar/feeds/${await coordinatorToken(f)}/missions.ics` }),
  },
  'GET /api/calendar/feeds/:token/missions/:id.ics': {
    who: 'anyone',
    ok: 200,
    request: async (f) => ({
      url: `/api/calendar/feeds/${await coordinatorToken(f)}/missions/${await insertTestMission(f.t.database.db)}.ics`,
    }),
  },
};
