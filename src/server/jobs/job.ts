import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';

/**
 * A scheduled job. Time is cut into slots of `everySeconds`; each slot is run by exactly one
 * instance, whichever claims it first in the database, and the run is recorded in job_run.
 */
export interface Job {
  /** Stable name, `domain.what`, e.g. `auth.purge_expired`. */
  name: string;
  everySeconds: number;
  /**
   * Whether the co-ordinator may run it at once from the jobs page (default true): true for a job
   * that may run twice in a row without harm, false for one whose timing is the point (a daily digest).
   */
  allowRunNow?: boolean;
  /** Does the work; what it returns is recorded with the run (counts, never personal data). */
  run(db: Kysely<DB>): Promise<Record<string, unknown> | undefined>;
}

export interface WorkerLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * Work that every instance does all the time, unlike a job, which one instance runs per slot:
 * the instances keep out of each other's way through claims in the database (sending the
 * notification outbox, for one).
 */
export interface Worker {
  /** Stable name, `domain.what`. */
  name: string;
  start(db: Kysely<DB>, config: Config, log: WorkerLog): { stop(): Promise<void> };
}
