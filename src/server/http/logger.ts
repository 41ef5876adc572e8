import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config.js';

/**
 * Structured logs that never hold a password, a session token, a CSRF token or a request body:
 * bodies are not logged at all, query strings are cut (they may carry feed tokens), and the
 * credential headers are redacted should anything log a whole request.
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
        return { method: request.method, url: request.url.split('?')[0], id: request.id };
      },
      res(reply) {
        return { statusCode: reply.statusCode };
      },
    },
  };
}
