import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { activityRoutes } from './activities/routes.js';
import { directoryConfig } from './config.js';
import { contactRoutes } from './contacts/routes.js';
import { matrixRoutes } from './matrix/routes.js';
import { organisationRoutes } from './organisations/routes.js';
import { seedPartnerOrganisations } from './partners.js';
import { publicRoutes } from './public/routes.js';
import { searchRoutes } from './search/routes.js';
import { whomToCallRoutes } from './whom-to-call/routes.js';

/**
 * The directory: organisations, contacts, activities, search, "whom do I call?", the 3W matrix
 * and the public view. Registering it checks its settings (a bad value stops the server) and adds
 * the partner organisations when they are missing, once the server is ready: the server registers
 * its routes while its database still opens.
 */
export const directoryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  directoryConfig();
  app.addHook('onReady', () => seedPartnerOrganisations(app.database.db));
  await app.register(organisationRoutes);
  await app.register(contactRoutes);
  await app.register(activityRoutes);
  await app.register(searchRoutes);
  await app.register(whomToCallRoutes);
  await app.register(matrixRoutes);
  await app.register(publicRoutes);
};
