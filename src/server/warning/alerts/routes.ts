import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sendAttachment } from '../../files/attachment.js';
import { responses } from '../../http/responses.js';
import { IdParams } from '../schemas.js';
import { AlertQuery, AlertView, DecisionBody } from './schemas.js';
import { decideOnAlert, exportAlerts, listAlerts } from './service.js';

const tags = ['early warning'];
const CsvText = Type.String({ description: 'CSV; with hxl=true a row of HXL hashtags follows the labels.' });

/** The alerts the rules raised and the decisions on them. */
export const alertRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/warning/alerts',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Alerts with the values that fired them',
        querystring: AlertQuery,
        response: responses({ 200: Type.Array(AlertView) }),
      },
    },
    async (request) => listAlerts(request.ctx, request.query),
  );

  app.get(
    '/warning/alerts/export.csv',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Alerts as CSV (optionally HXL)',
        querystring: AlertQuery,
        produces: ['text/csv'],
        response: responses({ 200: CsvText }),
      },
    },
    async (request, reply) =>
      sendAttachment(reply, {
        kind: 'csv',
        filename: 'crossroads-alerts.csv',
        body: await exportAlerts(request.ctx, request.query),
      }),
  );

  app.post(
    '/warning/alerts/:id/decision',
    {
      config: { access: 'warning.alert.decide' },
      schema: {
        tags,
        summary: 'Acknowledge or dismiss an open alert, with a note',
        params: IdParams,
        body: DecisionBody,
        response: responses({ 200: AlertView }),
      },
    },
    async (request) => decideOnAlert(request.ctx, request.params.id, request.body),
  );
};
