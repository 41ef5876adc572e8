import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../schemas.js';
import { CreateFeedBody, FeedRunResult, FeedView, UpdateFeedBody } from './schemas.js';
import { createFeed, deleteFeed, listFeeds, runFeedNow, updateFeed } from './service.js';

const tags = ['early warning'];

/** Scheduled data feeds: addresses fetched on a schedule and imported like a file sent by hand. */
export const feedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/warning/feeds',
    {
      config: { access: 'warning.feed.edit' },
      schema: {
        tags,
        summary: 'The scheduled data feeds, with their last run and the import it made',
        response: responses({ 200: Type.Array(FeedView) }),
      },
    },
    async (request) => listFeeds(request.ctx),
  );

  app.post(
    '/warning/feeds',
    {
      config: { access: 'warning.feed.edit' },
      schema: {
        tags,
        summary: 'Add a data feed: an http(s) address answering a file the importers read, and a period; audited',
        body: CreateFeedBody,
        response: responses({ 201: FeedView }),
      },
    },
    async (request, reply) => reply.code(201).send(await createFeed(request.ctx, request.body)),
  );

  app.patch(
    '/warning/feeds/:id',
    {
      config: { access: 'warning.feed.edit' },
      schema: {
        tags,
        summary: 'Change a data feed; audited',
        params: IdParams,
        body: UpdateFeedBody,
        response: responses({ 200: FeedView }),
      },
    },
    async (request) => updateFeed(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/warning/feeds/:id',
    {
      config: { access: 'warning.feed.edit' },
      schema: {
        tags,
        summary: 'Remove a data feed (what it imported stays); audited',
        params: IdParams,
        response: responses({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await deleteFeed(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/warning/feeds/:id/run',
    {
      // Not in one transaction: the claim must commit before the fetch, so that every instance sees
      // it, and the import opens its own transaction (all or nothing).
      config: { access: 'warning.feed.edit', transaction: false },
      schema: {
        tags,
        summary:
          'Run a data feed now, once across every instance (409 while it runs); a failed run answers 200 with its error; audited',
        params: IdParams,
        response: responses({ 200: FeedRunResult }),
      },
    },
    async (request) =>
      runFeedNow(request.ctx, request.params.id, (error) =>
        request.log.error(
          { feed: request.params.id, error: error instanceof Error ? error.message : String(error) },
          'data feed run failed',
        ),
      ),
  );
};
