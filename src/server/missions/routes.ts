import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { balanceRoutes } from './balance/routes.js';
import { calendarRoutes } from './calendar/routes.js';
import { lifecycleRoutes } from './lifecycle/routes.js';
import { partnerRoutes } from './partners/routes.js';
import { teamRoutes } from './team/routes.js';

/** Missions: their lifecycle, their teams, the portfolio's balance and the calendar feeds. */
export const missionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(lifecycleRoutes);
  await app.register(balanceRoutes);
  await app.register(teamRoutes);
  await app.register(calendarRoutes);
  await app.register(partnerRoutes);
};
