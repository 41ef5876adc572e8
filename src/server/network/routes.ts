import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { documentRoutes } from './documents/routes.js';
import { focalPointRoutes } from './focal-points/routes.js';
import { noticeRoutes } from './notices/routes.js';
import { requestRoutes } from './requests/routes.js';
import { searchRoutes } from './search/routes.js';

/** The border focal-point network and its good-practice library. */
export const networkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(focalPointRoutes);
  await app.register(noticeRoutes);
  await app.register(requestRoutes);
  await app.register(documentRoutes);
  await app.register(searchRoutes);
};
