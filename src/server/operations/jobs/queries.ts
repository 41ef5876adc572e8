import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { STALE_RUN_MINUTES } from '../../jobs/queries.js';

/** How far back the page counts failures. */
export const FAILURE_WINDOW_DAYS = 7;

export interface RunRow {
  id: number;
  job: string;
  slot_start: Date;
  started_at: Date;
  finished_at: Date | null;
  outcome: 'succeeded' | 'failed' | null;
  error: string | null;
}

/** The latest run of each job. */
export async function lastRuns(db: Kysely<DB>): Promise<RunRow[]> {
  const rows = await db
    .selectFrom('job_run')
    .distinctOn('job')
    .select([
      'id',
      'job',
      'slot_start',
      'started_at',
      'finished_at',
      'outcome',
      sql<string | null>`details->>'error'`.as('error'),
    ])
    .orderBy('job')
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}

/** The failed runs of the last days, newest first. */
export async function recentFailures(db: Kysely<DB>): Promise<RunRow[]> {
  const rows = await db
    .selectFrom('job_run')
    .select([
      'id',
      'job',
      'slot_start',
      'started_at',
      'finished_at',
      'outcome',
      sql<string | null>`details->>'error'`.as('error'),
    ])
    .where('outcome', '=', 'failed')
    .where('started_at', '>', sql<Date>`now() - make_interval(days => ${FAILURE_WINDOW_DAYS})`)
    .orderBy('started_at', 'desc')
    .execute();
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}

/** The jobs with a run in progress (not finished, and not so old that its instance must have died). */
export async function runningJobs(db: Kysely<DB>): Promise<Set<string>> {
  const rows = await db
    .selectFrom('job_run')
    .select('job')
    .distinct()
    .where('finished_at', 'is', null)
    .where('started_at', '>', sql<Date>`now() - make_interval(mins => ${STALE_RUN_MINUTES})`)
    .execute();
  return new Set(rows.map((row) => row.job));
}

/** The slots of the current period the runner has claimed, by job. */
export async function claimedSlots(db: Kysely<DB>, slots: { job: string; slot: Date }[]): Promise<Set<string>> {
  if (slots.length === 0) return new Set();
  const rows = await db
    .selectFrom('job_run')
    .select('job')
    .where((eb) => eb.or(slots.map(({ job, slot }) => eb.and([eb('job', '=', job), eb('slot_start', '=', slot)]))))
    .execute();
  return new Set(rows.map((row) => row.job));
}

/**
 * Claims a run of a job now, as the runner claims a slot: the (job, slot) constraint and a lock
 * on the job's name let one instance win. The current slot is claimed when the runner has not
 * yet run it (the runner then leaves it alone); otherwise an extra run is recorded, unless one is
 * in progress. Undefined when a run is in progress.
 */
export async function claimRunNow(db: Kysely<DB>, job: string, slotStart: Date, instance: string): Promise<number | undefined> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`job_run:${job}`}))`.execute(trx);
    const running = await trx
      .selectFrom('job_run')
      .select('id')
      .where('job', '=', job)
      .where('finished_at', 'is', null)
      .where('started_at', '>', sql<Date>`now() - make_interval(mins => ${STALE_RUN_MINUTES})`)
      .executeTakeFirst();
    if (running) return undefined;
    const slot = await trx
      .insertInto('job_run')
      .values({ job, slot_start: slotStart, instance })
      .onConflict((oc) => oc.constraint('job_run_slot_uq').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (slot) return Number(slot.id);
    const extra = await trx
      .insertInto('job_run')
      .values({ job, slot_start: sql<Date>`clock_timestamp()`, instance })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(extra.id);
  });
}

/** The notification outbox: emails waiting, the age of the oldest, and those that failed. */
export async function outboxState(db: Kysely<DB>) {
  const row = await db
    .selectFrom('notification_email')
    .select([
      sql<number>`count(*) filter (where status = 'pending')::int`.as('queued'),
      sql<number | null>`extract(epoch from (now() - min(created_at) filter (where status = 'pending')))::float8`.as('oldest'),
      sql<number>`count(*) filter (where status = 'failed')::int`.as('failed'),
    ])
    .executeTakeFirstOrThrow();
  return {
    queued: Number(row.queued),
    oldestQueuedSeconds: row.oldest === null ? null : Math.max(0, Math.round(Number(row.oldest))),
    failed: Number(row.failed),
  };
}
