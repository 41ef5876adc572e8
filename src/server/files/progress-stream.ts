import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemFromDatabaseError } from '../http/database-errors.js';
import { PROBLEMS, Problem, problemType } from '../http/problems.js';

export const NDJSON = 'application/x-ndjson';

/** Progress of long work, as the work reports it. */
export interface Progress {
  done: number;
  total: number;
}

/** Whether the caller asked for progress lines (`Accept: application/x-ndjson`). */
export function wantsProgress(request: FastifyRequest): boolean {
  return String(request.headers.accept ?? '').includes(NDJSON);
}

/**
 * Runs long work and answers with its progress as JSON lines: `{"type":"progress",…}` at most
 * every 200 ms, then `{"type":"report",…}` or `{"type":"problem",…}` (a problem document that
 * reveals nothing internal for a 5xx). Nothing is kept on the server.
 */
export async function streamProgress<R>(
  request: FastifyRequest,
  reply: FastifyReply,
  work: (onProgress: (progress: Progress) => void) => Promise<R>,
): Promise<FastifyReply> {
  const stream = new PassThrough();
  reply.type(`${NDJSON}; charset=utf-8`).send(stream);
  let last = 0;
  try {
    const report = await work((progress) => {
      const now = Date.now();
      if (now - last < 200 && progress.done < progress.total) return;
      last = now;
      stream.write(`${JSON.stringify({ type: 'progress', ...progress })}\n`);
    });
    stream.end(`${JSON.stringify({ type: 'report', report })}\n`);
  } catch (error) {
    const problem = error instanceof Problem ? error : (problemFromDatabaseError(error) ?? new Problem('internal'));
    if (problem.status >= 500) request.log.error({ err: error }, 'long work failed');
    stream.end(
      `${JSON.stringify({
        type: 'problem',
        problem: {
          type: problemType(problem.code),
          title: PROBLEMS[problem.code].title,
          status: problem.status,
          ...(problem.status < 500 && problem.detail ? { detail: problem.detail } : {}),
          code: problem.code,
          requestId: String(request.id),
        },
      })}\n`,
    );
  }
  return reply;
}
