import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { responses } from '../http/responses.js';

const Health = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
});

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Whether the process answers (liveness); it asks nothing of the database',
        description:
          'For a liveness probe: cheap, and 200 while the process runs even if its database is away; `/api/ready` says whether it can serve.',
        response: responses({ 200: Health }),
      },
    },
    async () => {
      return { status: 'ok' as const, database: app.database.backend };
    },
  );
};
