import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { WhomToCallQuery, WhomToCallResult } from './schemas.js';
import { whomToCall } from './service.js';

export const whomToCallRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/directory/whom-to-call',
    {
      config: { access: 'public' },
      schema: {
        tags: ['directory'],
        summary: '“Whom do I call?”: contacts ranked for a topic and a country, each with the reasons it is there',
        querystring: WhomToCallQuery,
        response: responses({ 200: WhomToCallResult }),
      },
    },
    async (request) => whomToCall(request.ctx, request.query),
  );
};
