import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '../../http/problems.js';
import { responses } from '../../http/responses.js';
import { OneForOneImportQuery, OneForOneImportReport, OneForOneView } from './schemas.js';
import { importOneForOne, oneForOne } from './service.js';

const tags = ['solidarity ledger'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The published table is a few rows; a megabyte leaves room for a workbook's overhead. */
const IMPORT_MAX_BYTES = 1024 * 1024;

/** The 1:1 scheme of the EU-Turkey statement: returns to Turkey against Syrians resettled from Turkey, per month. */
export const oneForOneRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The file is sent as it is, not wrapped in JSON: these parsers apply to this plugin's routes only.
  app.addContentTypeParser(
    ['text/csv', XLSX, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/solidarity/one-for-one',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Returns to Turkey and Syrians resettled from Turkey, per month, with their sources',
        response: responses({ 200: OneForOneView }),
      },
    },
    async (request) => oneForOne(request.ctx),
  );

  app.post(
    '/solidarity/one-for-one/import',
    {
      config: { access: 'solidarity.one_for_one.import' },
      bodyLimit: IMPORT_MAX_BYTES,
      schema: {
        tags,
        summary: 'Import the published cumulative figures (CSV or XLSX); all or nothing, replacing the monthly series',
        description:
          'Send the file as the body (text/csv, XLSX or application/octet-stream) with the columns as_of, ' +
          'syrians_resettled_from_turkey_cumulative, returns_to_turkey_cumulative, approximate, source_document and source_url. ' +
          'The increase between two report dates is assigned to the month of the later date. A bad cell answers 400 with ' +
          'an error per cell, its pointer /rows/<row>/<column>, and nothing is imported.',
        querystring: OneForOneImportQuery,
        response: responses({ 200: OneForOneImportReport }),
      },
    },
    async (request) => {
      const body = request.body;
      if (!Buffer.isBuffer(body))
        throw new Problem('unsupported_media_type', 'Send the file itself as the body (text/csv or XLSX).');
      const type = String(request.headers['content-type'] ?? '');
      const format = type.startsWith('text/csv') ? ('csv' as const) : type.startsWith(XLSX) ? ('xlsx' as const) : undefined;
      return importOneForOne(request.ctx, body, { format, fileName: request.query.fileName });
    },
  );
};
