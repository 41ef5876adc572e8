import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendAttachment } from '../../files/attachment.js';
import { XLSX_TYPE } from '../../files/sheet-writer.js';
import { responses } from '../../http/responses.js';
import { FileBody, FORMATS } from '../schemas.js';
import { FulfilmentQuery, FulfilmentView } from './schemas.js';
import { exportFulfilment, getFulfilment } from './service.js';

const tags = ['solidarity'];

/** Fulfilment: per State, the fair share under a key against what was pledged and delivered. */
export const fulfilmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/solidarity/fulfilment',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Per State: fair share under a key, places pledged and persons relocated',
        querystring: FulfilmentQuery,
        response: responses({ 200: FulfilmentView }),
      },
    },
    async (request) => getFulfilment(request.ctx, request.query),
  );

  for (const format of FORMATS) {
    app.get(
      `/solidarity/fulfilment/export.${format}`,
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: `The fulfilment table as ${format.toUpperCase()}`,
          querystring: FulfilmentQuery,
          produces: [format === 'csv' ? 'text/csv' : XLSX_TYPE],
          response: responses({ 200: FileBody }),
        },
      },
      async (request, reply) => sendAttachment(reply, await exportFulfilment(request.ctx, request.query, format)),
    );
  }
};
