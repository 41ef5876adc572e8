import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { streamProgress, wantsProgress } from '../../files/progress-stream.js';
import { Problem } from '../../http/problems.js';
import { responses } from '../../http/responses.js';
import { BatchView, ImportQuery, ImportReport } from './schemas.js';
import { importFile, listBatches } from './service.js';

const tags = ['early warning'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The largest indicator file accepted (the full UNHCR population table is about 10 MB). */
export const IMPORT_MAX_BYTES = 32 * 1024 * 1024;

export const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The file is sent as it is, not wrapped in JSON: these parsers apply to this plugin's routes only.
  app.addContentTypeParser(
    ['text/csv', XLSX, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/warning/imports',
    {
      config: { access: 'warning.import' },
      schema: { tags, summary: 'The latest indicator imports', response: responses({ 200: Type.Array(BatchView) }) },
    },
    async (request) => listBatches(request.ctx),
  );

  app.post(
    '/warning/imports',
    {
      // Streams its progress while it reads; the import itself is one transaction of its own.
      config: { access: 'warning.import', transaction: false },
      bodyLimit: IMPORT_MAX_BYTES,
      schema: {
        tags,
        summary: 'Import indicator values from a CSV or XLSX file; all or nothing, with a dry run',
        description:
          'Send the file as the body (text/csv, XLSX or application/octet-stream): a UNHCR Refugee Data Finder table, a UNHCR ' +
          'sea-arrivals series, a sheet with HXL hashtags, or any sheet with a column mapping. With `Accept: application/x-ndjson` ' +
          'the answer streams progress lines ({"type":"progress",…}) and ends with {"type":"report",…} or {"type":"problem",…}.',
        querystring: ImportQuery,
        response: responses({ 200: ImportReport }),
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body))
        throw new Problem('unsupported_media_type', 'Send the file itself as the body (text/csv or XLSX).');
      const type = String(request.headers['content-type'] ?? '');
      const query = {
        ...request.query,
        sheet: type.startsWith(XLSX) ? ('xlsx' as const) : type.startsWith('text/csv') ? ('csv' as const) : undefined,
      };
      if (!wantsProgress(request)) return importFile(request.ctx, body, query);
      return streamProgress(request, reply, (onProgress) => importFile(request.ctx, body, query, onProgress));
    },
  );
};
