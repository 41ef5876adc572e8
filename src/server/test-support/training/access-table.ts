import type { AccessTable } from '../access-table.js';
import {
  courseId,
  insertTestCertificate,
  insertTestMaterial,
  insertTestNomination,
  insertTestParticipant,
  insertTestSession,
} from './fixtures.js';

/**
 * The training routes in the route × role table. Courses and sessions are ODIHR's (the focal
 * point's structure); nominations come from Austria (the delegation's State). A participant's
 * own test, evaluation and certificate are tested with their owner in training.test.ts: here
 * nobody else is let in, but the provider may enter a paper test and download a certificate.
 */
export const TRAINING_ROWS: AccessTable = {
  'GET /api/training/courses': { who: 'signed_in', ok: 200 },
  'POST /api/training/courses': {
    who: ['coordinator', 'focal_point'],
    ok: 201,
    request: ({ n }) => ({
      payload: {
        code: `T-${n}`,
        title: 'Community policing and hate crime',
        objectives: 'Recognise bias indicators.',
        providerCode: 'ODIHR',
        audiences: ['police'],
        durationHours: 8,
        languages: ['en'],
        keyArea: 'protection',
      },
    }),
  },
  'GET /api/training/courses/:id': {
    who: 'signed_in',
    ok: 200,
    request: async ({ t }) => ({ url: `/api/training/courses/${await courseId(t.database.db)}` }),
  },
  'PUT /api/training/courses/:id': {
    who: ['coordinator', 'focal_point'],
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/training/courses/${await courseId(t.database.db, 'INT-MIGR')}`,
      payload: {
        code: 'INT-MIGR',
        title: 'Integration of migrants: policies that work',
        objectives: 'Design local integration measures.',
        providerCode: 'ODIHR',
        audiences: ['civil_servants', 'civil_society'],
        durationHours: 16,
        languages: ['en', 'fr', 'ru'],
        keyArea: 'relocation_integration',
        grantsCompetence: 'integration',
        grantsLevel: 2,
      },
    }),
  },
  'GET /api/training/sessions': { who: 'signed_in', ok: 200 },
  'POST /api/training/sessions': {
    who: ['coordinator', 'focal_point'],
    ok: 201,
    request: async ({ t }) => ({
      payload: {
        courseId: await courseId(t.database.db),
        startsOn: '2027-06-01',
        endsOn: '2027-06-03',
        online: true,
        language: 'en',
        capacity: 20,
      },
    }),
  },
  'GET /api/training/sessions/:id': {
    who: 'signed_in',
    ok: 200,
    request: async ({ t }) => ({ url: `/api/training/sessions/${await insertTestSession(t.database.db)}` }),
  },
  'PUT /api/training/sessions/:id/trainers': {
    who: ['coordinator', 'focal_point'],
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/training/sessions/${await insertTestSession(t.database.db)}/trainers`,
      payload: { trainers: [{ externalName: 'Dr Miriam Levi' }] },
    }),
  },
  'POST /api/training/sessions/:id/materials': {
    who: ['coordinator', 'focal_point'],
    ok: 201,
    request: async ({ t }) => ({
      url: `/api/training/sessions/${await insertTestSession(t.database.db)}/materials?title=Agenda&fileName=agenda.txt`,
      payload: Buffer.from('Day 1: bias indicators. Day 2: recording.', 'utf8'),
      headers: { 'content-type': 'text/plain' },
    }),
  },
  'GET /api/training/materials/:id/file': {
    who: ['coordinator', 'focal_point'],
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/training/materials/${await insertTestMaterial(t.database.db, await insertTestSession(t.database.db))}/file`,
    }),
  },
  'DELETE /api/training/materials/:id': {
    who: ['coordinator', 'focal_point'],
    ok: 204,
    request: async ({ t }) => ({
      url: `/api/training/materials/${await insertTestMaterial(t.database.db, await insertTestSession(t.database.db))}`,
    }),
  },
  'POST /api/training/sessions/:id/nominations': {
    who: ['coordinator', 'delegation'],
    ok: 201,
    request: async ({ t, n }) => ({
      url: `/api/training/sessions/${await insertTestSession(t.database.db)}/nominations`,
      payload: {
        countryIso2: 'AT',
        name: `Officer ${n}`,
        function: 'Police inspector',
        agencyType: 'police',
        gender: 'male',
        languages: ['de'],
        consent: true,
      },
    }),
  },
  'POST /api/training/nominations/:id/decision': {
    who: ['coordinator', 'focal_point'],
    ok: 200,
    request: async ({ t }) => {
      const nomination = await insertTestNomination(t.database.db, await insertTestSession(t.database.db));
      return { url: `/api/training/nominations/${nomination}/decision`, payload: { status: 'waitlisted' } };
    },
  },
  'PUT /api/training/sessions/:id/attendance': {
    who: ['coordinator', 'focal_point'],
    ok: 200,
    request: async ({ t }) => {
      const { sessionId, nominationId } = await insertTestParticipant(t.database.db);
      return {
        url: `/api/training/sessions/${sessionId}/attendance`,
        payload: { entries: [{ nominationId, day: '2027-03-01', present: false }] },
      };
    },
  },
  'GET /api/training/me': { who: 'signed_in', ok: 200 },
  'GET /api/training/nominations/:id/tests/:kind': {
    who: ['coordinator', 'focal_point'],
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/training/nominations/${(await insertTestParticipant(t.database.db)).nominationId}/tests/pre`,
    }),
  },
  'POST /api/training/nominations/:id/tests/:kind': {
    who: ['coordinator', 'focal_point'],
    ok: 201,
    request: async ({ t }) => ({
      url: `/api/training/nominations/${(await insertTestParticipant(t.database.db)).nominationId}/tests/post`,
      payload: { answers: [1, 1, 0] },
    }),
  },
  'POST /api/training/nominations/:id/evaluation': {
    who: [],
    ok: 201,
    request: async ({ t }) => ({
      url: `/api/training/nominations/${(await insertTestParticipant(t.database.db)).nominationId}/evaluation`,
      payload: { relevance: 5, content: 4, trainers: 5, organisation: 3 },
    }),
  },
  'GET /api/training/evaluations': { who: ['coordinator', 'focal_point', 'analyst'], ok: 200 },
  'POST /api/training/nominations/:id/completion': {
    who: ['coordinator', 'focal_point'],
    ok: 201,
    request: async ({ t }) => ({
      url: `/api/training/nominations/${(await insertTestParticipant(t.database.db)).nominationId}/completion`,
      payload: {},
    }),
  },
  'GET /api/training/certificates/:code/pdf': {
    who: ['coordinator', 'focal_point'],
    ok: 200,
    request: async ({ t }) => ({ url: `/api/training/certificates/${await insertTestCertificate(t.database.db)}/pdf` }),
  },
  'POST /api/training/certificates/:code/revocation': {
    who: ['coordinator', 'focal_point'],
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/training/certificates/${await insertTestCertificate(t.database.db)}/revocation`,
      payload: { reason: 'Issued in error' },
    }),
  },
  'GET /api/training/verify/:code': {
    who: 'anyone',
    ok: 200,
    request: async ({ t }) => ({ url: `/api/training/verify/${await insertTestCertificate(t.database.db)}` }),
  },
  'GET /api/training/public-key': { who: 'anyone', ok: 200 },
  'GET /api/training/statistics': { who: ['coordinator', 'focal_point', 'analyst'], ok: 200 },
  'GET /api/training/statistics/export': {
    who: ['coordinator', 'focal_point', 'analyst'],
    ok: 200,
    request: () => ({ url: '/api/training/statistics/export?format=csv' }),
  },
  'GET /api/training/expiring': { who: ['coordinator', 'focal_point'], ok: 200 },
};
