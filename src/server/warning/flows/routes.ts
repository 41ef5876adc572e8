import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { Iso2Params } from '../risk/schemas.js';
import {
  AlertDriversBody,
  AlertDriversView,
  CountryFlowsView,
  DriverView,
  FlowGroupQuery,
  FlowGroupView,
  LangQuery,
} from './schemas.js';
import { countryFlows, flowGroup, listDrivers, setAlertDrivers } from './service.js';

const tags = ['warning'];

/** Why people move and where: the drivers of displacement, and each country's role in the flows. */
export const flowRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/warning/drivers',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The classification of the drivers of displacement',
        querystring: LangQuery,
        response: responses({ 200: Type.Array(DriverView) }),
      },
    },
    async (request) => listDrivers(request.ctx, request.query.lang),
  );

  app.get(
    '/warning/countries/:iso2/flows',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'A country’s role in the flows each year, and the drivers recorded over time',
        params: Iso2Params,
        querystring: LangQuery,
        response: responses({ 200: CountryFlowsView }),
      },
    },
    async (request) => countryFlows(request.ctx, request.params.iso2, request.query.lang),
  );

  app.get(
    '/warning/flow-groups',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'The countries of origin, transit or destination in a year',
        querystring: FlowGroupQuery,
        response: responses({ 200: FlowGroupView }),
      },
    },
    async (request) => flowGroup(request.ctx, request.query),
  );

  app.put(
    '/warning/alerts/:id/drivers',
    {
      config: { access: 'warning.alert.decide' },
      schema: {
        tags,
        summary: 'Name the drivers of displacement behind an alert',
        params: IdParams,
        body: AlertDriversBody,
        response: responses({ 200: AlertDriversView }),
      },
    },
    async (request) => setAlertDrivers(request.ctx, request.params.id, request.body),
  );
};
