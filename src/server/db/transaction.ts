import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/**
 * Runs `work` in a transaction: the request's own when there is one (every write request runs in
 * one, opened by the route layer, see http/write.ts), else a new one, as for the command line, a
 * job or a test calling a service directly. Either way the work commits with everything else the
 * caller does, or not at all.
 */
export function inTransaction<T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
