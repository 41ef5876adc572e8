import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { campaignRoutes } from './campaigns/routes.js';
import { keyRoutes } from './keys/routes.js';
import { protectedRoutes } from './protected/routes.js';
import { publicationRoutes } from './publication/routes.js';
import { reviewRoutes } from './review/routes.js';
import { rhetoricRoutes } from './rhetoric/routes.js';
import { statisticsRoutes } from './statistics/routes.js';
import { submissionRoutes } from './submission/routes.js';

/**
 * Hate incidents: the public report form, the published statistics, the ODIHR export, the review
 * of cases and their protected data; apart from them, xenophobic rhetoric and awareness campaigns.
 */
export const incidentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(submissionRoutes);
  await app.register(publicationRoutes);
  await app.register(statisticsRoutes);
  await app.register(reviewRoutes);
  await app.register(protectedRoutes);
  await app.register(keyRoutes);
  await app.register(rhetoricRoutes);
  await app.register(campaignRoutes);
};
