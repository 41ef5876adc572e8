import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { CountryRiskView, Iso2Params, RiskMapView, RiskQuery } from './schemas.js';
import { countryRisk, riskMap } from './service.js';

const tags = ['early warning'];

/** The risk map and each country's risk. */
export const riskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/warning/risk',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Every country’s risk score in one year, for the map',
        querystring: RiskQuery,
        response: responses({ 200: RiskMapView }),
      },
    },
    async (request) => riskMap(request.ctx, request.query.year),
  );

  app.get(
    '/warning/risk/:iso2',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'One country’s risk score, its history and alerts',
        params: Iso2Params,
        response: responses({ 200: CountryRiskView }),
      },
    },
    async (request) => countryRisk(request.ctx, request.params.iso2),
  );
};
