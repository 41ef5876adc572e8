import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { ProtectedView, ReasonBody } from './schemas.js';
import { readProtected } from './service.js';

const tags = ['hate incidents'];

/** The protected data of a case, for decryption in the browser; every read is audited. */
export const protectedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/incidents/reports/:id/protected',
    {
      config: { access: 'incident.protected.read' },
      schema: {
        tags,
        summary:
          'The encrypted contact, description and photos of a case, for decryption in the browser; audited with the reason',
        params: IdParams,
        body: ReasonBody,
        response: responses({ 200: ProtectedView }),
      },
    },
    async (request) => readProtected(request.ctx, request.params.id, request.body.reason),
  );
};
