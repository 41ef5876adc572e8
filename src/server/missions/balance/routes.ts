import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { BalanceQuery, BalanceView } from './schemas.js';
import { portfolioBalance } from './service.js';

const tags = ['missions'];

/** The geographical balance of the mission portfolio. */
export const balanceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/missions/balance',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Geographical balance of the mission portfolio, and a proposed mission’s effect on it',
        description:
          'Visits (mission × host country) by sub-region, field-operation host vs other States, and east vs west of Vienna. The balance index of a grouping is the normalised Shannon entropy −Σ pᵢ ln pᵢ ÷ ln K over its K categories (1 even, 0 all in one); the portfolio index is the mean of the three.',
        querystring: BalanceQuery,
        response: responses({ 200: BalanceView }),
      },
    },
    async (request) => portfolioBalance(request.ctx, request.query),
  );
};
