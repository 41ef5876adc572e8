import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contentDisposition } from '../../files/attachment.js';
import { Problem } from '../../http/problems.js';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { MAX_UPLOAD_BYTES, MEDIA_TYPES } from './reader.js';
import { EditBody, FileQuery, Group, GroupBody, LibraryDocument, UploadQuery, VersionQuery } from './schemas.js';
import { addVersion, documentFile, editDocument, getDocument, listGroups, saveGroup, uploadDocument } from './service.js';

const tags = ['library'];
const DESCRIPTION =
  'Send the file itself as the body (PDF, DOCX, ODT or UTF-8 plain text; application/octet-stream is accepted too). ' +
  'Its type is found from its content, not its name or the declared type. Encrypted PDFs, PDFs with more pages ' +
  'than the library accepts and containers that expand far beyond their size are refused, and nothing is stored.';

const rawBody = (body: unknown): Buffer => {
  if (!Buffer.isBuffer(body)) throw new Problem('unsupported_media_type', 'Send the document itself as the body.');
  return body;
};

/** The library's documents: upload, versions, metadata, files, and the named groups restricted documents are open to. */
export const documentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Documents are sent as they are, not wrapped in JSON: these parsers apply to this plugin's routes only.
  app.addContentTypeParser(
    [...Object.values(MEDIA_TYPES), 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/library/documents',
    {
      // The file is read on a worker thread before anything is written, without a transaction held
      // open meanwhile; the writes then run in one transaction of their own (service.ts).
      config: { access: 'signed_in', transaction: false },
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags,
        summary: 'Add a document to the library (members and the co-ordinator)',
        description: DESCRIPTION,
        querystring: UploadQuery,
        response: responses({ 201: LibraryDocument }),
      },
    },
    async (request, reply) => reply.code(201).send(await uploadDocument(request.ctx, rawBody(request.body), request.query)),
  );

  app.post(
    '/library/documents/:id/versions',
    {
      // As above: the file is read first, then stored in one transaction.
      config: { access: 'signed_in', transaction: false },
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags,
        summary: 'Add a new version of a document’s file',
        description: DESCRIPTION,
        params: IdParams,
        querystring: VersionQuery,
        response: responses({ 201: LibraryDocument }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addVersion(request.ctx, request.params.id, rawBody(request.body), request.query.fileName)),
  );

  app.get(
    '/library/documents/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A document the caller may open, with its versions',
        params: IdParams,
        response: responses({ 200: LibraryDocument }),
      },
    },
    async (request) => getDocument(request.ctx, request.params.id),
  );

  app.patch(
    '/library/documents/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Change a document’s metadata or access',
        params: IdParams,
        body: EditBody,
        response: responses({ 200: LibraryDocument }),
      },
    },
    async (request) => editDocument(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/library/documents/:id/file',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A version’s file, to show (PDF preview) or to save; audited unless the document is public',
        params: IdParams,
        querystring: FileQuery,
        produces: Object.values(MEDIA_TYPES),
        response: responses({ 200: Type.String({ description: 'The file.' }) }),
      },
    },
    async (request, reply) => {
      const file = await documentFile(request.ctx, request.params.id, request.query);
      // Only a PDF is shown in the page; anything else is always saved, never rendered by the browser.
      const inline = request.query.disposition === 'inline' && file.media_type === MEDIA_TYPES.pdf;
      const disposition = contentDisposition(file.file_name);
      reply.type(file.media_type === MEDIA_TYPES.txt ? 'text/plain; charset=utf-8' : file.media_type);
      reply.header('content-disposition', inline ? disposition.replace(/^attachment/, 'inline') : disposition);
      if (inline) reply.header('x-library-inline', '1');
      return reply.send(Buffer.from(file.content));
    },
  );

  // The inline preview is framed by the document page on this origin, and by nothing else.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.getHeader('x-library-inline') === '1') {
      reply.removeHeader('x-library-inline');
      reply.header('x-frame-options', 'SAMEORIGIN');
      reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'self'");
    }
    return payload;
  });

  app.get(
    '/library/groups',
    {
      config: { access: 'network.manage' },
      schema: {
        tags,
        summary: 'The named groups restricted documents are open to',
        response: responses({ 200: Type.Array(Group) }),
      },
    },
    async (request) => listGroups(request.ctx),
  );
  app.post(
    '/library/groups',
    {
      config: { access: 'network.manage' },
      schema: { tags, summary: 'Create a named group', body: GroupBody, response: responses({ 201: Group }) },
    },
    async (request, reply) => reply.code(201).send(await saveGroup(request.ctx, request.body)),
  );
  app.put(
    '/library/groups/:id',
    {
      config: { access: 'network.manage' },
      schema: {
        tags,
        summary: 'Rename a group and set its members',
        params: IdParams,
        body: GroupBody,
        response: responses({ 200: Group }),
      },
    },
    async (request) => saveGroup(request.ctx, request.body, request.params.id),
  );
};
