import { sql } from 'kysely';
import type { AccessFixtures, AccessTable } from '../access-table.js';
import { insertTestDocument } from './fixtures.js';

/** A focal point of Austria (the delegation persona's State) for the target account, in the given status. */
async function focalPoint({ t, target }: AccessFixtures, status: 'nominated' | 'confirmed') {
  const row = await t.database.db
    .insertInto('network_focal_point')
    .values({
      country_iso2: 'AT',
      user_id: target.userId,
      agency: 'Federal Police',
      status,
      ...(status === 'confirmed' ? { confirmed_at: new Date(), expires_on: sql<string>`current_date + 30` } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A notice from the target, sent to the co-ordinator persona. */
async function notice({ t, target }: AccessFixtures) {
  const db = t.database.db;
  const row = await db
    .insertInto('network_notice')
    .values({ title: 'Forged passports', body: 'A new series is in circulation.', urgent: true, author_id: target.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  const coordinator = await t.as('coordinator');
  await db
    .insertInto('network_notice_recipient')
    .values({ notice_id: row.id, user_id: coordinator.userId, acknowledged_at: null })
    .execute();
  return row.id;
}

/** A request for assistance from the target, with one answer; `best` marks that answer the best. */
async function request({ t, target }: AccessFixtures, best = false) {
  const db = t.database.db;
  const row = await db
    .insertInto('network_request')
    .values({ title: 'Forged residence permits', question: 'Who has checked these?', key_areas: [], author_id: target.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  const answer = await db
    .insertInto('network_answer')
    .values({ request_id: row.id, author_id: target.userId, body: 'We check them under UV light.', best })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, answerId: answer.id };
}

async function group({ t, n }: AccessFixtures) {
  const row = await t.database.db
    .insertInto('library_group')
    .values({ name: `Group ${n}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// Being a member of the network is not a role: the personas are not members, so the routes for
// members answer the co-ordinator only (the property test and the library tests cover members).
/** The network's and the library's routes in the route × role table. */
export const NETWORK_ROWS: AccessTable = {
  'GET /api/network/membership': { who: 'signed_in', ok: 200 },
  'GET /api/network/focal-points': { who: ['coordinator'], ok: 200 },
  'GET /api/network/states/:iso2/focal-points': {
    who: ['coordinator', 'delegation'],
    ok: 200,
    request: () => ({ url: '/api/network/states/AT/focal-points' }),
  },
  'POST /api/network/states/:iso2/focal-points': {
    who: ['coordinator', 'delegation'],
    ok: 201,
    request: ({ target }) => ({
      url: '/api/network/states/AT/focal-points',
      payload: { email: target.email, agency: 'Border Police' },
    }),
  },
  'POST /api/network/focal-points/:id/confirm': {
    who: ['coordinator'],
    ok: 200,
    request: async (f) => ({ url: `/api/network/focal-points/${await focalPoint(f, 'nominated')}/confirm` }),
  },
  'POST /api/network/focal-points/:id/renew': {
    who: ['coordinator', 'delegation'],
    ok: 200,
    request: async (f) => ({ url: `/api/network/focal-points/${await focalPoint(f, 'confirmed')}/renew` }),
  },
  'POST /api/network/focal-points/:id/withdraw': {
    who: ['coordinator', 'delegation'],
    ok: 200,
    request: async (f) => ({ url: `/api/network/focal-points/${await focalPoint(f, 'confirmed')}/withdraw` }),
  },
  'GET /api/network/notices': { who: ['coordinator'], ok: 200 },
  'POST /api/network/notices': {
    who: ['coordinator'],
    ok: 201,
    request: () => ({ payload: { title: 'New route', body: 'Crossings reported at night.', urgent: false } }),
  },
  'GET /api/network/notices/:id': {
    who: ['coordinator'],
    ok: 200,
    request: async (f) => ({ url: `/api/network/notices/${await notice(f)}` }),
  },
  'POST /api/network/notices/:id/acknowledge': {
    who: ['coordinator'],
    ok: 200,
    request: async (f) => ({ url: `/api/network/notices/${await notice(f)}/acknowledge` }),
  },
  'POST /api/network/notices/:id/comments': {
    who: ['coordinator'],
    ok: 201,
    request: async (f) => ({ url: `/api/network/notices/${await notice(f)}/comments`, payload: { body: 'Seen here too.' } }),
  },
  'GET /api/network/requests': { who: ['coordinator'], ok: 200 },
  'POST /api/network/requests': {
    who: ['coordinator'],
    ok: 201,
    request: () => ({ payload: { title: 'Drones at the green border', question: 'Who has used them at night?' } }),
  },
  'GET /api/network/requests/:id': {
    who: ['coordinator'],
    ok: 200,
    request: async (f) => ({ url: `/api/network/requests/${(await request(f)).id}` }),
  },
  'POST /api/network/requests/:id/answers': {
    who: ['coordinator'],
    ok: 201,
    request: async (f) => ({ url: `/api/network/requests/${(await request(f)).id}/answers`, payload: { body: 'We have.' } }),
  },
  'PUT /api/network/requests/:id/best-answer': {
    who: ['coordinator'],
    ok: 200,
    request: async (f) => {
      const r = await request(f);
      return { url: `/api/network/requests/${r.id}/best-answer`, payload: { answerId: r.answerId } };
    },
  },
  'POST /api/network/requests/:id/library': {
    who: ['coordinator'],
    ok: 201,
    request: async (f) => ({ url: `/api/network/requests/${(await request(f, true)).id}/library`, payload: { language: 'en' } }),
  },
  'POST /api/library/documents': {
    who: ['coordinator'],
    ok: 201,
    request: () => ({
      url: '/api/library/documents?title=Table&type=manual&language=en&access=public',
      payload: Buffer.from('A short manual.'),
      headers: { 'content-type': 'text/plain' },
    }),
  },
  'POST /api/library/documents/:id/versions': {
    who: ['coordinator'],
    ok: 201,
    request: async ({ t }) => ({
      url: `/api/library/documents/${await insertTestDocument(t)}/versions`,
      payload: Buffer.from('A second version.'),
      headers: { 'content-type': 'text/plain' },
    }),
  },
  'GET /api/library/documents/:id': {
    who: 'anyone',
    ok: 200,
    request: async ({ t }) => ({ url: `/api/library/documents/${await insertTestDocument(t)}` }),
  },
  'PATCH /api/library/documents/:id': {
    who: ['coordinator'],
    ok: 200,
    request: async ({ t }) => ({ url: `/api/library/documents/${await insertTestDocument(t)}`, payload: { title: 'Renamed' } }),
  },
  'GET /api/library/documents/:id/file': {
    who: 'anyone',
    ok: 200,
    request: async ({ t }) => ({ url: `/api/library/documents/${await insertTestDocument(t)}/file` }),
  },
  'GET /api/library/search': { who: 'anyone', ok: 200 },
  'GET /api/library/groups': { who: ['coordinator'], ok: 200 },
  'POST /api/library/groups': {
    who: ['coordinator'],
    ok: 201,
    request: ({ n, target }) => ({ payload: { name: `Table group ${n}`, members: [target.userId] } }),
  },
  'PUT /api/library/groups/:id': {
    who: ['coordinator'],
    ok: 200,
    request: async (f) => ({ url: `/api/library/groups/${await group(f)}`, payload: { name: `Renamed ${f.n}`, members: [] } }),
  },
};
