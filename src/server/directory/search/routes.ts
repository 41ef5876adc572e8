import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { SearchQuery, SearchResult } from './schemas.js';
import { search } from './service.js';

export const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/directory/search',
    {
      config: { access: 'public' },
      schema: {
        tags: ['directory'],
        summary: 'Search organisations, contacts and activities, in any of the six OSCE languages',
        querystring: SearchQuery,
        response: responses({ 200: SearchResult }),
      },
    },
    async (request) => search(request.ctx, request.query),
  );
};
