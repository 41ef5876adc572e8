import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sendAttachment, today } from '../files/attachment.js';
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
      return sendAttachment(reply, { kind: 'ndjson', filename: `crossroads-backup-${today()}.ndjson`, body: backup });
    },
  );
};
