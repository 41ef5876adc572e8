import os from 'node:os';
import { assertAllowed } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { Problem } from '../../http/problems.js';
import type { Job } from '../../jobs/job.js';
import { finishRun } from '../../jobs/queries.js';
import { claimedSlots, claimRunNow, lastRuns, outboxState, type RunRow, recentFailures, runningJobs } from './queries.js';
import { findJob, scheduledJobs } from './registry.js';
import type { JobList, JobView, RunNowResult } from './schemas.js';

const RECENT_FAILURES = 5;

/** A job's period as this instance's runner uses it (tests may shorten every period). */
function periodSeconds(ctx: Context, job: Job): number {
  return ctx.config.jobPeriodSeconds ?? job.everySeconds;
}

function slotOf(ctx: Context, job: Job, now: number): Date {
  const period = periodSeconds(ctx, job) * 1000;
  return new Date(Math.floor(now / period) * period);
}

function describeError(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

function present(
  ctx: Context,
  job: Job,
  now: number,
  last: RunRow | undefined,
  running: boolean,
  failures: RunRow[],
  slotTaken: boolean,
): JobView {
  const slot = slotOf(ctx, job, now);
  const next = slotTaken ? new Date(slot.getTime() + periodSeconds(ctx, job) * 1000) : slot;
  return {
    name: job.name,
    periodSeconds: periodSeconds(ctx, job),
    allowRunNow: job.allowRunNow ?? true,
    running,
    lastRun: last
      ? {
          startedAt: last.started_at.toISOString(),
          finishedAt: last.finished_at?.toISOString() ?? null,
          durationMs: last.finished_at ? Math.max(0, last.finished_at.getTime() - last.started_at.getTime()) : null,
          outcome: last.outcome ?? 'running',
          error: last.outcome === 'failed' ? (last.error ?? null) : null,
        }
      : null,
    nextRunAt: next.toISOString(),
    failures: {
      count: failures.length,
      recent: failures.slice(0, RECENT_FAILURES).map((run) => ({ at: run.started_at.toISOString(), error: run.error })),
    },
  };
}

async function views(ctx: Context, jobs: Job[]): Promise<JobView[]> {
  const now = Date.now();
  const [last, failures, running, taken] = await Promise.all([
    lastRuns(ctx.db),
    recentFailures(ctx.db),
    runningJobs(ctx.db),
    claimedSlots(
      ctx.db,
      jobs.map((job) => ({ job: job.name, slot: slotOf(ctx, job, now) })),
    ),
  ]);
  const lastBy = new Map(last.map((run) => [run.job, run]));
  return jobs.map((job) =>
    present(
      ctx,
      job,
      now,
      lastBy.get(job.name),
      running.has(job.name),
      failures.filter((run) => run.job === job.name),
      taken.has(job.name),
    ),
  );
}

/** Every scheduled job with its last run, next run and recent failures, and the state of the outbox. */
export async function listJobs(ctx: Context): Promise<JobList> {
  assertAllowed(ctx.actor, 'operations.read');
  const [jobs, outbox] = await Promise.all([views(ctx, scheduledJobs()), outboxState(ctx.db)]);
  return { jobs, outbox: { ...outbox, failedPage: '/notifications/failed' } };
}

/**
 * Runs a job now, once across every instance: the claim refuses a second run while one is in
 * progress (409). The run is recorded like the runner's and the request is audited.
 */
export async function runJobNow(ctx: Context, name: string): Promise<RunNowResult> {
  assertAllowed(ctx.actor, 'operations.run');
  const job = findJob(name);
  if (!job) throw new Problem('not_found', 'There is no scheduled job of that name.');
  if (job.allowRunNow === false) {
    throw new Problem('conflict', 'This job runs only on its schedule.');
  }
  const instance = `${os.hostname()}:${process.pid}:run-now`;
  const id = await claimRunNow(ctx.db, job.name, slotOf(ctx, job, Date.now()), instance);
  if (id === undefined) throw new Problem('conflict', 'This job is already running; wait for it to finish.');
  let outcome: 'succeeded' | 'failed' = 'succeeded';
  try {
    const details = (await job.run(ctx.db)) ?? {};
    await finishRun(ctx.db, id, 'succeeded', details);
  } catch (error) {
    outcome = 'failed';
    await finishRun(ctx.db, id, 'failed', { error: describeError(error) });
  }
  await ctx.db
    .transaction()
    .execute((trx) =>
      audit(trx, ctx, { verb: 'operations.job.run', recordType: 'scheduled_job', recordId: job.name, details: { outcome } }),
    );
  const [view] = await views(ctx, [job]);
  if (!view) throw new Error('the job vanished');
  return { job: view };
}
