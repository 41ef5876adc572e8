import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { amendmentRoutes } from './amendments/routes.js';
import { commitmentRoutes } from './commitments/routes.js';
import { documentRoutes } from './documents/routes.js';
import { exportRoutes } from './exports/routes.js';
import { liveRoutes } from './live/routes.js';
import { positionRoutes } from './positions/routes.js';
import { revisionRoutes } from './revisions/routes.js';
import { silenceRoutes } from './silence/routes.js';
import { statementRoutes } from './statements/routes.js';

/** Consensus drafting: documents, revisions, amendments, positions, silence, statements, the register, exports and the live feed. */
export const consensusRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(documentRoutes);
  await app.register(revisionRoutes);
  await app.register(amendmentRoutes);
  await app.register(positionRoutes);
  await app.register(silenceRoutes);
  await app.register(statementRoutes);
  await app.register(commitmentRoutes);
  await app.register(exportRoutes);
  await app.register(liveRoutes);
};
