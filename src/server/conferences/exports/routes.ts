import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sendAttachment } from '../../files/attachment.js';
import { XLSX_TYPE } from '../../files/sheet-writer.js';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { LangQuery } from '../../reference/schemas.js';
import { RegistrationExportQuery } from '../participants/schemas.js';
import { agendaFile, badgesFile, statisticsFile } from './service.js';

const tags = ['conferences'];
const FileBody = Type.String({ description: 'The file.' });

/** The statistics as a spreadsheet, the agenda and the badges as PDF. */
export const exportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/conferences/events/:id/statistics/export',
    {
      config: { access: 'conference.manage' },
      schema: {
        tags,
        summary: 'The participation statistics as CSV or XLSX, for the organiser',
        params: IdParams,
        querystring: RegistrationExportQuery,
        produces: ['text/csv', XLSX_TYPE],
        response: responses({ 200: FileBody }),
      },
    },
    async (request, reply) => sendAttachment(reply, await statisticsFile(request.ctx, request.params.id, request.query.format)),
  );

  app.get(
    '/conferences/events/:id/agenda.pdf',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The agenda as a PDF (a restricted event’s for those signed in), in the language asked for, else the reader’s',
        params: IdParams,
        querystring: LangQuery,
        produces: ['application/pdf'],
        response: responses({ 200: FileBody }),
      },
    },
    async (request, reply) => sendAttachment(reply, await agendaFile(request.ctx, request.params.id, request.query.lang)),
  );

  app.get(
    '/conferences/events/:id/badges.pdf',
    {
      config: { access: 'conference.manage' },
      schema: {
        tags,
        summary: 'Name badges of the confirmed participants, each with its check-in QR code (audited)',
        params: IdParams,
        produces: ['application/pdf'],
        response: responses({ 200: FileBody }),
      },
    },
    async (request, reply) => sendAttachment(reply, await badgesFile(request.ctx, request.params.id)),
  );
};
