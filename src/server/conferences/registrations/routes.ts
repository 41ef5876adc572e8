import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { LangQuery } from '../../reference/schemas.js';
import { CheckInBody, CheckInView, ChosenSessionsBody, RegistrationBody, TicketView, TokenParams } from './schemas.js';
import { cancel, checkIn, chooseSessions, getTicket, register, ticketCalendar } from './service.js';

const tags = ['conferences'];

/** Registration with a waiting list, the registrant's ticket, cancellation and check-in. */
export const registrationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/conferences/events/:id/registrations',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Register for an event (anyone for a public event): confirmed while places remain, else on the waiting list',
        params: IdParams,
        body: RegistrationBody,
        response: responses({ 201: TicketView }),
      },
    },
    async (request, reply) => reply.code(201).send(await register(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/conferences/tickets/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A registration by its secret token, with the QR code to check in with once confirmed',
        params: TokenParams,
        response: responses({ 200: TicketView }),
      },
    },
    async (request) => getTicket(request.ctx, request.params.token),
  );

  app.get(
    '/conferences/tickets/:token/calendar.ics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The registrant’s own calendar by the ticket’s secret token: the event, its sessions and the ticket’s address',
        produces: ['text/calendar'],
        params: TokenParams,
        querystring: LangQuery,
        response: responses({ 200: Type.String({ description: 'An iCalendar file.' }) }),
      },
    },
    async (request, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .send(await ticketCalendar(request.ctx, request.params.token, request.query.lang)),
  );

  app.put(
    '/conferences/tickets/:token/sessions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Choose, by the ticket’s secret token, the sessions to attend: the registrant’s calendar then holds those',
        params: TokenParams,
        body: ChosenSessionsBody,
        response: responses({ 200: TicketView }),
      },
    },
    async (request) => chooseSessions(request.ctx, request.params.token, request.body),
  );

  app.post(
    '/conferences/tickets/:token/cancel',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Cancel a registration; the first waiting registration that fits takes the place',
        params: TokenParams,
        response: responses({ 200: TicketView }),
      },
    },
    async (request) => cancel(request.ctx, request.params.token),
  );

  app.post(
    '/conferences/check-in',
    {
      config: { access: 'conference.manage' },
      schema: {
        tags,
        summary: 'Check a participant in by the token of their ticket; a second check-in is refused',
        body: CheckInBody,
        response: responses({ 200: CheckInView }),
      },
    },
    async (request) => checkIn(request.ctx, request.body),
  );
};
