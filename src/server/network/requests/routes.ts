import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { AnswerBody, BestAnswerBody, RequestBody, RequestDetail, RequestList, RequestQuery, SaveBody } from './schemas.js';
import { answerRequest, askRequest, chooseBestAnswer, getRequest, listRequests, saveToLibrary } from './service.js';

const tags = ['network'];
// Members are found from their membership, not a role: the service decides (members and the co-ordinator).
const access = { access: 'signed_in' } as const;

/** Requests for assistance: a member asks who has experience with something, members answer. */
export const requestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/network/requests',
    {
      config: access,
      schema: {
        tags,
        summary: 'The network’s requests for assistance',
        querystring: RequestQuery,
        response: responses({ 200: RequestList }),
      },
    },
    async (request) => listRequests(request.ctx, request.query),
  );
  app.post(
    '/network/requests',
    {
      config: access,
      schema: { tags, summary: 'Ask the network for assistance', body: RequestBody, response: responses({ 201: RequestDetail }) },
    },
    async (request, reply) => reply.code(201).send(await askRequest(request.ctx, request.body)),
  );
  app.get(
    '/network/requests/:id',
    {
      config: access,
      schema: {
        tags,
        summary: 'A request for assistance and its answers',
        params: IdParams,
        response: responses({ 200: RequestDetail }),
      },
    },
    async (request) => getRequest(request.ctx, request.params.id),
  );
  app.post(
    '/network/requests/:id/answers',
    {
      config: access,
      schema: {
        tags,
        summary: 'Answer a request for assistance',
        params: IdParams,
        body: AnswerBody,
        response: responses({ 201: RequestDetail }),
      },
    },
    async (request, reply) => reply.code(201).send(await answerRequest(request.ctx, request.params.id, request.body)),
  );
  app.put(
    '/network/requests/:id/best-answer',
    {
      config: access,
      schema: {
        tags,
        summary: 'Mark the best answer (the asker or the co-ordinator)',
        params: IdParams,
        body: BestAnswerBody,
        response: responses({ 200: RequestDetail }),
      },
    },
    async (request) => chooseBestAnswer(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/network/requests/:id/library',
    {
      // The document is checked on a worker thread before it is stored, as an upload is, without a
      // transaction held open meanwhile; the document and the request's link to it are then written
      // in one transaction of their own (documents/service.ts).
      config: { ...access, transaction: false },
      schema: {
        tags,
        summary: 'Save the best answer into the library as a good practice',
        params: IdParams,
        body: SaveBody,
        response: responses({ 201: RequestDetail }),
      },
    },
    async (request, reply) => reply.code(201).send(await saveToLibrary(request.ctx, request.params.id, request.body)),
  );
};
