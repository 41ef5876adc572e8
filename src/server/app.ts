import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { actorFromToken } from './auth/service.js';
import type { Config } from './config.js';
import type { Database } from './db/connection.js';
import { DOMAINS } from './domains.js';
import { handleFrameworkError, registerErrorHandling } from './http/error-handler.js';
import { schemaCompilation } from './http/lazy-schemas.js';
import { loggerOptions } from './http/logger.js';
import { registerMetrics, registerMetricsRoute } from './http/metrics.js';
import { ProblemDocument } from './http/schemas.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerSessionAndAccess } from './http/session.js';
import type { RouteEntry } from './http/types.js';
import { validatorCompiler } from './http/validation.js';
import { registerWritePipeline } from './http/write.js';

export type App = FastifyInstance;

/** A year: the longest lifetime caches honour. */
const ONE_YEAR_SECONDS = 31_536_000;

/**
 * How long a browser may keep a file of the web client: those under assets/ carry a hash of their
 * content in their name, so a new release has new names and they never change; the others (the
 * page itself, the icon) are checked with the server on every use.
 */
export function webCacheControl(webDir: string, file: string): string {
  const relative = path.relative(webDir, file).split(path.sep);
  return relative[0] === 'assets' && relative.length > 1 ? `public, max-age=${ONE_YEAR_SECONDS}, immutable` : 'no-cache';
}

/** Builds the whole server on an open database, without listening (tests use inject()). */
export async function build(
  config: Config,
  database: Database,
  options: { logStream?: NodeJS.WritableStream } = {},
): Promise<FastifyInstance> {
  // Route schemas compile on first use (or in the background once the server listens): see lazy-schemas.ts.
  const schemas = schemaCompilation();
  const app = Fastify({
    logger: loggerOptions(config, options.logStream),
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    ajv: { customOptions: { removeAdditional: false } },
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: handleFrameworkError,
    schemaController: { compilersFactory: { buildSerializer: schemas.serializerFactory() as never } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('database', database);
  app.decorate('config', config);
  const catalogue: RouteEntry[] = [];
  app.decorate('routeCatalogue', catalogue);
  app.decorate('runtime', {});
  app.decorate('schemas', schemas);
  registerMetrics(app);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`The route ${route.method} ${route.url} does not declare who may call it.`);
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      catalogue.push({ method, url: route.url, access });
    }
  });

  app.setValidatorCompiler(schemas.validator(validatorCompiler()));
  const webIndex = path.join(config.webDir, 'index.html');
  const pageHtml = fs.existsSync(webIndex) ? fs.readFileSync(webIndex) : undefined;
  registerErrorHandling(app, pageHtml);
  registerSecurityHeaders(app);
  await app.register(cookie);
  registerSessionAndAccess(app, actorFromToken);
  registerWritePipeline(app);
  app.addSchema(ProblemDocument);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Crossroads API',
        version: '0.1.0',
        description:
          'The API of Crossroads. Errors are RFC 9457 problem documents. Signed-in writes need the ' +
          'X-CSRF-Token header returned by GET /api/auth/session.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'crossroads_session' } },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });

  await app.register(
    async (api) => {
      for (const domain of DOMAINS) await api.register(domain.routes);
      api.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api' },
  );

  registerMetricsRoute(app);

  if (pageHtml) {
    // The built web client; page addresses fall back to its index (see the not-found handler).
    await app.register(fastifyStatic, {
      root: config.webDir,
      prefix: '/',
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each file: the one the browser accepts is sent as it
      // is, with `Vary: Accept-Encoding`.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => reply.header('cache-control', webCacheControl(config.webDir, file)),
    });
  }
  return app;
}
