import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sendAttachment } from '../../files/attachment.js';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { CertificateCheck, CodeParams, CompletionBody, CompletionView, PublicKeyView, RevocationBody } from './schemas.js';
import { certificateFile, checkCertificate, completeCourse, publicKey, revokeCertificate } from './service.js';

const tags = ['training'];

/** Completion, signed certificates, their public verification and revocation. */
export const certificateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/training/nominations/:id/completion',
    {
      config: { access: 'training.manage' },
      schema: {
        tags,
        summary: 'Record a completed course: issues the signed certificate and grants the roster prerequisite or competence',
        params: IdParams,
        body: CompletionBody,
        response: responses({ 201: CompletionView }),
      },
    },
    async (request, reply) => reply.code(201).send(await completeCourse(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/training/certificates/:code/pdf',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'The certificate as a signed PDF (its holder or the provider; audited)',
        params: CodeParams,
        produces: ['application/pdf'],
        response: responses({ 200: Type.String() }),
      },
    },
    async (request, reply) =>
      sendAttachment(reply, {
        kind: 'pdf',
        filename: `certificate-${request.params.code}.pdf`,
        body: await certificateFile(request.ctx, request.params.code),
      }),
  );

  app.post(
    '/training/certificates/:code/revocation',
    {
      config: { access: 'training.manage' },
      schema: {
        tags,
        summary: 'Revoke a certificate',
        params: CodeParams,
        body: RevocationBody,
        response: responses({ 200: CertificateCheck }),
      },
    },
    async (request) => revokeCertificate(request.ctx, request.params.code, request.body.reason),
  );

  app.get(
    '/training/verify/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Public verification of a certificate by its code (shows a revocation)',
        params: CodeParams,
        response: responses({ 200: CertificateCheck }),
      },
    },
    async (request) => checkCertificate(request.ctx, request.params.code),
  );

  app.get(
    '/training/public-key',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The organisation’s Ed25519 public key that verifies certificates offline',
        response: responses({ 200: PublicKeyView }),
      },
    },
    async (request) => publicKey(request.ctx),
  );
};
