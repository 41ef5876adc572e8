import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { ReportDriversBody, ReportDriversQuery, ReportDriversView } from './schemas.js';
import { getReportDrivers, setReportDrivers } from './service.js';

const tags = ['reports'];

/** The drivers of displacement a report names. */
export const reportDriverRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/reports/:id/drivers',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'The drivers of displacement the report names',
        params: IdParams,
        querystring: ReportDriversQuery,
        response: responses({ 200: ReportDriversView }),
      },
    },
    async (request) => getReportDrivers(request.ctx, request.params.id, request.query.lang),
  );

  app.put(
    '/reports/:id/drivers',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Name the drivers of displacement the report found',
        params: IdParams,
        body: ReportDriversBody,
        response: responses({ 200: ReportDriversView }),
      },
    },
    async (request) => setReportDrivers(request.ctx, request.params.id, request.body),
  );
};
