import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../jobs/job.js';
import { createJobRunner } from '../jobs/runner.js';
import { type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';
import { registerJobs, scheduledJobs } from './jobs/registry.js';
import type { JobList, JobView } from './jobs/schemas.js';

// Jobs of this test only: one that waits for the test to let it finish, one that always fails.
let release: (() => void) | undefined;
let slowRuns = 0;
const slow: Job = {
  name: 'test.slow_job',
  everySeconds: 3600,
  run: async () => {
    slowRuns += 1;
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    return { done: 1 };
  },
};
const failing: Job = {
  name: 'test.failing_job',
  everySeconds: 3600,
  run: async () => {
    throw new Error('the relay refused the connection');
  },
};
const scheduleOnly: Job = { name: 'test.schedule_only', everySeconds: 3600, allowRunNow: false, run: async () => ({}) };
registerJobs([slow, failing, scheduleOnly]);

const quietLog = { info: () => {}, error: () => {} };

describe.each(testBackends())('the jobs page on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend);
  });
  afterAll(async () => {
    release?.();
    await t?.close();
  });

  async function list(): Promise<JobList> {
    const response = await t.request(await t.as('coordinator'), { method: 'GET', url: '/api/operations/jobs' });
    expect(response.statusCode).toBe(200);
    return response.json();
  }
  async function job(name: string): Promise<JobView> {
    const found = (await list()).jobs.find((one) => one.name === name);
    if (!found) throw new Error(`${name} is not listed`);
    return found;
  }
  const runNow = async (name: string) =>
    t.request(await t.as('coordinator'), { method: 'POST', url: `/api/operations/jobs/${name}/run` });

  it('lists every job the platform schedules, with its period, and the outbox', async () => {
    const body = await list();
    const names = body.jobs.map((one) => one.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'auth.purge_expired',
        'jobs.purge_runs',
        'notifications.daily_digest',
        'incidents.publish_statistics',
        'reports.late_recommendations',
      ]),
    );
    const purge = body.jobs.find((one) => one.name === 'auth.purge_expired');
    expect(purge).toMatchObject({ periodSeconds: 3600, allowRunNow: true, running: false, failures: { count: 0 } });
    expect(body.jobs.find((one) => one.name === 'notifications.daily_digest')?.allowRunNow).toBe(false);
    expect(body.outbox).toEqual({ queued: 0, oldestQueuedSeconds: null, failed: 0, failedPage: '/notifications/failed' });
  });

  it('shows a job’s last run after the runner ran it, and when it runs next', async () => {
    expect((await job('auth.purge_expired')).lastRun).toBeNull();
    const now = Date.UTC(2026, 11, 4, 14, 30);
    await createJobRunner(t.database.db, [{ name: 'auth.purge_expired', everySeconds: 3600, run: async () => ({}) }], {
      log: quietLog,
      now: () => now,
    }).tick();
    const listed = await job('auth.purge_expired');
    expect(listed.lastRun).toMatchObject({ outcome: 'succeeded', error: null });
    expect(listed.lastRun?.durationMs).toBeGreaterThanOrEqual(0);
    expect(new Date(listed.nextRunAt).getTime()).toBeGreaterThan(Date.now() - 3600_000);
  });

  it('runs a job now once, records the run and audits it', async () => {
    const before = await t.database.db.selectFrom('job_run').select('id').where('job', '=', 'jobs.purge_runs').execute();
    const response = await runNow('jobs.purge_runs');
    expect(response.statusCode).toBe(200);
    expect(response.json().job).toMatchObject({ name: 'jobs.purge_runs', running: false, lastRun: { outcome: 'succeeded' } });
    const after = await t.database.db
      .selectFrom('job_run')
      .select(['id', 'outcome'])
      .where('job', '=', 'jobs.purge_runs')
      .execute();
    expect(after).toHaveLength(before.length + 1);
    expect((await job('jobs.purge_runs')).lastRun?.outcome).toBe('succeeded');
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select(['record_type', 'record_id'])
      .where('verb', '=', 'operations.job.run')
      .execute();
    expect(audits).toContainEqual({ record_type: 'scheduled_job', record_id: 'jobs.purge_runs' });
  });

  it('refuses a second run while the first runs, as a problem, and runs the job once', async () => {
    slowRuns = 0;
    const first = runNow(slow.name);
    await expect.poll(() => slowRuns).toBe(1);
    expect((await job(slow.name)).running).toBe(true);
    const second = await runNow(slow.name);
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json().detail).toBe('This job is already running; wait for it to finish.');
    release?.();
    expect((await first).statusCode).toBe(200);
    expect(slowRuns).toBe(1);
    expect((await job(slow.name)).lastRun?.outcome).toBe('succeeded');
  });

  it('refuses a run while another instance’s runner runs the job', async () => {
    await t.database.db
      .insertInto('job_run')
      .values({ job: 'auth.purge_expired', slot_start: new Date('2026-01-01T00:00:00Z'), instance: 'another' })
      .execute();
    expect((await runNow('auth.purge_expired')).statusCode).toBe(409);
    await t.database.db.deleteFrom('job_run').where('instance', '=', 'another').execute();
    expect((await runNow('auth.purge_expired')).statusCode).toBe(200);
  });

  it('lists a failure with its message', async () => {
    const response = await runNow(failing.name);
    expect(response.statusCode).toBe(200);
    const listed = await job(failing.name);
    expect(listed.lastRun).toMatchObject({ outcome: 'failed', error: 'the relay refused the connection' });
    expect(listed.failures.count).toBe(1);
    expect(listed.failures.recent[0]?.error).toBe('the relay refused the connection');
  });

  it('does not run a job that runs only on its schedule, nor one that does not exist', async () => {
    expect((await runNow(scheduleOnly.name)).statusCode).toBe(409);
    expect((await runNow('nothing.such_job')).statusCode).toBe(404);
    expect((await t.database.db.selectFrom('job_run').select('id').where('job', '=', scheduleOnly.name).execute()).length).toBe(
      0,
    );
  });

  it('is the co-ordinator’s alone', async () => {
    for (const role of ['analyst', 'focal_point'] as const) {
      const persona = await t.as(role);
      expect((await t.request(persona, { method: 'GET', url: '/api/operations/jobs' })).statusCode).toBe(403);
      expect((await t.request(persona, { method: 'POST', url: '/api/operations/jobs/jobs.purge_runs/run' })).statusCode).toBe(
        403,
      );
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/operations/jobs' })).statusCode).toBe(401);
  });

  it('runs every job of the platform on a database that holds no record yet, and each succeeds', async () => {
    const platform = scheduledJobs().filter((one) => !one.name.startsWith('test.'));
    expect(platform.map((one) => one.name)).toContain('incidents.publish_statistics');
    const slot = Date.UTC(2027, 0, 1);
    await createJobRunner(t.database.db, platform, { log: quietLog, now: () => slot }).tick();
    const runs = await t.database.db
      .selectFrom('job_run')
      .select(['job', 'outcome', 'details'])
      .where('slot_start', '>=', new Date(slot - 24 * 3600_000))
      .orderBy('job')
      .execute();
    expect(runs.map((run) => run.job)).toEqual(platform.map((one) => one.name));
    for (const run of runs)
      expect({ job: run.job, outcome: run.outcome, details: run.details }).toMatchObject({ outcome: 'succeeded' });
  });
});
