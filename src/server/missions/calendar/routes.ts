import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { NoContent, responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { CreateFeedTokenBody, FeedIdParams, FeedParams, FeedToken, NewFeedToken } from './schemas.js';
import { createFeedToken, expertFeed, listFeedTokens, missionsFeed, revokeFeedToken } from './service.js';

const tags = ['missions'];
const Ics = Type.String({ description: 'An iCalendar (RFC 5545) feed.' });
const ICS_TYPE = 'text/calendar; charset=utf-8';

/** Calendar feeds of deployments and missions, and the private addresses that open them. */
export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/calendar/tokens',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Your calendar feed addresses', response: responses({ 200: Type.Array(FeedToken) }) },
    },
    async (request) => listFeedTokens(request.ctx),
  );

  app.post(
    '/calendar/tokens',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Create a private calendar feed address (shown once)',
        body: CreateFeedTokenBody,
        response: responses({ 201: NewFeedToken }),
      },
    },
    async (request, reply) => reply.code(201).send(await createFeedToken(request.ctx, request.body.label)),
  );

  app.delete(
    '/calendar/tokens/:id',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Revoke a calendar feed address', params: IdParams, response: responses({ 204: NoContent }) },
    },
    async (request, reply) => {
      await revokeFeedToken(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  const feed = { tags, produces: ['text/calendar'], response: responses({ 200: Ics }) };
  app.get(
    '/calendar/feeds/:token/mine.ics',
    { config: { access: 'public' }, schema: { ...feed, summary: 'The token owner’s deployments', params: FeedParams } },
    async (request, reply) => reply.type(ICS_TYPE).send(await expertFeed(request.ctx, request.params.token)),
  );
  app.get(
    '/calendar/feeds/:token/experts/:id.ics',
    { config: { access: 'public' }, schema: { ...feed, summary: 'One expert’s deployments', params: FeedIdParams } },
    async (request, reply) => reply.type(ICS_TYPE).send(await expertFeed(request.ctx, request.params.token, request.params.id)),
  );
  app.get(
    '/calendar/feeds/:token/missions.ics',
    { config: { access: 'public' }, schema: { ...feed, summary: 'All missions', params: FeedParams } },
    async (request, reply) => reply.type(ICS_TYPE).send(await missionsFeed(request.ctx, request.params.token)),
  );
  app.get(
    '/calendar/feeds/:token/missions/:id.ics',
    { config: { access: 'public' }, schema: { ...feed, summary: 'One mission', params: FeedIdParams } },
    async (request, reply) => reply.type(ICS_TYPE).send(await missionsFeed(request.ctx, request.params.token, request.params.id)),
  );
};
