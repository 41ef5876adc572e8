import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * A scheduled job. Time is cut into slots of `everySeconds`; each slot is run by exactly one
 * instance, whichever claims it first in the database, and the run is recorded in job_run.
 */
export interface Job {
  /** Stable name, `domain.what`, e.g. `auth.purge_expired`. */
  name: string;
  everySeconds: number;
  /** Does the work; what it returns is recorded with the run (counts, never personal data). */
  run(db: Kysely<DB>): Promise<Record<string, unknown> | undefined>;
}
