import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { responses } from '../../http/responses.js';
import { CommitmentView } from '../schemas.js';
import { CommitmentBody, CommitmentParams } from './schemas.js';
import * as s from './service.js';

const tags = ['consensus'];

/** The register of commitments a draft recalls. */
export const commitmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/consensus/commitments',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'The commitments register', response: responses({ 200: Type.Array(CommitmentView) }) },
    },
    (request) => s.listCommitments(request.ctx),
  );
  app.post(
    '/consensus/commitments',
    {
      config: { access: 'consensus.register' },
      schema: {
        tags,
        summary: 'Add a document to the register',
        body: CommitmentBody,
        response: responses({ 201: CommitmentView }),
      },
    },
    async (request, reply) => reply.code(201).send(await s.addCommitment(request.ctx, request.body)),
  );
  app.put(
    '/consensus/commitments/:commitmentId',
    {
      config: { access: 'consensus.register' },
      schema: {
        tags,
        summary: 'Correct a document of the register',
        params: CommitmentParams,
        body: CommitmentBody,
        response: responses({ 200: CommitmentView }),
      },
    },
    (request) => s.editCommitment(request.ctx, request.params.commitmentId, request.body),
  );
};
