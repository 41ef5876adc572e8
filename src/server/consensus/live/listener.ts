import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';

/** Wakes the open streams of a document when PostgreSQL announces one of its events. */
export interface EventListener {
  /** Calls `wake` on each announcement for the document; returns how to stop. */
  subscribe(documentId: string, wake: () => void): () => void;
  close(): Promise<void>;
}

const CHANNEL = 'consensus_event';
const RECONNECT_MS = 1000;

/**
 * One connection per server that LISTENs on the events' channel. A lost connection is opened
 * again; the streams keep a slow poll of the table meanwhile, so nothing is missed.
 */
export function createEventListener(url: string, log: FastifyBaseLogger): EventListener {
  const subscribers = new Map<string, Set<() => void>>();
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      for (const wake of subscribers.get(message.payload ?? '') ?? []) wake();
    });
    next.on('error', (error) => {
      log.warn({ err: error }, 'the consensus events listener lost its connection');
      client = null;
      void next.end().catch(() => {});
      if (!closed) retry = setTimeout(() => void connect(), RECONNECT_MS);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
      if (closed) await next.end();
      else client = next;
    } catch (error) {
      log.warn({ err: error }, 'the consensus events listener could not connect');
      void next.end().catch(() => {});
      if (!closed) retry = setTimeout(() => void connect(), RECONNECT_MS);
    }
  };
  void connect();
  return {
    subscribe(documentId, wake) {
      const set = subscribers.get(documentId) ?? new Set();
      set.add(wake);
      subscribers.set(documentId, set);
      return () => {
        set.delete(wake);
        if (set.size === 0) subscribers.delete(documentId);
      };
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
