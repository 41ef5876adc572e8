import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { TotalsQuery, TotalsView } from './schemas.js';
import { totals } from './service.js';

/** World, regional and origin totals of refugees and asylum seekers. */
export const totalsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/warning/totals',
    {
      config: { access: 'public' },
      schema: {
        tags: ['early warning'],
        summary: 'World, regional and OSCE totals by country of asylum, and the main countries of origin, in one year',
        querystring: TotalsQuery,
        response: responses({ 200: TotalsView }),
      },
    },
    async (request) => totals(request.ctx, request.query),
  );
};
