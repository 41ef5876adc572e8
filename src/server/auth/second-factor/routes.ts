import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NoContent, responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { SessionView } from '../schemas.js';
import { CodeBody, EnrolmentView, RecoveryCodes, RemoveBody, SecondFactorStatus, VerifyBody } from './schemas.js';
import {
  confirmEnrolment,
  removeOwnSecondFactor,
  resetSecondFactor,
  secondFactorStatus,
  startEnrolment,
  verifySecondFactor,
} from './service.js';

const tags = ['session'];
// The routes a session reaches before its second step is done, and during a forced password change.
const duringSignIn = { access: 'signed_in', allowDuringPasswordChange: true, allowDuringSecondFactor: true } as const;

export const secondFactorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/auth/second-factor',
    {
      config: duringSignIn,
      schema: { tags, summary: 'Whether one has a second factor, and must', response: responses({ 200: SecondFactorStatus }) },
    },
    async (request) => secondFactorStatus(request.ctx),
  );

  app.post(
    '/auth/second-factor/enrolment',
    {
      config: duringSignIn,
      schema: {
        tags,
        summary: 'Start setting up two-factor sign-in: a new secret, as a QR code and as text',
        response: responses({ 200: EnrolmentView }),
      },
    },
    async (request) => startEnrolment(request.ctx),
  );

  app.post(
    '/auth/second-factor/enrolment/confirm',
    {
      // Hashes ten recovery codes first: the service opens its one transaction after hashing.
      config: { ...duringSignIn, transaction: false },
      schema: {
        tags,
        summary: 'Confirm the set-up with a code; returns the ten recovery codes, once',
        body: CodeBody,
        response: responses({ 200: RecoveryCodes }),
      },
    },
    async (request) => confirmEnrolment(request.ctx, request.body),
  );

  app.post(
    '/auth/second-factor/verify',
    {
      // A wrong code must still be counted and audited: the service commits each step on its own.
      config: { ...duringSignIn, transaction: false },
      schema: {
        tags,
        summary: 'Finish signing in with a code from the authenticator app or a recovery code',
        body: VerifyBody,
        response: responses({ 200: SessionView }),
      },
    },
    async (request) => verifySecondFactor(request.ctx, request.body),
  );

  app.delete(
    '/auth/second-factor',
    {
      // A wrong password must still be counted: the service commits each step on its own.
      config: { access: 'signed_in', transaction: false },
      schema: {
        tags,
        summary: 'Remove one’s own second factor (with one’s password; not when one’s role requires it)',
        body: RemoveBody,
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await removeOwnSecondFactor(request.ctx, request.body);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/users/:id/second-factor',
    {
      config: { access: 'user.manage' },
      schema: {
        tags: ['users'],
        summary: 'Reset a person’s second factor (a lost phone); ends their sessions',
        params: IdParams,
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await resetSecondFactor(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
