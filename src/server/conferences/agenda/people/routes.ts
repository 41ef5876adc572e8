import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { responses } from '../../../http/responses.js';
import { IdParams } from '../../../http/schemas.js';
import { PeopleQuery, PersonChoice } from './schemas.js';
import { searchPeople } from './service.js';

const tags = ['conferences'];

/** Whom the organiser may name as a moderator or speaker: the directory's contacts and the roster's experts. */
export const peopleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/conferences/events/:id/people',
    {
      config: { access: 'conference.manage' },
      schema: {
        tags,
        summary: 'Contacts and experts the organiser may name in the agenda, by words of their name',
        params: IdParams,
        querystring: PeopleQuery,
        response: responses({ 200: Type.Object({ items: Type.Array(PersonChoice) }) }),
      },
    },
    async (request) => ({ items: await searchPeople(request.ctx, request.params.id, request.query.q) }),
  );
};
