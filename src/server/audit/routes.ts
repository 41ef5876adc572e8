import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sendAttachment, today } from '../files/attachment.js';
import { responses } from '../http/responses.js';
import { AuditCatalogueView, AuditExportQuery, AuditPage, AuditQuery } from './schemas.js';
import { exportAuditEntries, listAuditEntries, readAuditCatalogue } from './service.js';

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/audit',
    {
      config: { access: 'audit.read' },
      schema: { tags, summary: 'The audit log, newest first', querystring: AuditQuery, response: responses({ 200: AuditPage }) },
    },
    async (request) => listAuditEntries(request.ctx, request.query),
  );

  app.get(
    '/audit/catalogue',
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: 'The actions and record types the audit log records, declared by the domains',
        response: responses({ 200: AuditCatalogueView }),
      },
    },
    async (request) => readAuditCatalogue(request.ctx),
  );

  app.get(
    '/audit/export.csv',
    {
      config: { access: 'audit.export' },
      schema: {
        tags,
        summary: 'The filtered audit log as CSV',
        querystring: AuditExportQuery,
        produces: ['text/csv'],
        response: responses({ 200: Type.String({ description: 'CSV, one row per entry.' }) }),
      },
    },
    async (request, reply) => {
      const body = await exportAuditEntries(request.ctx, request.query);
      return sendAttachment(reply, { kind: 'csv', filename: `crossroads-audit-${today()}.csv`, body });
    },
  );
};
