import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { EventView } from '../events/schemas.js';
import { PublishBody } from './schemas.js';
import { publishOutcome } from './service.js';

const tags = ['conferences'];

/** The chair's summary published: its recommendations enter the follow-up tracker. */
export const outcomeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/conferences/events/:id/outcome/publish',
    {
      config: { access: 'conference.manage' },
      schema: {
        tags,
        summary: 'Publish the chair’s summary; its recommendations enter the follow-up tracker',
        params: IdParams,
        body: PublishBody,
        response: responses({ 200: EventView }),
      },
    },
    async (request) => publishOutcome(request.ctx, request.params.id, request.body),
  );
};
