import type { AccessTable } from '../access-table.js';

/** The second factor's routes in the route × role table (personas' sessions are full sessions without a factor). */
export const SECOND_FACTOR_ROWS: AccessTable = {
  'GET /api/auth/second-factor': { who: 'signed_in', ok: 200 },
  'POST /api/auth/second-factor/enrolment': { who: 'signed_in', ok: 200 },
  // A code that is not six digits is refused on its field.
  'POST /api/auth/second-factor/enrolment/confirm': { who: 'signed_in', ok: 400, request: () => ({ payload: { code: 'abc' } }) },
  // A full session has no code left to confirm.
  'POST /api/auth/second-factor/verify': { who: 'signed_in', ok: 409, request: () => ({ payload: { code: '123456' } }) },
  // A wrong password is refused on its field; the roles that require a factor cannot remove it at all.
  'DELETE /api/auth/second-factor': {
    who: ['focal_point', 'expert', 'analyst', 'delegation', 'chair', 'secretariat'],
    ok: 400,
    request: () => ({ payload: { password: 'not-the-password' } }),
  },
  // The target has no second factor to reset.
  'DELETE /api/users/:id/second-factor': {
    who: ['coordinator'],
    ok: 404,
    request: ({ target }) => ({ url: `/api/users/${target.userId}/second-factor` }),
  },
};
