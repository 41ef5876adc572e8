import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { DocumentParams, DocumentView } from '../schemas.js';
import { AmendmentParams, CosponsorBody, DecideBody, TableAmendmentBody } from './schemas.js';
import * as s from './service.js';

const tags = ['consensus'];

/** Amendments tabled by delegations and the chair's decision on them. */
export const amendmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/consensus/documents/:id/amendments',
    {
      config: { access: 'consensus.amend' },
      schema: {
        tags,
        summary: 'Table an amendment for your State',
        params: DocumentParams,
        body: TableAmendmentBody,
        response: responses({ 200: DocumentView }),
      },
    },
    (request) => s.tableAmendment(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/consensus/documents/:id/amendments/:amendmentId/cosponsors',
    {
      config: { access: 'consensus.amend' },
      schema: {
        tags,
        summary: 'Co-sponsor an amendment for your State',
        params: AmendmentParams,
        body: CosponsorBody,
        response: responses({ 200: DocumentView }),
      },
    },
    (request) => s.cosponsor(request.ctx, request.params.id, request.params.amendmentId, request.body),
  );
  app.post(
    '/consensus/documents/:id/amendments/:amendmentId/decision',
    {
      config: { access: 'consensus.draft' },
      schema: {
        tags,
        summary: 'Take, merge or leave an amendment',
        params: AmendmentParams,
        body: DecideBody,
        response: responses({ 200: DocumentView }),
      },
    },
    (request) => s.decideAmendment(request.ctx, request.params.id, request.params.amendmentId, request.body),
  );
};
