import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problem } from '../../http/problems.js';
import * as q from '../queries.js';
import type { EventListener } from './listener.js';

/** How often an open stream looks for new events; the events table is what every instance shares. */
const POLL_MS = 400;
/** With PostgreSQL announcing each event, the poll only covers a listener's lost connection. */
const LISTENING_POLL_MS = 15_000;
const HEARTBEAT_MS = 15_000;

const open = new Set<() => void>();

/** Ends every open stream (the server is closing). */
export function closeStreams() {
  for (const end of open) end();
}

/**
 * Server-Sent Events of one document, read from the events table so that a change made on any
 * instance reaches every page. Each event carries its id; a page that reconnects sends
 * Last-Event-ID and receives everything after it, so a network break loses nothing. On PostgreSQL
 * (`listener`) the table is read when an event is announced; on the embedded database it is polled.
 */
export async function streamEvents(
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  lastEventId?: string,
  listener?: EventListener,
) {
  const { db } = request.ctx;
  if (!(await q.selectDocument(db, id))) throw new Problem('not_found', 'There is no such document.');
  const asked = (request.headers['last-event-id'] as string | undefined) ?? lastEventId;
  let last = asked && /^\d{1,18}$/.test(asked) ? asked : await q.lastEventId(db, id);
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
  });
  raw.write(`retry: 1000\nevent: ready\ndata: {"last":"${last}"}\n\n`);
  let busy = false;
  let ended = false;
  // An announcement during a read is not lost: another read follows the one under way.
  let again = false;
  const poll = async (): Promise<void> => {
    if (ended) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      for (const event of await q.selectEventsAfter(db, id, last)) {
        raw.write(`id: ${event.id}\nevent: change\ndata: ${JSON.stringify({ kind: event.kind })}\n\n`);
        last = String(event.id);
      }
    } catch (error) {
      request.log.warn({ err: error }, 'consensus events could not be read');
    } finally {
      busy = false;
    }
    if (again) {
      again = false;
      await poll();
    }
  };
  const timer = setInterval(
    () => {
      if (!busy) void poll();
    },
    listener ? LISTENING_POLL_MS : POLL_MS,
  );
  const unsubscribe = listener?.subscribe(id, () => void poll()) ?? (() => {});
  const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(timer);
    clearInterval(heartbeat);
    unsubscribe();
    open.delete(end);
    raw.end();
  };
  open.add(end);
  request.raw.on('close', end);
  await poll();
}
