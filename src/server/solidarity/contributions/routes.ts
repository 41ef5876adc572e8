import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { ContributionList, LedgerContributionQuery } from '../../reports/contributions/schemas.js';
import { ledgerContributions } from '../../reports/contributions/service.js';

const tags = ['solidarity ledger'];

/**
 * The extra-budgetary contributions to follow-up projects, beside the pledges: recorded on the
 * project (reports domain), listed here for the ledger with their totals per currency.
 */
export const contributionLedgerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/solidarity/contributions',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Contributions pledged to follow-up projects by States and donors, with totals per currency',
        querystring: LedgerContributionQuery,
        response: responses({ 200: ContributionList }),
      },
    },
    async (request) => ledgerContributions(request.ctx, request.query),
  );
};
