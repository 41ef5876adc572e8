import type { Actor } from '../access/check.js';
import type { Access } from '../access/verbs.js';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import type { Database } from '../db/connection.js';
import type { SchemaCompilation } from './lazy-schemas.js';

/** A route as the access table sees it. */
export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; every /api route must say. */
    access?: Access;
    /** Routes a user who must change their password may still call. */
    allowDuringPasswordChange?: boolean;
    /** Routes a session may call before its second step (a code, or enrolment) is done. */
    allowDuringSecondFactor?: boolean;
    /**
     * `false`: the write is not run in one transaction by the route layer (http/write.ts), for a
     * refusal that must still be recorded or long work that reports progress; say why beside it.
     */
    transaction?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    ctx: Context;
  }
  interface FastifyInstance {
    database: Database;
    config: Config;
    routeCatalogue: RouteEntry[];
    /** What the process that serves runs beside the routes; set by the `serve` command. */
    runtime: { jobs?: () => 'running' | 'stopped' };
    /** The routes' validators and serializers, compiled on first use or by `warm()` (see lazy-schemas.ts). */
    schemas: SchemaCompilation;
  }
}
