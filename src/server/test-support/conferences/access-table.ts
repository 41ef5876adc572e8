import type { AccessTable } from '../access-table.js';
import { insertTestDocument, insertTestEvent, insertTestRegistration, insertTestSession, organisationId } from './fixtures.js';

const EVENT = {
  kind: 'workshop',
  title: 'Workshop on return and readmission',
  startsAt: '2099-05-04T09:00',
  endsAt: '2099-05-04T17:00',
  timeZone: 'Europe/Vienna',
  venue: 'Vienna, Hofburg',
  languages: ['en'],
  public: true,
  capacity: 40,
};

/**
 * The conference routes in the route × role table. Events are ODIHR's (the focal point's
 * structure) and public, so that strangers may read them and register; the organiser's routes
 * are for the co-ordinator, the Secretariat and the focal point.
 */
export const CONFERENCE_ROWS: AccessTable = {
  'GET /api/conferences/events': { who: 'anyone', ok: 200 },
  'POST /api/conferences/events': {
    who: ['coordinator', 'focal_point', 'secretariat'],
    ok: 201,
    request: async ({ t }) => ({ payload: { ...EVENT, organiserId: await organisationId(t.database.db) } }),
  },
  'GET /api/conferences/events/:id': {
    who: 'anyone',
    ok: 200,
    request: async ({ t }) => ({ url: `/api/conferences/events/${await insertTestEvent(t.database.db)}` }),
  },
  'PATCH /api/conferences/events/:id': {
    who: ['coordinator', 'focal_point', 'secretariat'],
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/conferences/events/${await insertTestEvent(t.database.db)}`,
      payload: { capacity: 150 },
    }),
  },
  'PUT /api/conferences/events/:id/outcome': {
    who: ['coordinator', 'focal_point', 'secretariat'],
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/conferences/events/${await insertTestEvent(t.database.db)}/outcome`,
      payload: { summary: 'The participants agreed on three recommendations.', recommendations: ['Share data.'] },
    }),
  },
  'POST /api/conferences/events/:id/outcome/publish': {
    who: ['coordinator', 'focal_point', 'secretariat'],
    ok: 200,
    request: async ({ t }) => {
      const id = await insertTestEvent(t.database.db);
      await t.database.db
        .updateTable('conference_event')
        .set({ summary: 'The participants agreed.' })
        .where('id', '=', id)
        .execute();
      return { url: `/api/conferences/events/${id}/outcome/publish`, payload: { keyArea: 'protection', dimension: 'human' } };
    },
  },
  'GET /api/conferences/events/:id/calendar.ics': {
    who: 'anyone',
    ok: 200,
    request: async ({ t }) => ({ url: `/api/conferences/events/${await insertTestEvent(t.database.db)}/calendar.ics` }),
  },
  'POST /api/conferences/events/:id/sessions': {
    who: ['coordinator', 'focal_point', 'secretariat'],
    ok: 201,
    request: async ({ t }) => ({
      url: `/api/conferences/events/${await insertTestEvent(t.database.db)}/sessions`,
      payload: { title: 'Opening', startsAt: '2099-03-01T09:00', endsAt: '2099-03-01T10:00' },
    }),
  },
  'PUT /api/conferences/events/:id/sessions/:sessionId': {
    who: ['coordinator', 'focal_point', 'secretariat'],
    ok: 200,
    request: async ({ t }) => {
      const { event, session } = await insertTestSession(t.database.db);
      return {
        url: `/api/conferences/events/${event}/sessions/${session}`,
        payload: { title: 'Opening', startsAt: '2099-03-01T09:00', endsAt: '2099-03-01T10:30', room: 'Neuer Saal' },
      };
    },
  },
  'DELETE /api/conferences/events/:id/sessions/:sessionId': {
    who: ['coordinator', 'focal_point', 'secretariat'],
    ok: 200,
    request: async ({ t }) => {
      const { event, session } = await insertTestSession(t.database.db);
      return { url: `/api/conferences/events/${event}/sessions/${session}` };
    },
  },
  'GET /api/conferences/events/:id/people': {
    who: ['coordinator', 'focal_point', 'secretariat'],
    ok: 200,
    request: async ({ t }) => ({ url: `/api/conferences/events/${await insertTestEvent(t.database.db)}/people?q=a` }),
  },
  'POST /api/conferences/events/:id/sessions/:sessionId/documents': {
    who: ['coordinator', 'focal_point', 'secretariat'],
    ok: 201,
    request: async ({ t }) => {
      const { event, session } = await insertTestSession(t.database.db);
      return {
        url: `/api/conferences/events/${event}/sessions/${session}/documents?title=Notes&visibility=public`,
        headers: { 'content-type': 'text/plain' },
        payload: 'Speaking notes of the opening session.',
      };
    },
  },
  // Anyone may open a public document of a public event.
  'GET /api/conferences/events/:id/documents/:documentId/file': {
    who: 'anyone',
    ok: 200,
    request: async ({ t }) => {
      const { event, document } = await insertTestDocument(t.database.db);
      return { url: `/api/conferences/events/${event}/documents/${document}/file` };
    },
  },
  'DELETE /api/conferences/events/:id/documents/:documentId': {
    who: ['coordinator', 'focal_point', 'secretariat'],
    ok: 200,
    request: async ({ t }) => {
      const { event, document } = await insertTestDocument(t.database.db);
      return { url: `/api/conferences/events/${event}/documents/${document}` };
    },
  },
  'GET /api/conferences/events/:id/invitation': {
    who: ['coordinator', 'focal_point', 'secretariat'],
    ok: 200,
    request: async ({ t }) => ({ url: `/api/conferences/events/${await insertTestEvent(t.database.db)}/invitation` }),
  },
  'PUT /api/conferences/events/:id/invitation': {
    who: ['coordinator', 'focal_point', 'secretariat'],
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/conferences/events/${await insertTestEvent(t.database.db)}/invitation`,
      payload: { terms: [{ op: '+', group: 'partners_mediterranean' }], organisationIds: [] },
    }),
  },
  'GET /api/conferences/events/:id/invitation/people': {
    who: ['coordinator', 'focal_point', 'secretariat'],
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/conferences/events/${await insertTestEvent(t.database.db)}/invitation/people?q=person`,
    }),
  },
  // The organisers, and the delegates of an invited State (the delegation persona's Austria here) for its own letter.
  'GET /api/conferences/events/:id/invitation/letter.pdf': {
    who: ['coordinator', 'delegation', 'focal_point', 'secretariat'],
    ok: 200,
    request: async ({ t }) => {
      const id = await insertTestEvent(t.database.db);
      await t.database.db
        .updateTable('conference_event')
        .set({
          invitation: JSON.stringify({ terms: [{ op: '+', group: 'state', value: 'AT' }], organisations: [] }),
          invited_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
      return { url: `/api/conferences/events/${id}/invitation/letter.pdf?state=AT` };
    },
  },
  'POST /api/conferences/events/:id/registrations': {
    who: 'anyone',
    ok: 201,
    request: async ({ t, n }) => ({
      url: `/api/conferences/events/${await insertTestEvent(t.database.db)}/registrations`,
      payload: {
        name: `Delegate ${n}`,
        email: `delegate.${n}@example.org`,
        countryIso2: 'AT',
        organisationName: 'Permanent Mission of Austria',
        function: 'Counsellor',
        visaLetter: false,
        listed: true,
      },
    }),
  },
  'GET /api/conferences/tickets/:token': {
    who: 'anyone',
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/conferences/tickets/${await insertTestRegistration(t.database.db, await insertTestEvent(t.database.db))}`,
    }),
  },
  'GET /api/conferences/tickets/:token/calendar.ics': {
    who: 'anyone',
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/conferences/tickets/${await insertTestRegistration(t.database.db, await insertTestEvent(t.database.db))}/calendar.ics`,
    }),
  },
  'PUT /api/conferences/tickets/:token/sessions': {
    who: 'anyone',
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/conferences/tickets/${await insertTestRegistration(t.database.db, await insertTestEvent(t.database.db))}/sessions`,
      payload: { sessionIds: [] },
    }),
  },
  'POST /api/conferences/tickets/:token/cancel': {
    who: 'anyone',
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/conferences/tickets/${await insertTestRegistration(t.database.db, await insertTestEvent(t.database.db))}/cancel`,
    }),
  },
  'POST /api/conferences/check-in': {
    who: ['coordinator', 'focal_point', 'secretariat'],
    ok: 200,
    request: async ({ t }) => ({
      payload: { token: await insertTestRegistration(t.database.db, await insertTestEvent(t.database.db)) },
    }),
  },
  'GET /api/conferences/events/:id/participants': {
    who: 'anyone',
    ok: 200,
    request: async ({ t }) => ({ url: `/api/conferences/events/${await insertTestEvent(t.database.db)}/participants` }),
  },
  'GET /api/conferences/events/:id/registrations': {
    who: ['coordinator', 'focal_point', 'secretariat'],
    ok: 200,
    request: async ({ t }) => ({ url: `/api/conferences/events/${await insertTestEvent(t.database.db)}/registrations` }),
  },
  'GET /api/conferences/events/:id/registrations/export': {
    who: ['coordinator', 'focal_point', 'secretariat'],
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/conferences/events/${await insertTestEvent(t.database.db)}/registrations/export?format=csv`,
    }),
  },
  'GET /api/conferences/events/:id/statistics': {
    who: ['coordinator', 'focal_point', 'secretariat'],
    ok: 200,
    request: async ({ t }) => ({ url: `/api/conferences/events/${await insertTestEvent(t.database.db)}/statistics` }),
  },
  'GET /api/conferences/events/:id/statistics/export': {
    who: ['coordinator', 'focal_point', 'secretariat'],
    ok: 200,
    request: async ({ t }) => ({
      url: `/api/conferences/events/${await insertTestEvent(t.database.db)}/statistics/export?format=xlsx`,
    }),
  },
  'GET /api/conferences/events/:id/agenda.pdf': {
    who: 'anyone',
    ok: 200,
    request: async ({ t }) => ({ url: `/api/conferences/events/${await insertTestEvent(t.database.db)}/agenda.pdf` }),
  },
  'GET /api/conferences/events/:id/badges.pdf': {
    who: ['coordinator', 'focal_point', 'secretariat'],
    ok: 200,
    request: async ({ t }) => {
      const event = await insertTestEvent(t.database.db);
      await insertTestRegistration(t.database.db, event);
      return { url: `/api/conferences/events/${event}/badges.pdf` };
    },
  },
};
