import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { ExpertView } from '../schemas.js';
import { InvitationView, InviteBody, LinkBody } from './schemas.js';
import { inviteExpert, linkAccount, unlinkAccount } from './service.js';

const tags = ['roster'];

/** The account a roster expert signs in with: invited to a new one, linked to an existing one, or unlinked. */
export const expertAccountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/roster/experts/:id/invitation',
    {
      // Hashes the new password first: the service opens its one transaction after hashing.
      config: { access: 'user.manage', transaction: false },
      schema: {
        tags,
        summary: 'Create an account for the expert, linked to them; its one-time password is returned once',
        params: IdParams,
        body: InviteBody,
        response: responses({ 201: InvitationView }),
      },
    },
    async (request, reply) => reply.code(201).send(await inviteExpert(request.ctx, request.params.id, request.body)),
  );

  app.put(
    '/roster/experts/:id/account',
    {
      config: { access: 'user.manage' },
      schema: {
        tags,
        summary: 'Link an existing account to the expert',
        params: IdParams,
        body: LinkBody,
        response: responses({ 200: ExpertView }),
      },
    },
    async (request) => linkAccount(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/roster/experts/:id/account',
    {
      config: { access: 'user.manage' },
      schema: {
        tags,
        summary: 'Undo the link between the expert and their account (the account stays)',
        params: IdParams,
        response: responses({ 200: ExpertView }),
      },
    },
    async (request) => unlinkAccount(request.ctx, request.params.id),
  );
};
