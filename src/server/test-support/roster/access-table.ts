import type { AccessTable } from '../access-table.js';
import { insertTestExpert, structureId } from './fixtures.js';

/** The roster routes in the route × role table. The fixture expert works for ODIHR (the focal point's structure) and is seconded by Austria (the delegation's State). */
export const ROSTER_ROWS: AccessTable = {
  'GET /api/roster/experts': { who: ['coordinator', 'focal_point'], ok: 200 },
  'POST /api/roster/experts': {
    who: ['coordinator', 'focal_point', 'delegation'],
    ok: 201,
    request: async ({ t, n }) => ({
      payload: {
        name: `Nominee ${n}`,
        organisationId: await structureId(t.database.db),
        secondingIso2: 'AT',
        gender: 'male',
        nationalities: ['AT'],
      },
    }),
  },
  'GET /api/roster/me': { who: 'signed_in', ok: 200 },
  'GET /api/roster/experts/:id': {
    who: ['coordinator', 'focal_point', 'delegation'],
    ok: 200,
    request: async ({ t }) => ({ url: `/api/roster/experts/${await insertTestExpert(t.database.db)}` }),
  },
  'PATCH /api/roster/experts/:id': {
    who: ['coordinator', 'focal_point', 'delegation'],
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/roster/experts/${await insertTestExpert(t.database.db)}`,
      payload: { yearlyCapDays: 40 },
    }),
  },
  'POST /api/roster/experts/:id/invitation': {
    who: ['coordinator'],
    ok: 201,
    request: async ({ t, n }) => ({
      url: `/api/roster/experts/${await insertTestExpert(t.database.db)}/invitation`,
      payload: { email: `invited.${n}@example.org` },
    }),
  },
  'PUT /api/roster/experts/:id/account': {
    who: ['coordinator'],
    ok: 200,
    request: async ({ t, target }) => ({
      url: `/api/roster/experts/${await insertTestExpert(t.database.db)}/account`,
      payload: { userId: target.userId },
    }),
  },
  'DELETE /api/roster/experts/:id/account': {
    who: ['coordinator'],
    ok: 200,
    request: async ({ t, target }) => ({
      url: `/api/roster/experts/${await insertTestExpert(t.database.db, { userId: target.userId })}/account`,
    }),
  },
};
