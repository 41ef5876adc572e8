import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { LangQuery } from '../schemas.js';
import {
  CreateOrganisationBody,
  OrganisationPage,
  OrganisationQuery,
  OrganisationView,
  UpdateOrganisationBody,
} from './schemas.js';
import { createOrganisation, getOrganisation, listOrganisations, updateOrganisation } from './service.js';

const tags = ['directory'];

export const organisationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/directory/organisations',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Organisations: OSCE structures, partners, authorities, NGOs and academia',
        querystring: OrganisationQuery,
        response: responses({ 200: OrganisationPage }),
      },
    },
    async (request) => listOrganisations(request.ctx, request.query),
  );

  app.get(
    '/directory/organisations/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One organisation with the countries it works in',
        params: IdParams,
        querystring: Type.Object(LangQuery, { additionalProperties: false }),
        response: responses({ 200: OrganisationView }),
      },
    },
    async (request) => getOrganisation(request.ctx, request.params.id, request.query.lang),
  );

  app.post(
    '/directory/organisations',
    {
      config: { access: 'directory.manage' },
      schema: {
        tags,
        summary: 'Add an organisation',
        body: CreateOrganisationBody,
        response: responses({ 201: OrganisationView }),
      },
    },
    async (request, reply) => reply.code(201).send(await createOrganisation(request.ctx, request.body)),
  );

  app.patch(
    '/directory/organisations/:id',
    {
      config: { access: 'directory.edit' },
      schema: {
        tags,
        summary: 'Change an organisation; its focal point may change its profile',
        params: IdParams,
        body: UpdateOrganisationBody,
        response: responses({ 200: OrganisationView }),
      },
    },
    async (request) => updateOrganisation(request.ctx, request.params.id, request.body),
  );
};
