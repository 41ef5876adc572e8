import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contentDisposition } from '../../files/attachment.js';
import { Problem } from '../../http/problems.js';
import { NoContent, responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { MAX_UPLOAD_BYTES, MEDIA_TYPES } from '../../network/documents/reader.js';
import { MaterialQuery, MaterialView } from './schemas.js';
import { materialFile, removeMaterial, uploadMaterial } from './service.js';

const tags = ['training'];

const rawBody = (body: unknown): Buffer => {
  if (!Buffer.isBuffer(body)) throw new Problem('unsupported_media_type', 'Send the file itself as the body.');
  return body;
};

/** A session's materials: files uploaded by its provider, downloaded by its participants and staff. */
export const materialRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Files are sent as they are, not wrapped in JSON: these parsers apply to this plugin's routes only.
  app.addContentTypeParser(
    [...Object.values(MEDIA_TYPES), 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/training/sessions/:id/materials',
    {
      // The file is read on a worker thread before anything is written, without a transaction held open meanwhile.
      config: { access: 'training.manage', transaction: false },
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags,
        summary: 'Attach a material (agenda, slides) to a session',
        description:
          'Send the file itself as the body (PDF, DOCX, ODT or UTF-8 plain text). Its type is found from its content, ' +
          'as for the library’s documents; hostile or unreadable files are refused and nothing is stored.',
        params: IdParams,
        querystring: MaterialQuery,
        response: responses({ 201: MaterialView }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await uploadMaterial(request.ctx, request.params.id, rawBody(request.body), request.query)),
  );

  app.get(
    '/training/materials/:id/file',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'A material’s file, for the session’s participants and its provider (audited)',
        params: IdParams,
        produces: Object.values(MEDIA_TYPES),
        response: responses({ 200: Type.String({ description: 'The file.' }) }),
      },
    },
    async (request, reply) => {
      const file = await materialFile(request.ctx, request.params.id);
      // Always saved, never rendered by the browser.
      reply.type(file.media_type === MEDIA_TYPES.txt ? 'text/plain; charset=utf-8' : file.media_type);
      reply.header('content-disposition', contentDisposition(file.file_name));
      return reply.send(Buffer.from(file.content));
    },
  );

  app.delete(
    '/training/materials/:id',
    {
      config: { access: 'training.manage' },
      schema: { tags, summary: 'Remove a material from its session', params: IdParams, response: responses({ 204: NoContent }) },
    },
    async (request, reply) => {
      await removeMaterial(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
