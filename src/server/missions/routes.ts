import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { NoContent, responses } from '../http/responses.js';
import { IdParams } from '../http/schemas.js';
import { portfolioBalance } from './balance.js';
import {
  CreateFeedTokenBody,
  createFeedToken,
  expertFeed,
  FeedIdParams,
  FeedParams,
  FeedToken,
  listFeedTokens,
  missionsFeed,
  NewFeedToken,
  revokeFeedToken,
} from './calendar.js';
import {
  AppraisalBody,
  AppraisalParams,
  BalanceQuery,
  BalanceView,
  ComposeBody,
  CompositionView,
  ConfirmTeamBody,
  CreateMissionBody,
  MissionQuery,
  MissionSummary,
  MissionView,
  TransitionBody,
  UpdateMissionBody,
} from './schemas.js';
import { createMission, getMission, listMissions, transitionMission, updateMission } from './service.js';
import { appraiseMember, composeMissionTeam, confirmTeam } from './team-service.js';

const tags = ['missions'];
const Ics = Type.String({ description: 'An iCalendar (RFC 5545) feed.' });
const ICS_TYPE = 'text/calendar; charset=utf-8';

export const missionRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
    '/missions/balance',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Geographical balance of the mission portfolio, and a proposed mission’s effect on it',
        description:
          'Visits (mission × host country) by sub-region, field-operation host vs other States, and east vs west of Vienna. The balance index of a grouping is the normalised Shannon entropy −Σ pᵢ ln pᵢ ÷ ln K over its K categories (1 even, 0 all in one); the portfolio index is the mean of the three.',
        querystring: BalanceQuery,
        response: responses({ 200: BalanceView }),
      },
    },
    async (request) => portfolioBalance(request.ctx, request.query),
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

  app.post(
    '/missions/:id/compose',
    {
      config: { access: 'mission.compose' },
      schema: {
        tags,
        summary: 'Propose the best team (HiGHS), or a diagnosis when there is none',
        params: IdParams,
        body: ComposeBody,
        response: responses({ 200: CompositionView }),
      },
    },
    async (request) => composeMissionTeam(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/missions/:id/team',
    {
      config: { access: 'mission.compose' },
      schema: {
        tags,
        summary: 'Confirm the team and book its members',
        params: IdParams,
        body: ConfirmTeamBody,
        response: responses({ 200: MissionView }),
      },
    },
    async (request) => confirmTeam(request.ctx, request.params.id, request.body),
  );

  app.put(
    '/missions/:id/team/:expertId/appraisal',
    {
      config: { access: 'mission.manage' },
      schema: {
        tags,
        summary: 'Appraise a member’s work on a deployed mission',
        params: AppraisalParams,
        body: AppraisalBody,
        response: responses({ 200: MissionView }),
      },
    },
    async (request) => appraiseMember(request.ctx, request.params.id, request.params.expertId, request.body),
  );

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
