import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problem } from '../../http/problems.js';
import { responses } from '../../http/responses.js';
import { SESSION_COOKIE } from '../../http/session.js';
import { CallbackQuery, Redirect, SsoSettingsView, StartQuery } from './schemas.js';
import { ATTEMPT_MINUTES, beginSignIn, finishSignIn, SsoRefused, ssoSettings } from './service.js';

const tags = ['session'];
/** Holds the sign-in's state between the start and the provider's answer; only these routes see it. */
const STATE_COOKIE = 'crossroads_sso';
const STATE_COOKIE_PATH = '/api/auth/oidc';

/**
 * The person arrives at these routes in the browser, not through the API: a refusal goes back to
 * the sign-in page, which says what happened; the log keeps why (a word, never a token or a claim).
 * Without single sign-on configured the routes answer their problem, as any unknown address would.
 */
function backToSignIn(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  if (!(error instanceof Problem) || error.code === 'sso_not_configured') throw error;
  request.log.warn({ reason: error instanceof SsoRefused ? error.reason : error.code }, 'single sign-on refused');
  return reply.redirect(`/sign-in?sso=${encodeURIComponent(error.code)}`, 302);
}

export const ssoRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/auth/oidc',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Whether single sign-on is offered, and the organisation’s name',
        response: responses({ 200: SsoSettingsView }),
      },
    },
    async (request) => ssoSettings(request.ctx.config),
  );

  app.get(
    '/auth/oidc/start',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Begin single sign-on: redirects to the organisation’s provider',
        querystring: StartQuery,
        response: responses({ 302: Redirect }),
      },
    },
    async (request, reply) => {
      let begun: Awaited<ReturnType<typeof beginSignIn>>;
      try {
        begun = await beginSignIn(request.ctx, { returnTo: request.query.redirect });
      } catch (error) {
        return backToSignIn(request, reply, error);
      }
      const { url, state } = begun;
      reply.setCookie(STATE_COOKIE, state, {
        httpOnly: true,
        // Lax: the provider's redirect back is a top-level navigation from another site.
        sameSite: 'lax',
        secure: request.protocol === 'https',
        path: STATE_COOKIE_PATH,
        maxAge: ATTEMPT_MINUTES * 60,
      });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      // The sign-in, a new account or a link each commit on their own, as a password sign-in's steps do.
      config: { access: 'public', transaction: false },
      schema: {
        tags,
        summary: 'The provider’s answer: opens a session and redirects into the platform, or back to the sign-in page',
        querystring: CallbackQuery,
        response: responses({ 302: Redirect }),
      },
    },
    async (request, reply) => {
      const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      reply.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH });
      try {
        const result = await finishSignIn(
          request.ctx,
          { search, cookieState: request.cookies[STATE_COOKIE] },
          { userAgent: request.headers['user-agent'] ?? null, presentedToken: request.cookies[SESSION_COOKIE] },
        );
        // As the password sign-in sets it.
        reply.setCookie(SESSION_COOKIE, result.token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: request.protocol === 'https',
          path: '/',
          maxAge: result.absoluteHours * 3600,
        });
        return reply.redirect(result.returnTo, 302);
      } catch (error) {
        return backToSignIn(request, reply, error);
      }
    },
  );
};
