import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sendAttachment } from '../../files/attachment.js';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { InvitationBody, InvitationView, LetterQuery, PeopleQuery, PeopleView } from './schemas.js';
import { findPeople, getInvitation, invitationLetter, sendInvitation } from './service.js';

const tags = ['conferences'];

/** The invitation list of an event: an expression over the country groups, plus organisations. */
export const invitationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/conferences/events/:id/invitation',
    {
      config: { access: 'conference.manage' },
      schema: {
        tags,
        summary: 'The invitation list as built, with the States it selects and their count by group',
        params: IdParams,
        response: responses({ 200: InvitationView }),
      },
    },
    async (request) => getInvitation(request.ctx, request.params.id),
  );

  app.put(
    '/conferences/events/:id/invitation',
    {
      config: { access: 'conference.manage' },
      schema: {
        tags,
        summary: 'Save and send the invitation list: country groups added and taken away in order, organisations and people',
        params: IdParams,
        body: InvitationBody,
        response: responses({ 200: InvitationView }),
      },
    },
    async (request) => sendInvitation(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/conferences/events/:id/invitation/people',
    {
      config: { access: 'conference.manage' },
      schema: {
        tags,
        summary: 'People the organiser may invite by name, found by their name: accounts, and contacts of the directory',
        params: IdParams,
        querystring: PeopleQuery,
        response: responses({ 200: PeopleView }),
      },
    },
    async (request) => findPeople(request.ctx, request.params.id, request.query),
  );

  app.get(
    '/conferences/events/:id/invitation/letter.pdf',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary:
          'The invitation letter of an invited State’s delegation, organisation or person, in its language, for the organiser or the invitee',
        params: IdParams,
        querystring: LetterQuery,
        produces: ['application/pdf'],
        response: responses({ 200: Type.String({ description: 'The PDF.' }) }),
      },
    },
    async (request, reply) => sendAttachment(reply, await invitationLetter(request.ctx, request.params.id, request.query)),
  );
};
