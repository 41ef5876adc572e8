import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { ProjectParams } from '../follow-up/schemas.js';
import {
  ContributionList,
  ContributionParams,
  ContributionView,
  CreateContributionBody,
  UpdateContributionBody,
} from './schemas.js';
import { createContribution, listContributions, updateContribution } from './service.js';

const tags = ['reports'];

/** Extra-budgetary contributions pledged by States and donors to a recommendation's projects. */
export const contributionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/recommendations/:id/projects/:projectId/contributions',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'The contributions to a project, with totals per currency',
        params: ProjectParams,
        response: responses({ 200: ContributionList }),
      },
    },
    async (request) => listContributions(request.ctx, request.params.id, request.params.projectId),
  );

  app.post(
    '/recommendations/:id/projects/:projectId/contributions',
    {
      config: { access: 'report.follow_up' },
      schema: {
        tags,
        summary: 'Record a contribution pledged by a participating State or a donor organisation',
        params: ProjectParams,
        body: CreateContributionBody,
        response: responses({ 201: ContributionView }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createContribution(request.ctx, request.params.id, request.params.projectId, request.body)),
  );

  app.patch(
    '/recommendations/:id/projects/:projectId/contributions/:contributionId',
    {
      config: { access: 'report.follow_up' },
      schema: {
        tags,
        summary: 'Change a contribution; its status moves pledged → confirmed → received, or to withdrawn',
        params: ContributionParams,
        body: UpdateContributionBody,
        response: responses({ 200: ContributionView }),
      },
    },
    async (request) => updateContribution(request.ctx, request.params, request.body),
  );
};
