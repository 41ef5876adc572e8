import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sendAttachment } from '../../files/attachment.js';
import { responses } from '../../http/responses.js';
import { odihrExport } from './service.js';

const tags = ['hate incidents'];

/** The civil-society submission to ODIHR. */
export const statisticsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/incidents/export/odihr.csv',
    {
      config: { access: 'incident.export' },
      schema: {
        tags,
        summary: 'The civil-society submission to ODIHR: one row per verified incident, no personal data; audited',
        querystring: Type.Object(
          { year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })) },
          { additionalProperties: false },
        ),
        produces: ['text/csv'],
        response: responses({ 200: Type.String() }),
      },
    },
    async (request, reply) =>
      sendAttachment(reply, {
        kind: 'csv',
        filename: 'odihr-hate-incidents.csv',
        body: await odihrExport(request.ctx, request.query.year),
      }),
  );
};
