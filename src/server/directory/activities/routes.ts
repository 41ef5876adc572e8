import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { NoContent, responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { LangQuery } from '../schemas.js';
import { ActivityPage, ActivityQuery, ActivityView, CreateActivityBody, UpdateActivityBody } from './schemas.js';
import { createActivity, deleteActivity, getActivity, listActivities, updateActivity } from './service.js';

const tags = ['directory'];

export const activityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/directory/activities',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Activities (who does what, where, when, for whom) the caller may see',
        querystring: ActivityQuery,
        response: responses({ 200: ActivityPage }),
      },
    },
    async (request) => listActivities(request.ctx, request.query),
  );

  app.get(
    '/directory/activities/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One activity, if the caller may see it',
        params: IdParams,
        querystring: Type.Object(LangQuery, { additionalProperties: false }),
        response: responses({ 200: ActivityView }),
      },
    },
    async (request) => getActivity(request.ctx, request.params.id, request.query.lang),
  );

  app.post(
    '/directory/activities',
    {
      config: { access: 'directory.edit' },
      schema: { tags, summary: 'Add an activity', body: CreateActivityBody, response: responses({ 201: ActivityView }) },
    },
    async (request, reply) => reply.code(201).send(await createActivity(request.ctx, request.body)),
  );

  app.patch(
    '/directory/activities/:id',
    {
      config: { access: 'directory.edit' },
      schema: {
        tags,
        summary: 'Change an activity',
        params: IdParams,
        body: UpdateActivityBody,
        response: responses({ 200: ActivityView }),
      },
    },
    async (request) => updateActivity(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/directory/activities/:id',
    {
      config: { access: 'directory.edit' },
      schema: { tags, summary: 'Remove an activity', params: IdParams, response: responses({ 204: NoContent }) },
    },
    async (request, reply) => {
      await deleteActivity(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
