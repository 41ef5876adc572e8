import { signingKey, unsubscribeToken } from '../../notifications/outbox/signing.js';
import type { AccessFixtures, AccessTable } from '../access-table.js';

async function tokenOf({ t, target }: AccessFixtures) {
  return unsubscribeToken(await signingKey(t.database.db), target.userId, 'missions');
}

async function failedEmail({ t, target }: AccessFixtures) {
  const row = await t.database.db
    .insertInto('notification_email')
    .values({ user_id: target.userId, notification_id: null, status: 'failed', last_error: 'refused' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The notification routes in the route × role table. */
export const NOTIFICATION_ROWS: AccessTable = {
  'GET /api/notifications': { who: 'signed_in', ok: 200 },
  'GET /api/notifications/unread-count': { who: 'signed_in', ok: 200 },
  // Someone else's notice, or none: the route is reached and finds nothing of the caller's.
  'POST /api/notifications/:id/read': {
    who: 'signed_in',
    ok: 404,
    request: () => ({ url: '/api/notifications/7d5c8c1a-0000-4000-8000-000000000001/read' }),
  },
  'POST /api/notifications/read-all': { who: 'signed_in', ok: 200 },
  'GET /api/notifications/preferences': { who: 'signed_in', ok: 200 },
  'PUT /api/notifications/preferences': {
    who: 'signed_in',
    ok: 200,
    request: () => ({ payload: { preferences: [{ category: 'alerts', mode: 'digest' }] } }),
  },
  'GET /api/notifications/unsubscribe/:token': {
    who: 'anyone',
    ok: 200,
    request: async (f) => ({ url: `/api/notifications/unsubscribe/${await tokenOf(f)}` }),
  },
  'POST /api/notifications/unsubscribe/:token': {
    who: 'anyone',
    ok: 200,
    request: async (f) => ({ url: `/api/notifications/unsubscribe/${await tokenOf(f)}` }),
  },
  'GET /api/notifications/failed': { who: ['coordinator'], ok: 200 },
  'POST /api/notifications/failed/:id/retry': {
    who: ['coordinator'],
    ok: 204,
    request: async (f) => ({ url: `/api/notifications/failed/${await failedEmail(f)}/retry` }),
  },
};
