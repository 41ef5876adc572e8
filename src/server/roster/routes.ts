import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../http/responses.js';
import { IdParams } from '../http/schemas.js';
import { expertAccountRoutes } from './account/routes.js';
import { CreateExpertBody, ExpertView, MyProfileView, RosterPage, RosterQuery, UpdateExpertBody } from './schemas.js';
import { getExpert, myProfile, nominateExpert, searchRoster, updateExpert } from './service.js';

const tags = ['roster'];

export const rosterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(expertAccountRoutes);
  app.get(
    '/roster/experts',
    {
      config: { access: 'expert.search' },
      schema: {
        tags,
        summary: 'Search the expert roster, with counts',
        querystring: RosterQuery,
        response: responses({ 200: RosterPage }),
      },
    },
    async (request) => searchRoster(request.ctx, request.query),
  );

  app.post(
    '/roster/experts',
    {
      config: { access: 'expert.nominate' },
      schema: {
        tags,
        summary: 'Nominate an expert to the roster',
        body: CreateExpertBody,
        response: responses({ 201: ExpertView }),
      },
    },
    async (request, reply) => reply.code(201).send(await nominateExpert(request.ctx, request.body)),
  );

  app.get(
    '/roster/me',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'The signed-in person’s own roster profile', response: responses({ 200: MyProfileView }) },
    },
    async (request) => myProfile(request.ctx),
  );

  app.get(
    '/roster/experts/:id',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'One expert’s profile', params: IdParams, response: responses({ 200: ExpertView }) },
    },
    async (request) => getExpert(request.ctx, request.params.id),
  );

  app.patch(
    '/roster/experts/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Edit an expert’s profile and availability (the expert, or their structure or State)',
        params: IdParams,
        body: UpdateExpertBody,
        response: responses({ 200: ExpertView }),
      },
    },
    async (request) => updateExpert(request.ctx, request.params.id, request.body),
  );
};
