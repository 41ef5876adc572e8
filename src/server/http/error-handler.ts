import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problemFromDatabaseError } from './database-errors.js';
import { detailCode } from './problem-details.js';
import { type FieldError, PROBLEMS, Problem, type ProblemCode, problemType } from './problems.js';
import { applySecurityHeaders } from './security-headers.js';

interface AjvError {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function fieldErrors(validation: AjvError[], part: string | undefined): FieldError[] {
  return validation.map((error) => {
    const base = error.instancePath ?? '';
    const prefix = part && part !== 'body' ? `/${part}` : '';
    if (error.keyword === 'required') {
      return {
        pointer: `${prefix}${base}/${error.params?.missingProperty}`,
        code: 'required',
        message: 'This field is required.',
      };
    }
    if (error.keyword === 'additionalProperties') {
      return {
        pointer: `${prefix}${base}/${error.params?.additionalProperty}`,
        code: 'not_allowed',
        message: 'This field is not allowed.',
      };
    }
    // A required text left empty is a missing field for the person who left it so.
    const empty = error.keyword === 'minLength' && error.params?.limit === 1;
    return {
      pointer: `${prefix}${base}` || '/',
      code: empty ? 'required' : 'invalid',
      message: empty ? 'This field is required.' : `This value ${error.message ?? 'is not valid'}.`,
    };
  });
}

/** Turns any error into a Problem: ours, Fastify's, a database constraint, or else an internal fault. */
function toProblem(error: FastifyError | Error): Problem {
  if (error instanceof Problem) return error;
  const fastifyError = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
  if (fastifyError.validation) {
    const errors = fieldErrors(fastifyError.validation, fastifyError.validationContext);
    return new Problem('validation', errors.map((e) => `${e.pointer}: ${e.message}`).join(' '), { errors });
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Problem('unsupported_media_type');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem('payload_too_large');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new Problem('malformed_request', 'The request body is empty but JSON was announced.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new Problem('malformed_request', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new Problem('malformed_request', 'The Content-Length header does not match the body.');
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return new Problem('malformed_request', 'The request body is not valid JSON.');
  }
  const fromDatabase = problemFromDatabaseError(error);
  if (fromDatabase) return fromDatabase;
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    const code = (Object.keys(PROBLEMS) as ProblemCode[]).find((c) => PROBLEMS[c].status === status) ?? 'malformed_request';
    return new Problem(code);
  }
  return new Problem('internal');
}

/** A field error with the catalogue key of its message, so that the page can say it in the reader's language. */
function withMessageKey(error: FieldError) {
  const known = detailCode(error.message);
  return known ? { ...error, messageKey: known.key, ...(known.params ? { messageParams: known.params } : {}) } : error;
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem) {
  const shown = problem.status < 500 || problem.extras.disclose === true;
  const known = shown ? detailCode(problem.detail) : undefined;
  const body = {
    type: problemType(problem.code),
    title: PROBLEMS[problem.code].title,
    status: problem.status,
    ...(shown && problem.detail ? { detail: problem.detail } : {}),
    // The detail's key in the catalogue of problem details and its parameters, for translation.
    ...(known ? { detailKey: known.key, ...(known.params ? { detailParams: known.params } : {}) } : {}),
    instance: request.url.split('?')[0],
    code: problem.code,
    requestId: String(request.id),
    ...(problem.extras.errors ? { errors: problem.extras.errors.map(withMessageKey) } : {}),
    // Extension members (RFC 9457 §3.2) a page needs to recover, e.g. the current version on a conflict.
    ...(shown ? (problem.extras.extensions ?? {}) : {}),
  };
  if (problem.extras.retryAfterSeconds) reply.header('retry-after', String(problem.extras.retryAfterSeconds));
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(JSON.stringify(body));
}

/**
 * Errors the router raises before any route or hook runs (an address it cannot decode, a path
 * segment longer than the router accepts): problem documents too, with the security headers.
 */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const problem =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new Problem('route_not_found', 'A part of the address is longer than any identifier.')
      : new Problem('malformed_request', 'The address could not be read.');
  request.log.info({ code: problem.code, reason: error.code }, 'request refused');
  applySecurityHeaders(request, reply);
  return sendProblem(request, reply, problem);
}

/**
 * One error handler for the whole server: RFC 9457 problem+json, and a 500 that reveals nothing.
 * Unknown page addresses get the web client's index, whose router knows them.
 */
export function registerErrorHandling(app: FastifyInstance, pageHtml?: Buffer) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else if (!(error instanceof Problem)) {
      request.log.info({ code: problem.code, reason: error.message }, 'request refused');
    }
    return sendProblem(request, reply, problem);
  });
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    const isPage = request.method === 'GET' && !pathname.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(pathname);
    if (pageHtml && isPage) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(pageHtml);
    }
    return sendProblem(request, reply, new Problem('route_not_found'));
  });
}
