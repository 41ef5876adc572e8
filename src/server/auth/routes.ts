import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '../http/problems.js';
import { NoContent, responses } from '../http/responses.js';
import { SESSION_COOKIE } from '../http/session.js';
import { ChangePasswordBody, SessionView, SignInBody, UpdateAccountBody } from './schemas.js';
import { secondFactorRoutes } from './second-factor/routes.js';
import { changePassword, presentSession, signIn, signOut, updateAccount } from './service.js';

const tags = ['session'];

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(secondFactorRoutes);

  app.post(
    '/auth/login',
    {
      // A refused sign-in must still be counted and audited, and the attempt is reserved under a
      // lock before the password is checked: the service commits each step on its own.
      config: { access: 'public', transaction: false },
      schema: { tags, summary: 'Sign in with email and password', body: SignInBody, response: responses({ 200: SessionView }) },
    },
    async (request, reply) => {
      const result = await signIn(request.ctx, request.body, {
        userAgent: request.headers['user-agent'] ?? null,
        presentedToken: request.cookies[SESSION_COOKIE],
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        path: '/',
        maxAge: result.absoluteHours * 3600,
      });
      return result.session;
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'signed_in', allowDuringPasswordChange: true, allowDuringSecondFactor: true },
      schema: { tags, summary: 'Sign out', response: responses({ 204: NoContent }) },
    },
    async (request, reply) => {
      await signOut(request.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/session',
    {
      config: { access: 'signed_in', allowDuringPasswordChange: true, allowDuringSecondFactor: true },
      schema: { tags, summary: 'The current session, its CSRF token and permissions', response: responses({ 200: SessionView }) },
    },
    async (request) => {
      if (!request.actor) throw new Problem('unauthenticated');
      return presentSession(request.actor);
    },
  );

  app.patch(
    '/auth/account',
    {
      config: { access: 'signed_in', allowDuringPasswordChange: true },
      schema: {
        tags,
        summary: 'Change one’s own name or interface language',
        body: UpdateAccountBody,
        response: responses({ 200: SessionView }),
      },
    },
    async (request) => updateAccount(request.ctx, request.body),
  );

  app.post(
    '/auth/password',
    {
      // A wrong current password must still be counted and audited: the service commits each step on its own.
      config: { access: 'signed_in', allowDuringPasswordChange: true, transaction: false },
      schema: {
        tags,
        summary: 'Change one’s own password (ends one’s other sessions)',
        body: ChangePasswordBody,
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await changePassword(request.ctx, request.body);
      return reply.code(204).send(null);
    },
  );
};
