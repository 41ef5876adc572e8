import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { responses } from '../http/responses.js';
import {
  CodedView,
  CountryQuery,
  CountryView,
  Iso2Params,
  LangQuery,
  StructureQuery,
  StructureView,
  UpdateCountryBody,
} from './schemas.js';
import { getCountry, listCoded, listCountries, listStructures, updateCountry } from './service.js';

const tags = ['reference data'];

export const referenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/countries',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Countries with OSCE status, sub-region and field operations',
        querystring: CountryQuery,
        response: responses({ 200: Type.Array(CountryView) }),
      },
    },
    async (request) => listCountries(request.ctx, request.query),
  );

  app.get(
    '/countries/:iso2',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One country',
        params: Iso2Params,
        querystring: LangQuery,
        response: responses({ 200: CountryView }),
      },
    },
    async (request) => getCountry(request.ctx, request.params.iso2, request.query.lang),
  );

  app.patch(
    '/countries/:iso2',
    {
      config: { access: 'reference.edit' },
      schema: {
        tags,
        summary: 'Correct a country’s reference data',
        params: Iso2Params,
        body: UpdateCountryBody,
        response: responses({ 200: CountryView }),
      },
    },
    async (request) => updateCountry(request.ctx, request.params.iso2, request.body),
  );

  app.get(
    '/structures',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'OSCE executive structures and field operations',
        querystring: StructureQuery,
        response: responses({ 200: Type.Array(StructureView) }),
      },
    },
    async (request) => listStructures(request.ctx, request.query),
  );

  for (const kind of ['dimensions', 'key-areas', 'competences', 'languages'] as const) {
    app.get(
      `/reference/${kind}`,
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: `The ${kind.replace('-', ' ')} of the reference data`,
          querystring: LangQuery,
          response: responses({ 200: Type.Array(CodedView) }),
        },
      },
      async (request) => listCoded(request.ctx, kind, request.query.lang),
    );
  }
};
