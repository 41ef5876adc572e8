import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { BurdenQuery, BurdenView } from './schemas.js';
import { getBurden } from './service.js';

const tags = ['solidarity'];

/** Burden indicators of first-asylum and transit countries. */
export const burdenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/solidarity/burden',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Refugees and sea arrivals per 1,000 inhabitants and per US$ 1 billion of GDP',
        querystring: BurdenQuery,
        response: responses({ 200: BurdenView }),
      },
    },
    async (request) => getBurden(request.ctx, request.query),
  );
};
