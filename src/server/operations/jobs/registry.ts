import type { Job } from '../../jobs/job.js';
import { purgeJobRuns } from '../../jobs/runner.js';

const registered = new Map<string, Job>([[purgeJobRuns.name, purgeJobRuns]]);

/** The scheduled jobs the platform runs, as domains.ts lists them (the runner's own housekeeping is always one). */
export function registerJobs(jobs: readonly Job[]): void {
  for (const job of jobs) registered.set(job.name, job);
}

/** Every scheduled job, by name. */
export function scheduledJobs(): Job[] {
  return [...registered.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function findJob(name: string): Job | undefined {
  return registered.get(name);
}
