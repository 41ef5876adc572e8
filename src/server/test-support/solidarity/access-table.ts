import * as keys from '../../solidarity/keys/queries.js';
import type { KeyDefinition } from '../../solidarity/keys/schemas.js';
import * as ledger from '../../solidarity/ledger/queries.js';
import type { AccessFixtures, AccessTable } from '../access-table.js';

/** A key small enough to read: two States, two criteria. */
export const SMALL_KEY: KeyDefinition = {
  criteria: [
    { code: 'population', label: 'Population', weight: 0.5, direction: 'proportional', cap: null },
    { code: 'gdp', label: 'GDP', weight: 0.5, direction: 'proportional', cap: null },
  ],
  states: [
    { iso2: 'AT', values: { population: 9, gdp: 400 } },
    { iso2: 'BE', values: { population: 11, gdp: 500 } },
  ],
  total: 100,
};

/** A pledge of Austria's (the delegation persona's State) with its first revision. */
async function austrianPledge({ t }: AccessFixtures): Promise<string> {
  const db = t.database.db;
  const row = await ledger.insertPledge(db, {
    country_iso2: 'AT',
    type: 'relocation_places',
    quantity: 100,
    currency: null,
    beneficiary_iso2: 'GR',
    description: '',
    pledged_on: '2015-09-22',
    due_on: null,
    status: 'announced',
    created_by: null,
    updated_by: null,
  });
  await ledger.insertRevision(db, 'solidarity_pledge_revision', {
    entryId: row!.id,
    revision: 1,
    action: 'create',
    actorId: null,
    snapshot: {},
  });
  return row!.id;
}

async function austrianRelocation({ t }: AccessFixtures): Promise<string> {
  const db = t.database.db;
  const row = await ledger.insertRelocation(db, {
    country_iso2: 'AT',
    from_iso2: 'GR',
    period: '2016-03-01',
    persons: 10,
    pledge_id: null,
    note: '',
    created_by: null,
    updated_by: null,
  });
  await ledger.insertRevision(db, 'solidarity_relocation_revision', {
    entryId: row!.id,
    revision: 1,
    action: 'create',
    actorId: null,
    snapshot: {},
  });
  return row!.id;
}

async function savedKey({ t, n }: AccessFixtures): Promise<string> {
  const { id } = await keys.insertKey(t.database.db, { name: `Key ${n}`, description: '', basedOn: null, actorId: null });
  await keys.insertKeyVersion(t.database.db, { keyId: id, version: 1, definition: SMALL_KEY, note: '', actorId: null });
  return id;
}

/** The solidarity routes in the route × role table. The delegation persona acts for Austria. */
export const SOLIDARITY_ROWS: AccessTable = {
  'POST /api/solidarity/compute': { who: 'anyone', ok: 200, request: () => ({ payload: SMALL_KEY }) },
  'GET /api/solidarity/keys': { who: 'anyone', ok: 200 },
  'GET /api/solidarity/keys/:key': { who: 'anyone', ok: 200, request: () => ({ url: '/api/solidarity/keys/eu-2015-05' }) },
  'GET /api/solidarity/keys/:key/export.csv': {
    who: 'anyone',
    ok: 200,
    request: () => ({ url: '/api/solidarity/keys/eu-2015-09/export.csv' }),
  },
  'GET /api/solidarity/keys/:key/export.xlsx': {
    who: 'anyone',
    ok: 200,
    request: () => ({ url: '/api/solidarity/keys/eu-2015-09/export.xlsx' }),
  },
  'POST /api/solidarity/keys': {
    who: ['coordinator'],
    ok: 201,
    request: ({ n }) => ({ payload: { name: `Table key ${n}`, definition: SMALL_KEY } }),
  },
  'POST /api/solidarity/keys/:id/versions': {
    who: ['coordinator'],
    ok: 201,
    request: async (f) => ({ url: `/api/solidarity/keys/${await savedKey(f)}/versions`, payload: { definition: SMALL_KEY } }),
  },
  'GET /api/solidarity/fulfilment': { who: 'anyone', ok: 200 },
  'GET /api/solidarity/fulfilment/export.csv': { who: 'anyone', ok: 200 },
  'GET /api/solidarity/fulfilment/export.xlsx': { who: 'anyone', ok: 200 },
  'GET /api/solidarity/burden': { who: 'anyone', ok: 200 },
  'GET /api/solidarity/pledges': { who: 'signed_in', ok: 200 },
  'GET /api/solidarity/pledges/export.csv': { who: 'signed_in', ok: 200 },
  'GET /api/solidarity/pledges/export.xlsx': { who: 'signed_in', ok: 200 },
  'POST /api/solidarity/pledges': {
    who: ['coordinator', 'delegation'],
    ok: 201,
    request: () => ({ payload: { countryIso2: 'AT', type: 'experts', quantity: 3, pledgedOn: '2016-01-15' } }),
  },
  'PATCH /api/solidarity/pledges/:id': {
    who: ['coordinator', 'delegation'],
    ok: 200,
    request: async (f) => ({ url: `/api/solidarity/pledges/${await austrianPledge(f)}`, payload: { status: 'confirmed' } }),
  },
  'GET /api/solidarity/pledges/:id/history': {
    who: 'signed_in',
    ok: 200,
    request: async (f) => ({ url: `/api/solidarity/pledges/${await austrianPledge(f)}/history` }),
  },
  'GET /api/solidarity/relocations': { who: 'signed_in', ok: 200 },
  'GET /api/solidarity/contributions': { who: 'signed_in', ok: 200 },
  'GET /api/solidarity/one-for-one': { who: 'signed_in', ok: 200 },
  'POST /api/solidarity/one-for-one/import': {
    who: ['coordinator'],
    ok: 200,
    request: () => ({
      headers: { 'content-type': 'text/csv' },
      payload:
        'as_of,syrians_resettled_from_turkey_cumulative,returns_to_turkey_cumulative,approximate,source_document\n2016-09-26,1614,578,no,Third report\n',
    }),
  },
  'POST /api/solidarity/relocations': {
    who: ['coordinator', 'delegation'],
    ok: 201,
    request: () => ({ payload: { countryIso2: 'AT', fromIso2: 'IT', period: '2016-05', persons: 12 } }),
  },
  'PATCH /api/solidarity/relocations/:id': {
    who: ['coordinator', 'delegation'],
    ok: 200,
    request: async (f) => ({ url: `/api/solidarity/relocations/${await austrianRelocation(f)}`, payload: { persons: 11 } }),
  },
  'GET /api/solidarity/relocations/:id/history': {
    who: 'signed_in',
    ok: 200,
    request: async (f) => ({ url: `/api/solidarity/relocations/${await austrianRelocation(f)}/history` }),
  },
};
