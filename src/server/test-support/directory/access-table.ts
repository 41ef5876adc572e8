import type { AccessFixtures, AccessTable } from '../access-table.js';

/** The directory's rows of the route × role table: who may call each route, and what a permitted call answers. */
async function odihr({ t }: AccessFixtures): Promise<string> {
  const row = await t.database.db.selectFrom('organisation').select('id').where('code', '=', 'ODIHR').executeTakeFirstOrThrow();
  return row.id;
}

async function contact(f: AccessFixtures, visibility: 'public' | 'signed_in' = 'signed_in'): Promise<string> {
  const { id } = await f.t.database.db
    .insertInto('directory_contact')
    .values({ organisation_id: await odihr(f), name: `Table Contact ${f.n}`, visibility })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function activity(f: AccessFixtures): Promise<string> {
  const { id } = await f.t.database.db
    .insertInto('directory_activity')
    .values({ organisation_id: await odihr(f), title: `Table activity ${f.n}`, status: 'ongoing', countries: ['RS'] })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

const editors = ['coordinator', 'focal_point'] as const;

export const DIRECTORY_ROWS: AccessTable = {
  'GET /api/directory/organisations': { who: 'anyone', ok: 200 },
  'GET /api/directory/organisations/:id': {
    who: 'anyone',
    ok: 200,
    request: async (f) => ({ url: `/api/directory/organisations/${await odihr(f)}` }),
  },
  'POST /api/directory/organisations': {
    who: ['coordinator'],
    ok: 201,
    request: ({ n }) => ({ payload: { type: 'ngo', names: { en: `Table NGO ${n}` } } }),
  },
  'PATCH /api/directory/organisations/:id': {
    who: [...editors],
    ok: 200,
    request: async (f) => ({
      url: `/api/directory/organisations/${await odihr(f)}`,
      payload: { mandateSummary: `Mandate ${f.n}` },
    }),
  },
  'GET /api/directory/contacts': { who: 'anyone', ok: 200 },
  'GET /api/directory/contacts/:id': {
    who: 'anyone',
    ok: 200,
    request: async (f) => ({ url: `/api/directory/contacts/${await contact(f, 'public')}` }),
  },
  'POST /api/directory/contacts': {
    who: [...editors],
    ok: 201,
    request: async (f) => ({ payload: { organisationId: await odihr(f), name: `New Contact ${f.n}` } }),
  },
  'PATCH /api/directory/contacts/:id': {
    who: [...editors],
    ok: 200,
    request: async (f) => ({ url: `/api/directory/contacts/${await contact(f)}`, payload: { title: `Adviser ${f.n}` } }),
  },
  'DELETE /api/directory/contacts/:id': {
    who: [...editors],
    ok: 204,
    request: async (f) => ({ url: `/api/directory/contacts/${await contact(f)}` }),
  },
  'POST /api/directory/contacts/:id/confirm': {
    who: [...editors],
    ok: 200,
    request: async (f) => ({ url: `/api/directory/contacts/${await contact(f)}/confirm` }),
  },
  'GET /api/directory/activities': { who: 'anyone', ok: 200 },
  'GET /api/directory/activities/:id': {
    who: 'anyone',
    ok: 200,
    request: async (f) => ({ url: `/api/directory/activities/${await activity(f)}` }),
  },
  'POST /api/directory/activities': {
    who: [...editors],
    ok: 201,
    request: async (f) => ({ payload: { organisationId: await odihr(f), title: `New activity ${f.n}`, countries: ['RS'] } }),
  },
  'PATCH /api/directory/activities/:id': {
    who: [...editors],
    ok: 200,
    request: async (f) => ({ url: `/api/directory/activities/${await activity(f)}`, payload: { status: 'completed' } }),
  },
  'DELETE /api/directory/activities/:id': {
    who: [...editors],
    ok: 204,
    request: async (f) => ({ url: `/api/directory/activities/${await activity(f)}` }),
  },
  'GET /api/directory/search': { who: 'anyone', ok: 200, request: () => ({ url: '/api/directory/search?q=border' }) },
  'GET /api/directory/whom-to-call': {
    who: 'anyone',
    ok: 200,
    request: () => ({ url: '/api/directory/whom-to-call?country=RS&topic=trafficking' }),
  },
  'GET /api/directory/map': { who: 'anyone', ok: 200 },
  'GET /api/directory/matrix': { who: 'anyone', ok: 200, request: () => ({ url: '/api/directory/matrix?format=csv' }) },
  'POST /api/directory/matrix/import': {
    who: [...editors],
    ok: 200,
    request: ({ n }) => ({
      headers: { 'content-type': 'text/csv' },
      payload: `Organisation,Activity,Countries\nODIHR,Imported activity ${n},RS\n`,
    }),
  },
};
