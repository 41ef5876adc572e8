import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { CountryParams, DirectoryQuery, FocalPoint, FocalPointList, Membership, NominateBody } from './schemas.js';
import { confirm, membership, networkDirectory, nominate, renew, stateFocalPoints, withdraw } from './service.js';

const tags = ['network'];

/** National focal points: nominated by their State's delegation, confirmed by the co-ordinator. */
export const focalPointRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/network/membership',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'What the caller is in the network', response: responses({ 200: Membership }) },
    },
    async (request) => membership(request.ctx),
  );
  app.get(
    '/network/focal-points',
    {
      // Members are found from their membership, not a role: the service decides.
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'The network directory (members and the co-ordinator only); audited',
        querystring: DirectoryQuery,
        response: responses({ 200: FocalPointList }),
      },
    },
    async (request) => networkDirectory(request.ctx, request.query),
  );
  app.get(
    '/network/states/:iso2/focal-points',
    {
      config: { access: 'network.nominate' },
      schema: {
        tags,
        summary: 'A State’s focal points and nominations; audited',
        params: CountryParams,
        response: responses({ 200: FocalPointList }),
      },
    },
    async (request) => stateFocalPoints(request.ctx, request.params.iso2),
  );
  app.post(
    '/network/states/:iso2/focal-points',
    {
      config: { access: 'network.nominate' },
      schema: {
        tags,
        summary: 'Nominate a national focal point',
        params: CountryParams,
        body: NominateBody,
        response: responses({ 201: FocalPoint }),
      },
    },
    async (request, reply) => reply.code(201).send(await nominate(request.ctx, request.params.iso2, request.body)),
  );
  app.post(
    '/network/focal-points/:id/confirm',
    {
      config: { access: 'network.confirm' },
      schema: {
        tags,
        summary: 'Confirm a nomination (membership for two years)',
        params: IdParams,
        response: responses({ 200: FocalPoint }),
      },
    },
    async (request) => confirm(request.ctx, request.params.id),
  );
  app.post(
    '/network/focal-points/:id/renew',
    {
      config: { access: 'network.nominate' },
      schema: { tags, summary: 'Renew a membership for two years', params: IdParams, response: responses({ 200: FocalPoint }) },
    },
    async (request) => renew(request.ctx, request.params.id),
  );
  app.post(
    '/network/focal-points/:id/withdraw',
    {
      config: { access: 'network.nominate' },
      schema: {
        tags,
        summary: 'Withdraw a nomination or membership',
        params: IdParams,
        response: responses({ 200: FocalPoint }),
      },
    },
    async (request) => withdraw(request.ctx, request.params.id),
  );
};
