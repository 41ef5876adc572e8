import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Config } from '../config.js';

/** Route parameters that are credentials (calendar feed tokens): never written to a log. */
const SECRET_PARAM = /token|secret|password|key/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A segment that looks like a random token (long, base64url, with capitals or underscores), e.g. on a mistyped route. */
const TOKEN_LIKE = /^(?=.*[A-Z_])[A-Za-z0-9_-]{20,}(\.[a-z0-9]+)?$/;

/**
 * The request's path as it may be logged: no query string, the values of secret route parameters
 * replaced by their names, and any token-like segment of an address no route matched cut out.
 */
export function loggablePath(request: Pick<FastifyRequest, 'url' | 'params'>): string {
  let path = request.url.split('?')[0] ?? '';
  const params = (request.params ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(params)) {
    if (!SECRET_PARAM.test(name) || typeof value !== 'string' || value === '') continue;
    for (const form of new Set([value, encodeURIComponent(value)])) path = path.split(form).join(`:${name}`);
  }
  return path
    .split('/')
    .map((segment) => (TOKEN_LIKE.test(segment) && !UUID.test(segment) ? '[redacted]' : segment))
    .join('/');
}

/**
 * Structured logs that never hold a password, a session token, a CSRF token or a request body:
 * bodies are not logged at all, query strings are cut and tokens in the path are replaced (feed
 * addresses carry them), and the credential headers are redacted should anything log a whole request.
 */
export function loggerOptions(config: Config, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  if (config.logLevel === 'silent') return false;
  return {
    level: config.logLevel,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        '*.token',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req(request) {
        return { method: request.method, url: loggablePath(request), id: request.id };
      },
      res(reply) {
        return { statusCode: reply.statusCode };
      },
    },
  };
}
