import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { DocumentParams, DocumentView } from '../schemas.js';
import { BreakSilenceBody, StartSilenceBody } from './schemas.js';
import * as s from './service.js';

const tags = ['consensus'];

/** The silence procedure: started by the chair, broken by any one State, concluded at the deadline by a worker. */
export const silenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/consensus/documents/:id/silence',
    {
      config: { access: 'consensus.draft' },
      schema: {
        tags,
        summary: 'Put the last revision under silence until a deadline',
        params: DocumentParams,
        body: StartSilenceBody,
        response: responses({ 200: DocumentView }),
      },
    },
    (request) => s.startSilence(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/consensus/documents/:id/silence/break',
    {
      config: { access: 'consensus.speak' },
      schema: {
        tags,
        summary: 'Break silence for your State, with a statement',
        params: DocumentParams,
        body: BreakSilenceBody,
        response: responses({ 200: DocumentView }),
      },
    },
    (request) => s.breakSilence(request.ctx, request.params.id, request.body),
  );
};
