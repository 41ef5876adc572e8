import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { SearchQuery, SearchResult } from './schemas.js';
import { searchLibrary } from './service.js';

/** Search inside the library's documents. */
export const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/library/search',
    {
      config: { access: 'public' },
      schema: {
        tags: ['library'],
        summary: 'Search inside the documents the caller may open, with facets and snippets',
        querystring: SearchQuery,
        response: responses({ 200: SearchResult }),
      },
    },
    async (request) => searchLibrary(request.ctx, request.query),
  );
};
