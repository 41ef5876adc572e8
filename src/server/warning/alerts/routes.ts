import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sendAttachment } from '../../files/attachment.js';
import { responses } from '../../http/responses.js';
import { IdParams } from '../schemas.js';
import {
  AlertExportQuery,
  AlertPage,
  AlertQuery,
  AlertView,
  BulkDecisionBody,
  BulkDecisionView,
  DecisionBody,
} from './schemas.js';
import { decideOnAlert, decideOnAlerts, exportAlerts, listAlerts } from './service.js';

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
        summary: 'A page of alerts with the values that fired them, filtered by status, country, indicator, level and rule',
        querystring: AlertQuery,
        response: responses({ 200: AlertPage }),
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
        querystring: AlertExportQuery,
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

  app.post(
    '/warning/alerts/decisions',
    {
      config: { access: 'warning.alert.decide' },
      schema: {
        tags,
        summary: 'Acknowledge or dismiss several open alerts with one note (each audited)',
        body: BulkDecisionBody,
        response: responses({ 200: BulkDecisionView }),
      },
    },
    async (request) => decideOnAlerts(request.ctx, request.body),
  );
};
