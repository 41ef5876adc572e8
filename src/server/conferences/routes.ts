import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { agendaRoutes } from './agenda/routes.js';
import { eventRoutes } from './events/routes.js';
import { exportRoutes } from './exports/routes.js';
import { invitationRoutes } from './invitations/routes.js';
import { outcomeRoutes } from './outcome/routes.js';
import { participantRoutes } from './participants/routes.js';
import { registrationRoutes } from './registrations/routes.js';

/** Conferences: events, their invitation lists, registration and check-in, agenda, participants and outcome. */
export const conferenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(eventRoutes);
  await app.register(agendaRoutes);
  await app.register(invitationRoutes);
  await app.register(registrationRoutes);
  await app.register(participantRoutes);
  await app.register(outcomeRoutes);
  await app.register(exportRoutes);
};
