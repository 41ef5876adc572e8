import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * Claims the run of a job for a slot. The unique (job, slot_start) constraint lets one claim
 * win, whichever instance makes it: the others get nothing back and leave the slot alone.
 */
export async function claimRun(db: Kysely<DB>, job: string, slotStart: Date, instance: string): Promise<number | undefined> {
  const row = await db
    .insertInto('job_run')
    .values({ job, slot_start: slotStart, instance })
    .onConflict((oc) => oc.constraint('job_run_slot_uq').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
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
