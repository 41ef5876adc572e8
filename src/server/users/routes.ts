import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../http/responses.js';
import { IdParams } from '../http/schemas.js';
import { CreateUserBody, GrantsBody, UpdateUserBody, UserListQuery, UserPage, UserView, UserWithPassword } from './schemas.js';
import { createUser, getUser, listUsers, resetPassword, setGrants, updateUser } from './service.js';

const tags = ['users'];

export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/users',
    {
      config: { access: 'user.read' },
      schema: { tags, summary: 'List user accounts', querystring: UserListQuery, response: responses({ 200: UserPage }) },
    },
    async (request) => listUsers(request.ctx, request.query),
  );

  app.post(
    '/users',
    {
      // Hashes a new password first, which takes a while: the embedded database's single connection
      // must not be held meanwhile, so the service opens its one transaction after hashing.
      config: { access: 'user.manage', transaction: false },
      schema: {
        tags,
        summary: 'Create an account; its one-time password is returned once',
        body: CreateUserBody,
        response: responses({ 201: UserWithPassword }),
      },
    },
    async (request, reply) => reply.code(201).send(await createUser(request.ctx, request.body)),
  );

  app.get(
    '/users/:id',
    {
      config: { access: 'user.read' },
      schema: { tags, summary: 'One user account', params: IdParams, response: responses({ 200: UserView }) },
    },
    async (request) => getUser(request.ctx, request.params.id),
  );

  app.patch(
    '/users/:id',
    {
      config: { access: 'user.manage' },
      schema: {
        tags,
        summary: 'Rename, set the language of, disable or enable an account',
        params: IdParams,
        body: UpdateUserBody,
        response: responses({ 200: UserView }),
      },
    },
    async (request) => updateUser(request.ctx, request.params.id, request.body),
  );

  app.put(
    '/users/:id/grants',
    {
      config: { access: 'user.manage' },
      schema: {
        tags,
        summary: 'Replace the roles an account holds and their scopes',
        params: IdParams,
        body: GrantsBody,
        response: responses({ 200: UserView }),
      },
    },
    async (request) => setGrants(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/users/:id/password-reset',
    {
      // Hashes a new password first, which takes a while: the embedded database's single connection
      // must not be held meanwhile, so the service opens its one transaction after hashing.
      config: { access: 'user.manage', transaction: false },
      schema: {
        tags,
        summary: 'Issue a new one-time password and end the account’s sessions',
        params: IdParams,
        response: responses({ 200: UserWithPassword }),
      },
    },
    async (request) => resetPassword(request.ctx, request.params.id),
  );
};
