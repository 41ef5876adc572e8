import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NoContent, responses } from '../../http/responses.js';
import { EmailIdParams, FailedEmailPage, FailedEmailQuery } from '../schemas.js';
import { listFailed, retryFailed } from './service.js';

const tags = ['notifications'];

export const deliveryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/notifications/failed',
    {
      config: { access: 'notification.oversee' },
      schema: {
        tags,
        summary: 'Emails that could not be sent after every attempt',
        querystring: FailedEmailQuery,
        response: responses({ 200: FailedEmailPage }),
      },
    },
    async (request) => listFailed(request.ctx, request.query),
  );

  app.post(
    '/notifications/failed/:id/retry',
    {
      config: { access: 'notification.oversee' },
      schema: { tags, summary: 'Send a failed email again', params: EmailIdParams, response: responses({ 204: NoContent }) },
    },
    async (request, reply) => {
      await retryFailed(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
