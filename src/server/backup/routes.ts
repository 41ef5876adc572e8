import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { responses } from '../http/responses.js';
import { createBackup } from './service.js';

export const backupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/backup',
    {
      config: { access: 'backup.create' },
      schema: {
        tags: ['platform'],
        summary: 'A consistent backup of the whole database (what `crossroads backup` fetches)',
        produces: ['application/x-ndjson'],
        response: responses({ 200: Type.String({ description: 'A Crossroads backup: JSON lines, see docs/backup.md.' }) }),
      },
    },
    async (request, reply) => {
      const backup = await createBackup(request.ctx);
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .type('application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="crossroads-backup-${stamp}.ndjson"`)
        .send(backup);
    },
  );
};
