import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { DocumentParams, DocumentView, ParagraphParams } from '../schemas.js';
import { Matrix, PositionBody } from './schemas.js';
import * as s from './service.js';

const tags = ['consensus'];

/** Each State's position on each paragraph, and the matrix of them. */
export const positionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/consensus/documents/:id/paragraphs/:paragraphId/position',
    {
      config: { access: 'consensus.position' },
      schema: {
        tags,
        summary: 'State your State’s position on a paragraph',
        params: ParagraphParams,
        body: PositionBody,
        response: responses({ 200: DocumentView }),
      },
    },
    (request) => s.setPosition(request.ctx, request.params.id, request.params.paragraphId, request.body),
  );
  app.get(
    '/consensus/documents/:id/matrix',
    {
      config: { access: 'consensus.follow' },
      schema: {
        tags,
        summary: 'States × paragraphs: whole for the chair and Secretariat, own row for a delegation',
        params: DocumentParams,
        response: responses({ 200: Matrix }),
      },
    },
    (request) => s.matrix(request.ctx, request.params.id),
  );
};
