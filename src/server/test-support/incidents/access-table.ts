import type { AccessTable } from '../access-table.js';
import { ensureTestKey, insertTestReport, sampleClientKey, testReportBody } from './fixtures.js';
import { insertTestCampaign, insertTestStatement, organisationByCode, testCampaignBody, testStatementBody } from './rhetoric.js';

/** The hate-incident routes in the route × role table. */
export const INCIDENT_ROWS: AccessTable = {
  'GET /api/incidents/form': { who: 'anyone', ok: 200 },
  'POST /api/incidents/reports': {
    who: 'anyone',
    ok: 201,
    request: async ({ t }) => {
      await ensureTestKey(t.database.db);
      return { payload: testReportBody({}, t.config.incidentProofBits) };
    },
  },
  'POST /api/incidents/receipts/status': {
    who: 'anyone',
    ok: 404,
    request: () => ({ payload: { code: 'ABCD-EFGH-JKLM-NPQR' } }),
  },
  'GET /api/incidents/statistics': { who: 'anyone', ok: 200 },
  'GET /api/incidents/statistics.csv': { who: 'anyone', ok: 200 },
  'GET /api/incidents/export/odihr.csv': { who: ['incident_reviewer'], ok: 200 },
  'GET /api/incidents/reports': { who: ['incident_reviewer'], ok: 200 },
  'GET /api/incidents/reviewers': { who: ['incident_reviewer'], ok: 200 },
  'GET /api/incidents/reports/:id': {
    who: ['incident_reviewer'],
    ok: 200,
    request: async ({ t }) => ({ url: `/api/incidents/reports/${await insertTestReport(t.database.db)}` }),
  },
  'POST /api/incidents/reports/:id/status': {
    who: ['incident_reviewer'],
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/incidents/reports/${await insertTestReport(t.database.db)}/status`,
      payload: { status: 'not_verified', note: 'No second source.' },
    }),
  },
  'PUT /api/incidents/reports/:id/assignee': {
    who: ['incident_reviewer'],
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/incidents/reports/${await insertTestReport(t.database.db)}/assignee`,
      payload: { userId: null },
    }),
  },
  'POST /api/incidents/reports/:id/notes': {
    who: ['incident_reviewer'],
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/incidents/reports/${await insertTestReport(t.database.db)}/notes`,
      payload: { note: 'Called the NGO.' },
    }),
  },
  'PUT /api/incidents/reports/:id/redaction': {
    who: ['incident_reviewer'],
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/incidents/reports/${await insertTestReport(t.database.db)}/redaction`,
      payload: { text: 'A man [name removed] shouted at refugees.' },
    }),
  },
  // The only route that hands out protected data (encrypted): incident reviewers only.
  'POST /api/incidents/reports/:id/protected': {
    who: ['incident_reviewer'],
    ok: 200,
    request: async ({ t }) => {
      await ensureTestKey(t.database.db);
      return {
        url: `/api/incidents/reports/${await insertTestReport(t.database.db)}/protected`,
        payload: { reason: 'Checking the source.' },
      };
    },
  },
  'GET /api/incidents/key': { who: ['coordinator'], ok: 200 },
  // The fixture's key already exists: a permitted call reaches the rule that refuses a second one.
  'POST /api/incidents/key': {
    who: ['coordinator'],
    ok: 409,
    request: async ({ t }) => {
      await ensureTestKey(t.database.db);
      return { payload: await sampleClientKey() };
    },
  },
  'GET /api/incidents/key/rotation': {
    who: ['coordinator'],
    ok: 200,
    request: async ({ t }) => {
      await ensureTestKey(t.database.db);
      return {};
    },
  },
  // Naming a key that is not the current one: a permitted call is refused as stale, nothing changes.
  'POST /api/incidents/key/rotation': {
    who: ['coordinator'],
    ok: 409,
    request: async ({ t }) => {
      await ensureTestKey(t.database.db);
      return { payload: { retiringKeyId: '00000000-0000-0000-0000-000000000000', key: await sampleClientKey(), items: [] } };
    },
  },
  // Xenophobic rhetoric: recorded by those who follow public life, verified by incident reviewers.
  'POST /api/incidents/rhetoric': {
    who: ['coordinator', 'focal_point', 'analyst', 'incident_reviewer'],
    ok: 201,
    request: () => ({ payload: testStatementBody() }),
  },
  'GET /api/incidents/rhetoric/statistics': { who: 'anyone', ok: 200 },
  'GET /api/incidents/rhetoric': { who: ['incident_reviewer'], ok: 200 },
  'GET /api/incidents/rhetoric/:id': {
    who: ['incident_reviewer'],
    ok: 200,
    request: async ({ t }) => ({ url: `/api/incidents/rhetoric/${await insertTestStatement(t.database.db)}` }),
  },
  'POST /api/incidents/rhetoric/:id/review': {
    who: ['incident_reviewer'],
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/incidents/rhetoric/${await insertTestStatement(t.database.db)}/review`,
      payload: { decision: 'verified' },
    }),
  },
  // Campaigns: public to read; kept by the co-ordinator and the focal points of the organiser (ODIHR here).
  'GET /api/incidents/campaigns': { who: 'anyone', ok: 200 },
  'GET /api/incidents/campaigns/:id': {
    who: 'anyone',
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/incidents/campaigns/${await insertTestCampaign(t.database.db, await organisationByCode(t.database.db))}`,
    }),
  },
  'POST /api/incidents/campaigns': {
    who: ['coordinator', 'focal_point'],
    ok: 201,
    request: async ({ t }) => ({ payload: testCampaignBody(await organisationByCode(t.database.db)) }),
  },
  'PUT /api/incidents/campaigns/:id': {
    who: ['coordinator', 'focal_point'],
    ok: 200,
    request: async ({ t }) => {
      const organiser = await organisationByCode(t.database.db);
      return {
        url: `/api/incidents/campaigns/${await insertTestCampaign(t.database.db, organiser)}`,
        payload: testCampaignBody(organiser, { title: 'Open doors month' }),
      };
    },
  },
};
