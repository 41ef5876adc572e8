import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../../context.js';
import { responses } from '../../http/responses.js';
import { StringEnum } from '../../http/schemas.js';
import { countActivitiesByCountry } from '../activities/queries.js';
import { ACTIVITY_STATUSES, Code, Iso2 } from '../schemas.js';
import { viewerOf } from '../visibility.js';

const MapQuery = Type.Object(
  { keyArea: Type.Optional(Code), status: Type.Optional(StringEnum(ACTIVITY_STATUSES)) },
  { additionalProperties: false },
);

const CountryCount = Type.Object({
  iso2: Iso2,
  activities: Type.Integer({ description: 'Activities the caller may see in the country.' }),
  organisations: Type.Integer({ description: 'Organisations running them.' }),
});

/** Activities by country, of what the caller may see: the choropleth of the public page. */
async function activityMap(ctx: Context, query: { keyArea?: string; status?: (typeof ACTIVITY_STATUSES)[number] }) {
  return countActivitiesByCountry(ctx.db, await viewerOf(ctx), query);
}

export const publicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/directory/map',
    {
      config: { access: 'public' },
      schema: {
        tags: ['directory'],
        summary: 'How many activities the caller may see in each country',
        querystring: MapQuery,
        response: responses({ 200: Type.Array(CountryCount) }),
      },
    },
    async (request) => activityMap(request.ctx, request.query),
  );
};
