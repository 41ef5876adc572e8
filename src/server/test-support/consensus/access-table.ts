import type { AccessFixtures, AccessTable } from '../access-table.js';
import { insertTestDocument, putUnderSilence } from './fixtures.js';

const READERS = ['chair', 'secretariat', 'delegation'] as const;
const drafting = (f: AccessFixtures) => insertTestDocument(f.t.database.db);
const adopted = (f: AccessFixtures) => insertTestDocument(f.t.database.db, { adopted: true });
const MISSING = '00000000-0000-4000-8000-000000000000';

/** The consensus drafting routes in the route × role table. */
export const CONSENSUS_ROWS: AccessTable = {
  'GET /api/consensus/documents': { who: [...READERS], ok: 200 },
  'POST /api/consensus/documents': {
    who: ['chair'],
    ok: 201,
    request: ({ n }) => ({
      payload: { council: 'PC', number: (n % 900) + 1, year: 27, title: `Draft ${n}`, body: 'permanent_council' },
    }),
  },
  'GET /api/consensus/documents/:id': {
    who: [...READERS],
    ok: 200,
    request: async (f) => ({ url: `/api/consensus/documents/${(await drafting(f)).id}` }),
  },
  'PATCH /api/consensus/documents/:id': {
    who: ['chair'],
    ok: 200,
    request: async (f) => ({ url: `/api/consensus/documents/${(await drafting(f)).id}`, payload: { body: 'permanent_council' } }),
  },
  'POST /api/consensus/documents/:id/withdrawal': {
    who: ['chair'],
    ok: 200,
    request: async (f) => ({ url: `/api/consensus/documents/${(await drafting(f)).id}/withdrawal` }),
  },
  'PUT /api/consensus/documents/:id/symbol': {
    who: ['secretariat'],
    ok: 200,
    request: async (f) => ({
      url: `/api/consensus/documents/${(await drafting(f)).id}/symbol`,
      payload: { council: 'PC', number: (f.n % 900) + 1, year: 26 },
    }),
  },
  'POST /api/consensus/documents/:id/paragraphs': {
    who: ['chair'],
    ok: 200,
    request: async (f) => ({
      url: `/api/consensus/documents/${(await drafting(f)).id}/paragraphs`,
      payload: { part: 'operative', text: 'Decides to act.' },
    }),
  },
  'PATCH /api/consensus/documents/:id/paragraphs/:paragraphId': {
    who: ['chair'],
    ok: 200,
    request: async (f) => {
      const d = await drafting(f);
      return { url: `/api/consensus/documents/${d.id}/paragraphs/${d.operativeId}`, payload: { text: 'Tasks the structures.' } };
    },
  },
  'DELETE /api/consensus/documents/:id/paragraphs/:paragraphId': {
    who: ['chair'],
    ok: 200,
    request: async (f) => {
      const d = await drafting(f);
      return { url: `/api/consensus/documents/${d.id}/paragraphs/${d.preambularId}` };
    },
  },
  'GET /api/consensus/public/decisions': { who: 'anyone', ok: 200 },
  'GET /api/consensus/public/decisions/:id': {
    who: 'anyone',
    ok: 200,
    request: async (f) => ({ url: `/api/consensus/public/decisions/${(await adopted(f)).id}` }),
  },
  'POST /api/consensus/documents/:id/revisions': {
    who: ['chair'],
    ok: 200,
    request: async (f) => ({ url: `/api/consensus/documents/${(await drafting(f)).id}/revisions` }),
  },
  'GET /api/consensus/documents/:id/compare': {
    who: [...READERS],
    ok: 200,
    request: async (f) => ({ url: `/api/consensus/documents/${(await drafting(f)).id}/compare?from=1` }),
  },
  'GET /api/consensus/documents/:id/compilation': {
    who: [...READERS],
    ok: 200,
    request: async (f) => ({ url: `/api/consensus/documents/${(await drafting(f)).id}/compilation` }),
  },
  'POST /api/consensus/documents/:id/adoption': {
    who: ['chair'],
    ok: 200,
    request: async (f) => ({ url: `/api/consensus/documents/${(await drafting(f)).id}/adoption`, payload: {} }),
  },
  'POST /api/consensus/documents/:id/amendments': {
    who: ['delegation'],
    ok: 200,
    request: async (f) => {
      const d = await drafting(f);
      return {
        url: `/api/consensus/documents/${d.id}/amendments`,
        payload: { kind: 'delete', paragraphId: d.preambularId, justification: 'Not needed.' },
      };
    },
  },
  'POST /api/consensus/documents/:id/amendments/:amendmentId/cosponsors': {
    who: ['delegation'],
    ok: 200,
    request: async (f) => {
      const d = await drafting(f);
      return { url: `/api/consensus/documents/${d.id}/amendments/${d.amendmentId}/cosponsors`, payload: {} };
    },
  },
  'POST /api/consensus/documents/:id/amendments/:amendmentId/decision': {
    who: ['chair'],
    ok: 200,
    request: async (f) => {
      const d = await drafting(f);
      return { url: `/api/consensus/documents/${d.id}/amendments/${d.amendmentId}/decision`, payload: { decision: 'taken' } };
    },
  },
  'PUT /api/consensus/documents/:id/paragraphs/:paragraphId/position': {
    who: ['delegation'],
    ok: 200,
    request: async (f) => {
      const d = await drafting(f);
      return { url: `/api/consensus/documents/${d.id}/paragraphs/${d.operativeId}/position`, payload: { stance: 'agree' } };
    },
  },
  'GET /api/consensus/documents/:id/matrix': {
    who: [...READERS],
    ok: 200,
    request: async (f) => ({ url: `/api/consensus/documents/${(await drafting(f)).id}/matrix` }),
  },
  'POST /api/consensus/documents/:id/silence': {
    who: ['chair'],
    ok: 200,
    request: async (f) => ({
      url: `/api/consensus/documents/${(await drafting(f)).id}/silence`,
      payload: { deadline: new Date(Date.now() + 86_400_000).toISOString() },
    }),
  },
  'POST /api/consensus/documents/:id/silence/break': {
    who: ['delegation'],
    ok: 200,
    request: async (f) => {
      const d = await drafting(f);
      await putUnderSilence(f.t.database.db, d.id, new Date(Date.now() + 86_400_000));
      return { url: `/api/consensus/documents/${d.id}/silence/break`, payload: { statement: 'We cannot join.' } };
    },
  },
  'POST /api/consensus/documents/:id/statements': {
    who: ['delegation'],
    ok: 200,
    request: async (f) => ({
      url: `/api/consensus/documents/${(await adopted(f)).id}/statements`,
      payload: { text: 'Austria interprets OP1 as follows.' },
    }),
  },
  'POST /api/consensus/documents/:id/statements/:statementId/joiners': {
    who: ['delegation'],
    ok: 200,
    request: async (f) => {
      const d = await adopted(f);
      return { url: `/api/consensus/documents/${d.id}/statements/${d.statementId}/joiners`, payload: {} };
    },
  },
  'GET /api/consensus/commitments': { who: 'anyone', ok: 200 },
  'POST /api/consensus/commitments': {
    who: ['secretariat'],
    ok: 201,
    request: ({ n }) => ({ payload: { title: `Commitment ${n}`, year: 2010 } }),
  },
  'PUT /api/consensus/commitments/:commitmentId': {
    who: ['secretariat'],
    ok: 200,
    request: async (f) => {
      const row = await f.t.database.db
        .insertInto('consensus_commitment')
        .values({ symbol: null, title: `Commitment ${f.n}`, year: 2011, place: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { url: `/api/consensus/commitments/${row.id}`, payload: { title: `Commitment ${f.n}, corrected`, year: 2012 } };
    },
  },
  'GET /api/consensus/documents/:id/text.xml': {
    who: 'anyone',
    ok: 200,
    request: async (f) => ({ url: `/api/consensus/documents/${(await adopted(f)).id}/text.xml` }),
  },
  'GET /api/consensus/documents/:id/text.pdf': {
    who: 'anyone',
    ok: 200,
    request: async (f) => ({ url: `/api/consensus/documents/${(await adopted(f)).id}/text.pdf` }),
  },
  'GET /api/consensus/documents/:id/text.docx': {
    who: 'anyone',
    ok: 200,
    request: async (f) => ({ url: `/api/consensus/documents/${(await adopted(f)).id}/text.docx` }),
  },
  // A live stream never ends: a permitted caller is shown to reach the route by its answer for a document that does not exist.
  'GET /api/consensus/documents/:id/events': {
    who: [...READERS],
    ok: 404,
    request: () => ({ url: `/api/consensus/documents/${MISSING}/events` }),
  },
};
