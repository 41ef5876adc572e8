import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

/** A run not finished after this long is taken for one whose instance died, and no longer blocks the job. */
export const STALE_RUN_MINUTES = 60;

/**
 * Claims the run of a job for a slot. The unique (job, slot_start) constraint lets one claim
 * win, whichever instance makes it: the others get nothing back and leave the slot alone. While
 * a run of the job is in progress (one started by hand, say), the claim answers `busy` and the
 * slot waits for it: two runs of one job never overlap. The lock on the job's name is the one
 * a run started by hand takes.
 */
export async function claimRun(
  db: Kysely<DB>,
  job: string,
  slotStart: Date,
  instance: string,
): Promise<number | 'busy' | undefined> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`job_run:${job}`}))`.execute(trx);
    const running = await trx
      .selectFrom('job_run')
      .select('id')
      .where('job', '=', job)
      .where('finished_at', 'is', null)
      .where('started_at', '>', sql<Date>`now() - make_interval(mins => ${STALE_RUN_MINUTES})`)
      .executeTakeFirst();
    if (running) return 'busy' as const;
    const row = await trx
      .insertInto('job_run')
      .values({ job, slot_start: slotStart, instance })
      .onConflict((oc) => oc.constraint('job_run_slot_uq').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row ? Number(row.id) : undefined;
  });
}

export function finishRun(db: Kysely<DB>, id: number, outcome: 'succeeded' | 'failed', details: Record<string, unknown>) {
  return db
    .updateTable('job_run')
    .set({ finished_at: sql`clock_timestamp()`, outcome, details: JSON.stringify(details) })
    .where('id', '=', id)
    .execute();
}

/** Runs older than the retention period serve no one any more. */
export async function deleteOldRuns(db: Kysely<DB>, days: number): Promise<number> {
  const result = await db
    .deleteFrom('job_run')
    .where('started_at', '<', sql<Date>`now() - make_interval(days => ${days})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
