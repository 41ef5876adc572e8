import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sendAttachment } from '../../files/attachment.js';
import { responses } from '../../http/responses.js';
import { StatisticsQuery, StatisticsView } from './schemas.js';
import { statistics, statisticsCsv } from './service.js';

const tags = ['hate incidents'];

/** The published statistics of verified incidents, small counts suppressed. */
export const publicationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/incidents/statistics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One slice of the fixed published tables of verified incidents, small counts suppressed',
        querystring: StatisticsQuery,
        response: responses({ 200: StatisticsView }),
      },
    },
    async (request) => statistics(request.ctx, request.query),
  );

  app.get(
    '/incidents/statistics.csv',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The same slice as CSV (suppressed figures empty, marked "suppressed")',
        querystring: StatisticsQuery,
        produces: ['text/csv'],
        response: responses({ 200: Type.String() }),
      },
    },
    async (request, reply) =>
      sendAttachment(reply, {
        kind: 'csv',
        filename: 'crossroads-hate-incidents.csv',
        body: await statisticsCsv(request.ctx, request.query),
      }),
  );
};
