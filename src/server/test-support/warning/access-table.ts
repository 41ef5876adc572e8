import * as fq from '../../warning/feeds/queries.js';
import * as rq from '../../warning/rules/queries.js';
import type { AccessFixtures, AccessTable } from '../access-table.js';

const CSV = 'indicator,country,period,value\n#indicator+code,#country+code,#date,#value\nsea_arrivals,GR,2001,1000\n';

async function rule({ t, n }: AccessFixtures): Promise<string> {
  const indicator = await t.database.db
    .selectFrom('warning_indicator')
    .select('id')
    .where('code', '=', 'sea_arrivals')
    .executeTakeFirstOrThrow();
  return rq.insertRule(t.database.db, {
    indicatorId: Number(indicator.id),
    country: null,
    kind: 'threshold',
    threshold: n,
    windowPeriods: null,
    level: 'yellow',
    name: `Table rule ${n}`,
    actorId: null,
  });
}

/** An open alert on Austria, fired by a threshold rule of its own. */
async function alert(f: AccessFixtures): Promise<string> {
  const db = f.t.database.db;
  const ruleId = await rule(f);
  const batch = await db
    .insertInto('warning_import_batch')
    .values({
      source: 'table',
      format: 'hxl',
      file_sha256: 'x',
      row_count: 1,
      inserted: 1,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('warning_alert')
    .values({
      rule_id: ruleId,
      country_iso2: 'AT',
      period: '2016-01-01',
      value: 10,
      reference_value: null,
      measure: 10,
      threshold: 1,
      level: 'yellow',
      batch_id: String(batch.id),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A data feed whose address refuses connections: a run of it fails at once. */
function feed({ t, n }: AccessFixtures): Promise<string> {
  return fq.insertFeed(
    t.database.db,
    {
      name: `Table feed ${n}`,
      url: 'http://127.0.0.1:9/feed.csv',
      format: null,
      mapping: null,
      indicator: null,
      every_hours: 24,
      stale_after_runs: 7,
      enabled: false,
    },
    null,
  );
}

/** The early-warning routes in the route × role table. */
export const WARNING_ROWS: AccessTable = {
  'GET /api/warning/drivers': { who: 'anyone', ok: 200 },
  'GET /api/warning/countries/:iso2/flows': {
    who: 'signed_in',
    ok: 200,
    request: () => ({ url: '/api/warning/countries/AT/flows' }),
  },
  'GET /api/warning/flow-groups': { who: 'signed_in', ok: 200, request: () => ({ url: '/api/warning/flow-groups?role=origin' }) },
  'PUT /api/warning/alerts/:id/drivers': {
    who: ['coordinator', 'analyst'],
    ok: 200,
    request: async (f) => ({ url: `/api/warning/alerts/${await alert(f)}/drivers`, payload: { drivers: ['economic'] } }),
  },
  'GET /api/warning/indicators': { who: 'anyone', ok: 200 },
  'GET /api/warning/series': { who: 'anyone', ok: 200 },
  'GET /api/warning/totals': { who: 'anyone', ok: 200 },
  'GET /api/warning/series/history': {
    who: 'anyone',
    ok: 200,
    request: () => ({ url: '/api/warning/series/history?indicator=sea_arrivals&country=GR&period=2015-01-01' }),
  },
  'POST /api/warning/indicators': {
    who: ['coordinator', 'analyst'],
    ok: 201,
    request: ({ n }) => ({
      payload: {
        code: `table_${n}`,
        names: { en: `Table ${n}` },
        unit: 'persons',
        source: 'test',
        frequency: 'year',
        direction: 'higher_is_worse',
      },
    }),
  },
  'PATCH /api/warning/indicators/:code': {
    who: ['coordinator', 'analyst'],
    ok: 200,
    request: ({ n }) => ({ url: '/api/warning/indicators/sea_arrivals', payload: { description: `Checked ${n}.` } }),
  },
  'GET /api/warning/series/export.csv': { who: 'anyone', ok: 200 },
  'GET /api/warning/comparison': {
    who: 'anyone',
    ok: 200,
    request: () => ({ url: '/api/warning/comparison?indicator=sea_arrivals' }),
  },
  'GET /api/warning/imports': { who: ['coordinator', 'analyst'], ok: 200 },
  'POST /api/warning/imports': {
    who: ['coordinator', 'analyst'],
    ok: 200,
    request: () => ({ url: '/api/warning/imports?dryRun=true', headers: { 'content-type': 'text/csv' }, payload: CSV }),
  },
  'GET /api/warning/feeds': { who: ['coordinator'], ok: 200 },
  'POST /api/warning/feeds': {
    who: ['coordinator'],
    ok: 201,
    request: ({ n }) => ({
      payload: { name: `New feed ${n}`, url: 'http://127.0.0.1:9/new.csv', everyHours: 24, enabled: false },
    }),
  },
  'PATCH /api/warning/feeds/:id': {
    who: ['coordinator'],
    ok: 200,
    request: async (f) => ({ url: `/api/warning/feeds/${await feed(f)}`, payload: { everyHours: 12 } }),
  },
  'DELETE /api/warning/feeds/:id': {
    who: ['coordinator'],
    ok: 204,
    request: async (f) => ({ url: `/api/warning/feeds/${await feed(f)}` }),
  },
  'POST /api/warning/feeds/:id/run': {
    who: ['coordinator'],
    ok: 200,
    request: async (f) => ({ url: `/api/warning/feeds/${await feed(f)}/run` }),
  },
  'GET /api/warning/rules': { who: 'signed_in', ok: 200 },
  'POST /api/warning/rules': {
    who: ['coordinator', 'analyst'],
    ok: 201,
    request: ({ n }) => ({
      payload: { indicator: 'sea_arrivals', kind: 'threshold', threshold: 1000 + n, level: 'yellow', name: `Rule ${n}` },
    }),
  },
  'PATCH /api/warning/rules/:id': {
    who: ['coordinator', 'analyst'],
    ok: 200,
    request: async (f) => ({ url: `/api/warning/rules/${await rule(f)}`, payload: { threshold: 5 } }),
  },
  'GET /api/warning/alerts': { who: 'signed_in', ok: 200 },
  'GET /api/warning/alerts/export.csv': { who: 'signed_in', ok: 200 },
  'POST /api/warning/alerts/:id/decision': {
    who: ['coordinator', 'analyst'],
    ok: 200,
    request: async (f) => ({
      url: `/api/warning/alerts/${await alert(f)}/decision`,
      payload: { decision: 'acknowledged', note: 'Seen.' },
    }),
  },
  'POST /api/warning/alerts/decisions': {
    who: ['coordinator', 'analyst'],
    ok: 200,
    request: async (f) => ({ payload: { ids: [await alert(f)], decision: 'acknowledged', note: 'Seen together.' } }),
  },
  'GET /api/warning/risk': { who: 'signed_in', ok: 200 },
  'GET /api/warning/risk/:iso2': { who: 'signed_in', ok: 200, request: () => ({ url: '/api/warning/risk/GR' }) },
};
