import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { MissionSummary, MissionView } from '../schemas.js';
import { CreateMissionBody, MissionQuery, TransitionBody, UpdateMissionBody } from './schemas.js';
import { createMission, getMission, listMissions, transitionMission, updateMission } from './service.js';

const tags = ['missions'];

/** Missions: draft, edit, read and move along the lifecycle. */
export const lifecycleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/missions',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Missions, newest first',
        querystring: MissionQuery,
        response: responses({ 200: Type.Array(MissionSummary) }),
      },
    },
    async (request) => listMissions(request.ctx, request.query),
  );

  app.post(
    '/missions',
    {
      config: { access: 'mission.create' },
      schema: {
        tags,
        summary: 'Draft a fact-finding mission',
        body: CreateMissionBody,
        response: responses({ 201: MissionView }),
      },
    },
    async (request, reply) => reply.code(201).send(await createMission(request.ctx, request.body)),
  );

  app.get(
    '/missions/:id',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'One mission', params: IdParams, response: responses({ 200: MissionView }) },
    },
    async (request) => getMission(request.ctx, request.params.id),
  );

  app.patch(
    '/missions/:id',
    {
      config: { access: 'mission.edit' },
      schema: {
        tags,
        summary: 'Edit a mission, its mandate and consent',
        params: IdParams,
        body: UpdateMissionBody,
        response: responses({ 200: MissionView }),
      },
    },
    async (request) => updateMission(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/missions/:id/transitions',
    {
      config: { access: 'mission.propose' },
      schema: {
        tags,
        summary: 'Move a mission along its lifecycle',
        description:
          'draft → proposed → approved → team confirmed (by confirming a team) → deployed (needs consent given) → reporting → closed, or cancelled. Invalid moves are answered 409 with the reason.',
        params: IdParams,
        body: TransitionBody,
        response: responses({ 200: MissionView }),
      },
    },
    async (request) => transitionMission(request.ctx, request.params.id, request.body),
  );
};
