import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { CampaignBody, CampaignLangQuery, CampaignPage, CampaignQuery, CampaignView } from './schemas.js';
import { createCampaign, editCampaign, getCampaign, listCampaigns } from './service.js';

const tags = ['awareness campaigns'];

/** Awareness-raising campaigns against xenophobia: public to read, kept by their organisers. */
export const campaignRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/incidents/campaigns',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Campaigns by country, audience, organiser or year',
        querystring: CampaignQuery,
        response: responses({ 200: CampaignPage }),
      },
    },
    async (request) => listCampaigns(request.ctx, request.query),
  );

  app.get(
    '/incidents/campaigns/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One campaign',
        params: IdParams,
        querystring: CampaignLangQuery,
        response: responses({ 200: CampaignView }),
      },
    },
    async (request) => getCampaign(request.ctx, request.params.id, request.query.lang),
  );

  app.post(
    '/incidents/campaigns',
    {
      config: { access: 'campaign.manage' },
      schema: { tags, summary: 'Record a campaign', body: CampaignBody, response: responses({ 201: CampaignView }) },
    },
    async (request, reply) => reply.code(201).send(await createCampaign(request.ctx, request.body)),
  );

  app.put(
    '/incidents/campaigns/:id',
    {
      config: { access: 'campaign.manage' },
      schema: {
        tags,
        summary: 'Change a campaign',
        params: IdParams,
        body: CampaignBody,
        response: responses({ 200: CampaignView }),
      },
    },
    async (request) => editCampaign(request.ctx, request.params.id, request.body),
  );
};
