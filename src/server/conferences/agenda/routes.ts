import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { EventView } from '../events/schemas.js';
import { SessionBody } from './schemas.js';
import { addSession } from './service.js';

const tags = ['conferences'];

/** The agenda of an event: its sessions with their times, rooms and speakers. */
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
};
