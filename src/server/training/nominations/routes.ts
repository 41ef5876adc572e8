import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { SessionView } from '../catalogue/schemas.js';
import { DecisionBody, NominationBody } from './schemas.js';
import { decide, nominate } from './service.js';

const tags = ['training'];

/** Nominations by States and the provider's decisions on them. */
export const nominationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/training/sessions/:id/nominations',
    {
      config: { access: 'training.nominate' },
      schema: {
        tags,
        summary: 'Nominate an officer of one’s own State for a session',
        params: IdParams,
        body: NominationBody,
        response: responses({ 201: SessionView }),
      },
    },
    async (request, reply) => reply.code(201).send(await nominate(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/training/nominations/:id/decision',
    {
      config: { access: 'training.manage' },
      schema: {
        tags,
        summary: 'Select, waitlist or decline (with a reason) a nomination',
        params: IdParams,
        body: DecisionBody,
        response: responses({ 200: SessionView }),
      },
    },
    async (request) => decide(request.ctx, request.params.id, request.body),
  );
};
