import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sendAttachment, today } from '../../files/attachment.js';
import { responses } from '../../http/responses.js';
import { ExpiringList, ExpiringQuery, ExportQuery, StatisticsQuery, TrainingStatistics } from './schemas.js';
import { expiringPrerequisites, exportStatistics, trainingStatistics } from './service.js';

const tags = ['training'];

/** Who was trained where, its export, and the roster prerequisites about to expire. */
export const statisticsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/training/statistics',
    {
      config: { access: 'training.statistics' },
      schema: {
        tags,
        summary: 'People trained by State, agency type, gender, course and year; knowledge gain by course',
        querystring: StatisticsQuery,
        response: responses({ 200: TrainingStatistics }),
      },
    },
    async (request) => trainingStatistics(request.ctx, request.query),
  );

  app.get(
    '/training/statistics/export',
    {
      config: { access: 'training.statistics' },
      schema: {
        tags,
        summary: 'The statistics as CSV or XLSX (audited)',
        querystring: ExportQuery,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: responses({ 200: Type.String() }),
      },
    },
    async (request, reply) =>
      sendAttachment(reply, {
        kind: request.query.format,
        filename: `training-statistics-${today()}.${request.query.format}`,
        body: await exportStatistics(request.ctx, request.query),
      }),
  );

  app.get(
    '/training/expiring',
    {
      config: { access: 'training.manage' },
      schema: {
        tags,
        summary: 'Roster prerequisites expired or expiring within the coming days',
        querystring: ExpiringQuery,
        response: responses({ 200: ExpiringList }),
      },
    },
    async (request) => expiringPrerequisites(request.ctx, request.query.days ?? 90),
  );
};
