import os from 'node:os';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Job } from './job.js';
import { claimRun, deleteOldRuns, finishRun } from './queries.js';

export interface JobLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface JobRunnerOptions {
  log: JobLog;
  /** Who runs the jobs, as recorded in job_run; defaults to host and process id. */
  instance?: string;
  /** Tests only: every job runs every this many seconds instead of its own period. */
  periodSeconds?: number | undefined;
  now?: () => number;
}

export interface JobRunner {
  /** Runs every job whose current slot this runner has not yet tried; resolves when done. */
  tick(): Promise<void>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

const RUN_RETENTION_DAYS = 90;

/** The runner's own housekeeping: the record of runs is kept for three months. */
export const purgeJobRuns: Job = {
  name: 'jobs.purge_runs',
  everySeconds: 24 * 3600,
  run: async (db) => ({ deleted: await deleteOldRuns(db, RUN_RETENTION_DAYS) }),
};

function describeError(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

/**
 * Creates a runner for the jobs without starting its timer (tests call tick() themselves).
 * Each instance tries each slot once; the database decides which instance runs it.
 */
export function createJobRunner(db: Kysely<DB>, jobs: readonly Job[], options: JobRunnerOptions): JobRunner {
  const instance = options.instance ?? `${os.hostname()}:${process.pid}`;
  const now = options.now ?? Date.now;
  const periodOf = (job: Job) => (options.periodSeconds ?? job.everySeconds) * 1000;
  const tried = new Map<string, number>();
  let running: Promise<void> | undefined;

  async function runDue(): Promise<void> {
    for (const job of jobs) {
      const period = periodOf(job);
      const slot = Math.floor(now() / period) * period;
      if (tried.get(job.name) === slot) continue;
      let id: number | undefined;
      try {
        const claim = await claimRun(db, job.name, new Date(slot), instance);
        // A run in progress (started by hand) keeps the slot waiting: the next tick tries it again.
        if (claim === 'busy') continue;
        id = claim;
        tried.set(job.name, slot);
      } catch (error) {
        // The database may be away for a moment: the next tick tries the same slot again.
        options.log.error({ job: job.name, error: describeError(error) }, 'job could not be claimed');
        continue;
      }
      if (id === undefined) continue;
      const started = performance.now();
      try {
        const details = (await job.run(db)) ?? {};
        await finishRun(db, id, 'succeeded', details);
        const ms = Math.round(performance.now() - started);
        options.log.info({ job: job.name, slot: new Date(slot).toISOString(), instance, ms, details }, 'job ran');
      } catch (error) {
        const message = describeError(error);
        await finishRun(db, id, 'failed', { error: message }).catch(() => {});
        options.log.error({ job: job.name, slot: new Date(slot).toISOString(), error: message }, 'job failed');
      }
    }
  }

  return {
    tick() {
      running ??= runDue().finally(() => {
        running = undefined;
      });
      return running;
    },
    async stop() {
      await running;
    },
  };
}

/** Starts the runner: it ticks at start-up and then often enough to catch every slot early. */
export function startJobRunner(db: Kysely<DB>, jobs: readonly Job[], options: JobRunnerOptions): JobRunner {
  const all = [...jobs, purgeJobRuns];
  const runner = createJobRunner(db, all, options);
  const shortest = Math.min(...all.map((job) => (options.periodSeconds ?? job.everySeconds) * 1000));
  const interval = Math.min(60_000, Math.max(100, shortest / 4));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      runner.tick().finally(schedule);
    }, interval);
    timer.unref();
  };
  runner.tick().finally(schedule);
  return {
    tick: () => runner.tick(),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await runner.stop();
    },
  };
}
