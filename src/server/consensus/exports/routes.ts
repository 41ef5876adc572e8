import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sendAttachment } from '../../files/attachment.js';
import { responses } from '../../http/responses.js';
import { DocumentParams } from '../schemas.js';
import { aknExport, docxExport, pdfExport } from './service.js';

const tags = ['consensus'];
const RevisionQuery = Type.Object({ revision: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });
const File = Type.String({ description: 'The file' });

/** The text as Akoma Ntoso XML, PDF and DOCX: adopted texts for anyone, revisions for those who follow negotiations. */
export const exportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/consensus/documents/:id/text.xml',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Akoma Ntoso 3.0 XML of a revision or the adopted decision',
        params: DocumentParams,
        querystring: RevisionQuery,
        produces: ['application/akn+xml'],
        response: responses({ 200: File }),
      },
    },
    async (request, reply) =>
      sendAttachment(reply, { kind: 'xml', ...(await aknExport(request.ctx, request.params.id, request.query.revision)) }),
  );
  app.get(
    '/consensus/documents/:id/text.pdf',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The official PDF',
        params: DocumentParams,
        querystring: RevisionQuery,
        produces: ['application/pdf'],
        response: responses({ 200: File }),
      },
    },
    async (request, reply) =>
      sendAttachment(reply, { kind: 'pdf', ...(await pdfExport(request.ctx, request.params.id, request.query.revision)) }),
  );
  app.get(
    '/consensus/documents/:id/text.docx',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'An editable DOCX',
        params: DocumentParams,
        querystring: RevisionQuery,
        response: responses({ 200: File }),
      },
    },
    async (request, reply) =>
      sendAttachment(reply, { kind: 'docx', ...(await docxExport(request.ctx, request.params.id, request.query.revision)) }),
  );
};
