import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { deliveryRoutes } from './deliveries/routes.js';
import { inboxRoutes } from './inbox/routes.js';
import { preferenceRoutes } from './preferences/routes.js';

/** Notifications: each person's notices, their email preferences and unsubscribe links, and failed deliveries. */
export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(preferenceRoutes);
  await app.register(deliveryRoutes);
  await app.register(inboxRoutes);
};
