import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { MissionView } from '../schemas.js';
import { AppraisalBody, AppraisalParams, ComposeBody, CompositionView, ConfirmTeamBody } from './schemas.js';
import { appraiseMember, composeMissionTeam, confirmTeam } from './service.js';

const tags = ['missions'];

/** A mission's team: propose one with the optimiser, confirm it, appraise its members. */
export const teamRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
};
