import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { alertRoutes } from './alerts/routes.js';
import { feedRoutes } from './feeds/routes.js';
import { flowRoutes } from './flows/routes.js';
import { importRoutes } from './imports/routes.js';
import { indicatorRoutes } from './indicators/routes.js';
import { riskRoutes } from './risk/routes.js';
import { ruleRoutes } from './rules/routes.js';
import { totalsRoutes } from './totals/routes.js';

/** The early-warning domain: imports, indicators and series, rules, alerts and the risk map. */
export const warningRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(importRoutes);
  await app.register(feedRoutes);
  await app.register(indicatorRoutes);
  await app.register(ruleRoutes);
  await app.register(alertRoutes);
  await app.register(riskRoutes);
  await app.register(totalsRoutes);
  await app.register(flowRoutes);
};
