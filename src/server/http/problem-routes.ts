import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { PROBLEMS } from './problems.js';
import { responses } from './responses.js';

const Catalogue = Type.Array(Type.Object({ code: Type.String(), status: Type.Integer(), title: Type.String() }));

/** The problem catalogue, so that a problem's `type` (/api/problems#code) resolves to something. */
export const problemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/problems',
    {
      config: { access: 'public' },
      schema: { tags: ['platform'], summary: 'The catalogue of problem codes', response: responses({ 200: Catalogue }) },
    },
    async () => Object.entries(PROBLEMS).map(([code, p]) => ({ code, status: p.status, title: p.title })),
  );
};
