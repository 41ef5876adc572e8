import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sendAttachment, today } from '../../files/attachment.js';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { PublicParticipantList, RegistrationExportQuery, RegistrationList, StatisticsView } from './schemas.js';
import { exportRegistrations, fullRegistrations, publicParticipants, statistics } from './service.js';

const tags = ['conferences'];

/** Who takes part: the public list, the organiser's full list and the statistics. */
export const participantRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/conferences/events/:id/participants',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The participant list: confirmed participants who consented to appear on it',
        params: IdParams,
        response: responses({ 200: PublicParticipantList }),
      },
    },
    async (request) => publicParticipants(request.ctx, request.params.id),
  );

  app.get(
    '/conferences/events/:id/registrations',
    {
      config: { access: 'conference.manage' },
      schema: {
        tags,
        summary: 'Every registration with its personal details, for the organiser (the reading is audited)',
        params: IdParams,
        response: responses({ 200: RegistrationList }),
      },
    },
    async (request) => fullRegistrations(request.ctx, request.params.id),
  );

  app.get(
    '/conferences/events/:id/registrations/export',
    {
      config: { access: 'conference.manage' },
      schema: {
        tags,
        summary: 'Every registration as CSV or XLSX, for the organiser (audited like the list)',
        params: IdParams,
        querystring: RegistrationExportQuery,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: responses({ 200: Type.String() }),
      },
    },
    async (request, reply) =>
      sendAttachment(reply, {
        kind: request.query.format,
        filename: `registrations-${today()}.${request.query.format}`,
        body: await exportRegistrations(request.ctx, request.params.id, request.query),
      }),
  );

  app.get(
    '/conferences/events/:id/statistics',
    {
      config: { access: 'conference.manage' },
      schema: {
        tags,
        summary: 'Participation by State, organisation type, sub-region and East or West of Vienna, with the balance index',
        params: IdParams,
        response: responses({ 200: StatisticsView }),
      },
    },
    async (request) => statistics(request.ctx, request.params.id),
  );
};
