import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { responses } from '../../http/responses.js';
import { DocumentParams } from '../schemas.js';
import { createEventListener, type EventListener } from './listener.js';
import { closeStreams, streamEvents } from './stream.js';

/** The live feed of a document's drafting room. */
export const liveRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // One listener per server on PostgreSQL, opened with the first stream.
  let listener: EventListener | undefined;
  app.addHook('onClose', async () => {
    closeStreams();
    await listener?.close();
  });
  app.get(
    '/consensus/documents/:id/events',
    {
      config: { access: 'consensus.follow' },
      schema: {
        tags: ['consensus'],
        summary:
          'Server-Sent Events: a change to the document (revision, amendment, position, silence); resumes after Last-Event-ID',
        params: DocumentParams,
        querystring: Type.Object(
          { lastEventId: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })) },
          { additionalProperties: false },
        ),
        produces: ['text/event-stream'],
        response: responses({ 200: Type.String({ description: 'text/event-stream' }) }),
      },
    },
    (request, reply) => {
      const url = request.ctx.config.databaseUrl;
      if (url && !listener) listener = createEventListener(url, app.log);
      return streamEvents(request, reply, request.params.id, request.query.lastEventId, listener);
    },
  );
};
