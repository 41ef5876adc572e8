import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { PreferenceList, PreferencesBody, TokenParams, UnsubscribeView } from '../schemas.js';
import { describeUnsubscribe, getPreferences, setPreferences, unsubscribe } from './service.js';

const tags = ['notifications'];

export const preferenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // A mail client's one-click unsubscribe posts `List-Unsubscribe=One-Click` as a form (RFC 8058);
  // nothing in the body is used, the signed link says everything.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, _body, done) =>
    done(null, undefined),
  );

  app.get(
    '/notifications/preferences',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'How the caller receives each category of notification',
        response: responses({ 200: PreferenceList }),
      },
    },
    async (request) => getPreferences(request.ctx),
  );

  app.put(
    '/notifications/preferences',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Choose how some categories are received: immediately, in a daily digest, or not by email',
        body: PreferencesBody,
        response: responses({ 200: PreferenceList }),
      },
    },
    async (request) => setPreferences(request.ctx, request.body),
  );

  app.get(
    '/notifications/unsubscribe/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'What a signed unsubscribe link would turn off',
        params: TokenParams,
        response: responses({ 200: UnsubscribeView }),
      },
    },
    async (request) => describeUnsubscribe(request.ctx, request.params.token),
  );

  app.post(
    '/notifications/unsubscribe/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One-click unsubscribe (RFC 8058): turn the link’s category off for its person',
        params: TokenParams,
        response: responses({ 200: UnsubscribeView }),
      },
    },
    async (request) => unsubscribe(request.ctx, request.params.token),
  );
};
