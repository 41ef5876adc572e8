import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { EventView } from '../events/schemas.js';
import { sessionDocumentRoutes } from './documents/routes.js';
import { peopleRoutes } from './people/routes.js';
import { SessionBody, SessionParams } from './schemas.js';
import { addSession, deleteSession, updateSession } from './service.js';

const tags = ['conferences'];

/** The agenda of an event: its sessions with their times, rooms, moderators, speakers and documents. */
export const agendaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/conferences/events/:id/sessions',
    {
      config: { access: 'conference.manage' },
      schema: {
        tags,
        summary: 'Add a session to the agenda, at wall-clock times of the event’s time zone',
        params: IdParams,
        body: SessionBody,
        response: responses({ 201: EventView }),
      },
    },
    async (request, reply) => reply.code(201).send(await addSession(request.ctx, request.params.id, request.body)),
  );

  app.put(
    '/conferences/events/:id/sessions/:sessionId',
    {
      config: { access: 'conference.manage' },
      schema: {
        tags,
        summary: 'Change a session: its title, times, room, moderators and speakers',
        params: SessionParams,
        body: SessionBody,
        response: responses({ 200: EventView }),
      },
    },
    async (request) => updateSession(request.ctx, request.params.id, request.params.sessionId, request.body),
  );

  app.delete(
    '/conferences/events/:id/sessions/:sessionId',
    {
      config: { access: 'conference.manage' },
      schema: {
        tags,
        summary: 'Remove a session from the agenda, with its documents',
        params: SessionParams,
        response: responses({ 200: EventView }),
      },
    },
    async (request) => deleteSession(request.ctx, request.params.id, request.params.sessionId),
  );

  await app.register(peopleRoutes);
  await app.register(sessionDocumentRoutes);
};
