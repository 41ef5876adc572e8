import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { contributionRoutes } from './contributions/routes.js';
import { draftingRoutes } from './drafting/routes.js';
import { reportDriverRoutes } from './drivers/routes.js';
import { followUpRoutes } from './follow-up/routes.js';
import { peopleMetRoutes } from './people-met/routes.js';

/**
 * Mission reports: drafting with versions, the review workflow, public summaries and the PDF;
 * then the follow-up of their adopted recommendations and the contributions that fund it.
 */
export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(draftingRoutes);
  await app.register(followUpRoutes);
  await app.register(peopleMetRoutes);
  await app.register(reportDriverRoutes);
  await app.register(contributionRoutes);
};
