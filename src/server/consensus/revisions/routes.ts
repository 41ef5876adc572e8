import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { DocumentParams, DocumentView } from '../schemas.js';
import { AdoptBody, CompareQuery, Comparison, Compilation } from './schemas.js';
import * as s from './service.js';

const tags = ['consensus'];

/** Revisions, their comparison, the chair's compilation and adoption in a meeting. */
export const revisionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/consensus/documents/:id/revisions',
    {
      config: { access: 'consensus.draft' },
      schema: {
        tags,
        summary: 'Issue the next revision (Rev.k), a frozen snapshot of the working text',
        params: DocumentParams,
        response: responses({ 200: DocumentView }),
      },
    },
    (request) => s.issueRevision(request.ctx, request.params.id),
  );
  app.get(
    '/consensus/documents/:id/compare',
    {
      config: { access: 'consensus.follow' },
      schema: {
        tags,
        summary: 'Word-level comparison of two revisions, paragraph by paragraph',
        params: DocumentParams,
        querystring: CompareQuery,
        response: responses({ 200: Comparison }),
      },
    },
    (request) => s.compare(request.ctx, request.params.id, request.query),
  );
  app.get(
    '/consensus/documents/:id/compilation',
    {
      config: { access: 'consensus.follow' },
      schema: {
        tags,
        summary: 'Every amendment per paragraph, unagreed text in square brackets',
        params: DocumentParams,
        response: responses({ 200: Compilation }),
      },
    },
    (request) => s.compilation(request.ctx, request.params.id),
  );
  app.post(
    '/consensus/documents/:id/adoption',
    {
      config: { access: 'consensus.adopt' },
      schema: {
        tags,
        summary: 'Record adoption by consensus in a meeting; refused (409) while any State objects',
        params: DocumentParams,
        body: AdoptBody,
        response: responses({ 200: DocumentView }),
      },
    },
    (request) => s.adoptInMeeting(request.ctx, request.params.id, request.body),
  );
};
