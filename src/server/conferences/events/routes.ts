import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { LangQuery } from '../../reference/schemas.js';
import { EventBody, EventPage, EventPatch, EventQuery, EventView, OutcomeBody } from './schemas.js';
import { createEvent, eventCalendar, getEvent, listEvents, recordOutcome, updateEvent } from './service.js';

const tags = ['conferences'];
const Ics = Type.String({ description: 'An iCalendar (RFC 5545) file.' });

/** Events: conferences, meetings, workshops and webinars, their calendar file and their outcome. */
export const eventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/conferences/events',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Events by kind, period and words, a page at a time (public events only for strangers)',
        querystring: EventQuery,
        response: responses({ 200: EventPage }),
      },
    },
    async (request) => listEvents(request.ctx, request.query),
  );

  app.post(
    '/conferences/events',
    {
      config: { access: 'conference.manage' },
      schema: { tags, summary: 'Create an event', body: EventBody, response: responses({ 201: EventView }) },
    },
    async (request, reply) => reply.code(201).send(await createEvent(request.ctx, request.body)),
  );

  app.get(
    '/conferences/events/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One event with its agenda and outcome (a restricted one for those signed in)',
        params: IdParams,
        response: responses({ 200: EventView }),
      },
    },
    async (request) => getEvent(request.ctx, request.params.id),
  );

  app.patch(
    '/conferences/events/:id',
    {
      config: { access: 'conference.manage' },
      schema: {
        tags,
        summary: 'Change an event’s details',
        params: IdParams,
        body: EventPatch,
        response: responses({ 200: EventView }),
      },
    },
    async (request) => updateEvent(request.ctx, request.params.id, request.body),
  );

  app.put(
    '/conferences/events/:id/outcome',
    {
      config: { access: 'conference.manage' },
      schema: {
        tags,
        summary: 'Record the chair’s summary and its recommendations',
        params: IdParams,
        body: OutcomeBody,
        response: responses({ 200: EventView }),
      },
    },
    async (request) => recordOutcome(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/conferences/events/:id/calendar.ics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The event and its sessions as an iCalendar file, in the language asked for, else the reader’s',
        produces: ['text/calendar'],
        params: IdParams,
        querystring: LangQuery,
        response: responses({ 200: Ics }),
      },
    },
    async (request, reply) =>
      reply.type('text/calendar; charset=utf-8').send(await eventCalendar(request.ctx, request.params.id, request.query.lang)),
  );
};
