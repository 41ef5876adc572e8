import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { CommentBody, NoticeBody, NoticeDetail, NoticeList, NoticeQuery } from './schemas.js';
import { acknowledge, comment, getNotice, listNotices, postNotice } from './service.js';

const tags = ['network'];
// Members are found from their membership, not a role: the service decides (members and the co-ordinator).
const access = { access: 'signed_in' } as const;

/** Notices to the network, their acknowledgements and their discussion. */
export const noticeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/network/notices',
    {
      config: access,
      schema: {
        tags,
        summary: 'Notices the caller sent or was sent',
        querystring: NoticeQuery,
        response: responses({ 200: NoticeList }),
      },
    },
    async (request) => listNotices(request.ctx, request.query),
  );
  app.post(
    '/network/notices',
    {
      config: access,
      schema: {
        tags,
        summary: 'Post a notice to the network or a sub-region',
        body: NoticeBody,
        response: responses({ 201: NoticeDetail }),
      },
    },
    async (request, reply) => reply.code(201).send(await postNotice(request.ctx, request.body)),
  );
  app.get(
    '/network/notices/:id',
    {
      config: access,
      schema: {
        tags,
        summary: 'A notice, its discussion and (for its sender) its acknowledgements',
        params: IdParams,
        response: responses({ 200: NoticeDetail }),
      },
    },
    async (request) => getNotice(request.ctx, request.params.id),
  );
  app.post(
    '/network/notices/:id/acknowledge',
    {
      config: access,
      schema: { tags, summary: 'Acknowledge a notice', params: IdParams, response: responses({ 200: NoticeDetail }) },
    },
    async (request) => acknowledge(request.ctx, request.params.id),
  );
  app.post(
    '/network/notices/:id/comments',
    {
      config: access,
      schema: {
        tags,
        summary: 'Add to a notice’s discussion',
        params: IdParams,
        body: CommentBody,
        response: responses({ 201: NoticeDetail }),
      },
    },
    async (request, reply) => reply.code(201).send(await comment(request.ctx, request.params.id, request.body)),
  );
};
