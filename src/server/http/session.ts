import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { type Actor, holds } from '../access/check.js';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import { Problem } from './problems.js';

export const SESSION_COOKIE = 'crossroads_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Whether the request's Origin, when the browser sends one, is this server itself. Behind a
 * trusted reverse proxy (TRUST_PROXY) the host the browser used is the forwarded one.
 */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

/** The person a session token stands for; the sign-in domain knows, this layer only asks. */
export type ActorFromToken = (db: Kysely<DB>, config: Config, token: string) => Promise<Actor | null>;

/**
 * Resolves the session cookie to an actor, then enforces the route's declared access: sign-in,
 * the forced password change and the second step of sign-in (before each, only the routes it
 * needs see the actor; public routes see an anonymous caller), CSRF for cookie-authenticated writes, and the route's verb.
 */
export function registerSessionAndAccess(app: FastifyInstance, actorFromToken: ActorFromToken) {
  app.decorateRequest('actor', null);
  app.decorateRequest('ctx', null as never);

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await actorFromToken(app.database.db, app.config, token) : null;
    request.ctx = {
      db: app.database.db,
      actor: request.actor,
      requestId: String(request.id),
      address: request.ip,
      config: app.config,
    };
    // Access is decided before the body is even validated: a stranger learns nothing from a 400.
    const config = request.routeOptions.config;
    const access = config.access;
    if (!access) return; // static files and the API reference
    const unsafe = !SAFE_METHODS.has(request.method);
    if (unsafe && !sameOrigin(request)) throw new Problem('csrf');
    const actor = request.actor;
    if (!actor) {
      if (access === 'public') return;
      throw new Problem('unauthenticated');
    }
    if (unsafe) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !sameToken(header, actor.csrfToken)) {
        // A public write (signing in, a public form) needs no authority: it goes on as anonymous.
        if (access !== 'public') throw new Problem('csrf');
        request.actor = null;
        request.ctx.actor = null;
        return;
      }
    }
    if (actor.mustChangePassword && !config.allowDuringPasswordChange) {
      if (access !== 'public') throw new Problem('password_change_required');
      // Until the one-time password is replaced the session vouches for no one: public routes see a stranger.
      request.actor = null;
      request.ctx.actor = null;
      return;
    }
    if (actor.secondFactorStep && !config.allowDuringSecondFactor) {
      if (access !== 'public') {
        throw new Problem(actor.secondFactorStep === 'enrol' ? 'second_factor_enrolment_required' : 'second_factor_required');
      }
      // Until the second step is done the session vouches for no one either.
      request.actor = null;
      request.ctx.actor = null;
      return;
    }
    if (access === 'public') return;
    if (access !== 'signed_in' && !holds(actor, access)) throw new Problem('forbidden');
  });
}
