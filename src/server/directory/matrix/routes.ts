import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sendAttachment, today } from '../../files/attachment.js';
import { streamProgress, wantsProgress } from '../../files/progress-stream.js';
import { Problem } from '../../http/problems.js';
import { responses } from '../../http/responses.js';
import { directoryConfig } from '../config.js';
import { ExportQuery, ImportQuery, ImportReport } from './schemas.js';
import { exportMatrix, importMatrix } from './service.js';

const tags = ['directory'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const matrixRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const bodyLimit = directoryConfig().importMaxBytes;
  // The sheet is sent as it is, not wrapped in JSON: these parsers apply to this plugin's routes only.
  app.addContentTypeParser(
    ['text/csv', XLSX, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/directory/matrix',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The 3W matrix of the activities the caller may see, as XLSX or CSV with a HXL row; audited',
        querystring: ExportQuery,
        produces: [XLSX, 'text/csv'],
        response: responses({ 200: Type.String({ description: 'The spreadsheet.' }) }),
      },
    },
    async (request, reply) => {
      const { body, format } = await exportMatrix(request.ctx, request.query);
      return sendAttachment(reply, { kind: format, filename: `crossroads-3w-${today()}.${format}`, body });
    },
  );

  app.post(
    '/directory/matrix/import',
    {
      // Streams its progress while it reads; the import itself is one transaction of its own.
      config: { access: 'directory.import', transaction: false },
      bodyLimit,
      schema: {
        tags,
        summary: 'Import a 3W sheet (CSV or XLSX); all or nothing, with a dry run',
        description:
          'Send the file as the body (text/csv, XLSX or application/octet-stream). With `Accept: application/x-ndjson` ' +
          'the answer streams progress lines ({"type":"progress",…}) and ends with {"type":"report",…} or {"type":"problem",…}.',
        querystring: ImportQuery,
        response: responses({ 200: ImportReport }),
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) {
        throw new Problem('unsupported_media_type', 'Send the spreadsheet itself as the body (text/csv or XLSX).');
      }
      const type = String(request.headers['content-type'] ?? '');
      const format = request.query.format ?? (type.startsWith('text/csv') ? 'csv' : type.startsWith(XLSX) ? 'xlsx' : undefined);
      const options = { format, dryRun: request.query.dryRun, mapping: request.query.mapping, fileName: request.query.fileName };
      if (!wantsProgress(request)) return importMatrix(request.ctx, body, options);
      return streamProgress(request, reply, (onProgress) => importMatrix(request.ctx, body, { ...options, onProgress }));
    },
  );
};
