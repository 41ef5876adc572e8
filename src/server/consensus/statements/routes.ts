import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { DocumentParams, DocumentView } from '../schemas.js';
import { JoinBody, StatementBody, StatementParams } from './schemas.js';
import * as s from './service.js';

const tags = ['consensus'];

/** Interpretative statements attached to an adopted decision, and the States that join them. */
export const statementRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/consensus/documents/:id/statements',
    {
      config: { access: 'consensus.speak' },
      schema: {
        tags,
        summary: 'Attach an interpretative statement for your State',
        params: DocumentParams,
        body: StatementBody,
        response: responses({ 200: DocumentView }),
      },
    },
    (request) => s.makeStatement(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/consensus/documents/:id/statements/:statementId/joiners',
    {
      config: { access: 'consensus.speak' },
      schema: {
        tags,
        summary: 'Join an interpretative statement for your State',
        params: StatementParams,
        body: JoinBody,
        response: responses({ 200: DocumentView }),
      },
    },
    (request) => s.joinStatement(request.ctx, request.params.id, request.params.statementId, request.body),
  );
};
