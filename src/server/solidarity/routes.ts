import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { burdenRoutes } from './burden/routes.js';
import { contributionLedgerRoutes } from './contributions/routes.js';
import { fulfilmentRoutes } from './fulfilment/routes.js';
import { keyRoutes } from './keys/routes.js';
import { ledgerRoutes } from './ledger/routes.js';
import { oneForOneRoutes } from './one-for-one/routes.js';

/** The solidarity domain: distribution keys, the pledge and relocation ledger (with the contributions to projects and the EU-Turkey 1:1 scheme), fulfilment and burden indicators. */
export const solidarityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(keyRoutes);
  await app.register(fulfilmentRoutes);
  await app.register(burdenRoutes);
  await app.register(ledgerRoutes);
  await app.register(contributionLedgerRoutes);
  await app.register(oneForOneRoutes);
};
