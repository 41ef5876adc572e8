import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NoContent, responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { MarkedRead, NoticePage, NoticeQuery, UnreadCount } from '../schemas.js';
import { listNotices, markAllRead, markNoticeRead, unreadCount } from './service.js';

const tags = ['notifications'];

/** Each person's own notices: every route answers about the caller alone. */
export const inboxRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/notifications',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'The caller’s notifications, newest first',
        querystring: NoticeQuery,
        response: responses({ 200: NoticePage }),
      },
    },
    async (request) => listNotices(request.ctx, request.query),
  );

  app.get(
    '/notifications/unread-count',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'How many of the caller’s notifications are unread', response: responses({ 200: UnreadCount }) },
    },
    async (request) => unreadCount(request.ctx),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Mark one of the caller’s notifications read',
        params: IdParams,
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await markNoticeRead(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/notifications/read-all',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Mark all the caller’s notifications read', response: responses({ 200: MarkedRead }) },
    },
    async (request) => markAllRead(request.ctx),
  );
};
