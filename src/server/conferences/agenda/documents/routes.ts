import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contentDisposition } from '../../../files/attachment.js';
import { Problem } from '../../../http/problems.js';
import { responses } from '../../../http/responses.js';
import { MAX_UPLOAD_BYTES, MEDIA_TYPES } from '../../../network/documents/reader.js';
import { EventView } from '../../events/schemas.js';
import { DocumentFileQuery, DocumentParams, DocumentUploadQuery, SessionDocumentParams } from './schemas.js';
import { deleteDocument, documentFile, uploadDocument } from './service.js';

const tags = ['conferences'];

const rawBody = (body: unknown): Buffer => {
  if (!Buffer.isBuffer(body)) throw new Problem('unsupported_media_type', 'Send the document itself as the body.');
  return body;
};

/** Documents attached to the sessions of an agenda: upload, download and removal. */
export const sessionDocumentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Documents are sent as they are, not wrapped in JSON: these parsers apply to this plugin's routes only.
  app.addContentTypeParser(
    [...Object.values(MEDIA_TYPES), 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/conferences/events/:id/sessions/:sessionId/documents',
    {
      // The file is read on a worker thread before anything is written, without a transaction held open meanwhile.
      config: { access: 'conference.manage', transaction: false },
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags,
        summary: 'Attach a document to a session (PDF, DOCX, ODT or plain text, checked by its content as the library does)',
        description:
          'Send the file itself as the body. Its type is found from its content, not its name; hostile, encrypted or ' +
          'oversized files are refused and nothing is stored.',
        params: SessionDocumentParams,
        querystring: DocumentUploadQuery,
        response: responses({ 201: EventView }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await uploadDocument(request.ctx, request.params.id, request.params.sessionId, rawBody(request.body), request.query),
        ),
  );

  app.get(
    '/conferences/events/:id/documents/:documentId/file',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A session’s document, for whoever it is open to (audited)',
        params: DocumentParams,
        querystring: DocumentFileQuery,
        produces: Object.values(MEDIA_TYPES),
        response: responses({ 200: Type.String({ description: 'The file.' }) }),
      },
    },
    async (request, reply) => {
      const file = await documentFile(request.ctx, request.params.id, request.params.documentId, request.query.ticket);
      reply.type(file.media_type === MEDIA_TYPES.txt ? 'text/plain; charset=utf-8' : file.media_type);
      reply.header('content-disposition', contentDisposition(file.file_name));
      reply.header('x-content-type-options', 'nosniff');
      return reply.send(Buffer.from(file.content));
    },
  );

  app.delete(
    '/conferences/events/:id/documents/:documentId',
    {
      config: { access: 'conference.manage' },
      schema: {
        tags,
        summary: 'Remove a document from its session',
        params: DocumentParams,
        response: responses({ 200: EventView }),
      },
    },
    async (request) => deleteDocument(request.ctx, request.params.id, request.params.documentId),
  );
};
