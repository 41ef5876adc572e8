import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { Problem } from './problems.js';

/**
 * The server's Prometheus series. Each built server has its own registry, so that two servers in
 * one process (the tests) never mix their counts. Labels hold route templates, methods, statuses
 * and job names only: never an address, a name, an email or the id in a path.
 */
export interface Metrics {
  registry: Registry;
  /** Database query time, fed by the query builder's log (see operations/metrics.ts). */
  queryDuration: Histogram<'backend'>;
  /** A gauge that is computed when scraped; `collect` sets its values. */
  gauge<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    collect: (gauge: Gauge<L>) => Promise<void> | void,
  ): Gauge<L>;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

/** The route template a request matched (`/api/missions/:id`), or `unmatched`: never the raw path. */
function routeOf(url: string | undefined): string {
  return url ?? 'unmatched';
}

/** Creates the registry and counts every request by route template, method and status. */
export function registerMetrics(app: FastifyInstance): void {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'crossroads' });
  // Process memory, CPU, open handles and the event loop's lag.
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });

  const requests = new Counter({
    name: 'crossroads_http_requests_total',
    help: 'HTTP requests answered, by route template, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'crossroads_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route template, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const signInFailures = new Counter({
    name: 'crossroads_sign_in_failures_total',
    help: 'Sign-ins refused (wrong credentials, or a wait imposed after failures)',
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'crossroads_rate_limit_refusals_total',
    help: 'Requests refused with 429 Too Many Requests, by route template',
    labelNames: ['route'] as const,
    registers: [registry],
  });
  const queryDuration = new Histogram({
    name: 'crossroads_db_query_duration_seconds',
    help: 'Time of each database query',
    labelNames: ['backend'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [registry],
  });

  app.decorate('metrics', {
    registry,
    queryDuration,
    gauge: (name, help, labelNames, collect) =>
      new Gauge({
        name,
        help,
        labelNames,
        registers: [registry],
        async collect() {
          await collect(this);
        },
      }),
  } satisfies Metrics);

  const inFlight = new Gauge({
    name: 'crossroads_http_requests_in_flight',
    help: 'HTTP requests being answered now, by route template',
    labelNames: ['route'] as const,
    registers: [registry],
  });
  const importsRunning = new Gauge({
    name: 'crossroads_imports_running',
    help: 'File imports being read and written now',
    registers: [registry],
  });
  const isImport = (route: string, method: string) => method === 'POST' && /\/imports?(\/|$)/.test(route);

  app.addHook('onRequest', async (request) => {
    const route = routeOf(request.routeOptions.url);
    inFlight.inc({ route });
    if (isImport(route, request.method)) importsRunning.inc();
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = routeOf(request.routeOptions.url);
    inFlight.dec({ route });
    if (isImport(route, request.method)) importsRunning.dec();
    const labels = { route, method: request.method, status: String(reply.statusCode) };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
    if (reply.statusCode === 429) rateLimited.inc({ route });
    if (route === '/api/auth/login' && request.method === 'POST' && (reply.statusCode === 401 || reply.statusCode === 429)) {
      signInFailures.inc();
    }
  });
}

/**
 * `GET /metrics` in Prometheus' text format, for the bearer of METRICS_TOKEN; without the setting
 * the address does not exist (404), and a wrong or missing token gets 401.
 */
export function registerMetricsRoute(app: FastifyInstance): void {
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const token = app.config.metricsToken;
    if (!token) throw new Problem('route_not_found');
    const offered = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const expected = createHash('sha256').update(token).digest();
    if (!timingSafeEqual(createHash('sha256').update(offered).digest(), expected)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new Problem('unauthenticated', 'The metrics need the bearer token set in METRICS_TOKEN.');
    }
    const usage = app.database.usage();
    connections.set({ state: 'open' }, usage.open);
    connections.set({ state: 'idle' }, usage.idle);
    connections.set({ state: 'waiting' }, usage.waiting);
    reply.header('content-type', app.metrics.registry.contentType);
    return app.metrics.registry.metrics();
  });
  const connections = new Gauge({
    name: 'crossroads_db_connections',
    help: 'Database connections: open, idle, and callers waiting for one (the embedded database has one connection and a queue)',
    labelNames: ['state'] as const,
    registers: [app.metrics.registry],
  });
  const stop = app.database.onQuery((milliseconds) =>
    app.metrics.queryDuration.observe({ backend: app.database.backend }, milliseconds / 1000),
  );
  app.addHook('onClose', async () => stop());
}
