import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { catalogueRoutes } from './catalogue/routes.js';
import { certificateRoutes } from './certificates/routes.js';
import { materialRoutes } from './materials/routes.js';
import { nominationRoutes } from './nominations/routes.js';
import { recordRoutes } from './records/routes.js';
import { statisticsRoutes } from './statistics/routes.js';

/** Training: the catalogue, sessions, nominations, attendance and tests, certificates and statistics. */
export const trainingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(catalogueRoutes);
  await app.register(materialRoutes);
  await app.register(nominationRoutes);
  await app.register(recordRoutes);
  await app.register(certificateRoutes);
  await app.register(statisticsRoutes);
};
