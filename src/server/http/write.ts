import type { FastifyInstance, FastifyReply, RouteHandlerMethod } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * One write pipeline. Every `/api` request that may change something (any method but GET, HEAD
 * and OPTIONS) runs its handler in one transaction that this layer opens: the service receives it
 * as `ctx.db` (services open none of their own while it is there, see db/transaction.ts), its
 * audit entries are written in it, and the reply is sent only after it commits. A handler that
 * sends its reply itself has the sending held back until then; an error rolls everything back
 * and the error handler answers.
 *
 * A route declares `transaction: false`, with the reason beside it, when its work must not sit in
 * one transaction: a refusal that must still be counted (failed sign-ins, refused proofs of work),
 * or long work that reports progress while it runs.
 */
export function registerWritePipeline(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    if ([route.method].flat().every((method) => SAFE_METHODS.has(method))) return;
    if (route.config?.transaction === false) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function inOneTransaction(request, reply) {
      const held: { payload?: unknown; sent: boolean } = { sent: false };
      const send = reply.send;
      // Held until after commit: a reply that says "done" for a change that then rolls back would lie.
      // It returns nothing: the reply is a thenable that settles once sent, so handing it back to
      // the handler (which returns it) would make the transaction wait for a reply that waits for it.
      reply.send = function holdUntilCommit(payload?: unknown) {
        held.payload = payload;
        held.sent = true;
        return undefined as unknown as FastifyReply;
      };
      const outer = request.ctx;
      let result: unknown;
      try {
        result = await outer.db.transaction().execute(async (trx) => {
          request.ctx = { ...outer, db: trx };
          return handler.call(this, request, reply);
        });
      } finally {
        reply.send = send;
        request.ctx = outer;
      }
      if (held.sent) return reply.send(held.payload);
      return result;
    };
  });
}
