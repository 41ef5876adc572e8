import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authJobs } from '../auth/jobs.js';
import { freshDatabase, type TestDatabase, testBackends } from '../test-support/database.js';
import type { Job } from './job.js';
import { createJobRunner, purgeJobRuns } from './runner.js';

const quiet = { info: () => {}, error: () => {} };

describe.each(testBackends())('scheduled jobs on %s', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(backend);
  });
  afterAll(() => database?.close());

  const runsOf = (job: string) =>
    database.db.selectFrom('job_run').selectAll().where('job', '=', job).orderBy('slot_start').execute();

  it('runs each slot of a job once, whichever of two instances claims it', async () => {
    let clock = Date.UTC(2026, 10, 28, 10, 0, 5);
    const ran: string[] = [];
    const job: Job = {
      name: 'test.count',
      everySeconds: 60,
      run: async () => {
        ran.push(new Date(clock).toISOString());
        return { counted: ran.length };
      },
    };
    const a = createJobRunner(database.db, [job], { log: quiet, instance: 'a', now: () => clock });
    const b = createJobRunner(database.db, [job], { log: quiet, instance: 'b', now: () => clock });
    await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(ran).toHaveLength(1);
    clock += 30_000; // the same slot
    await Promise.all([a.tick(), b.tick()]);
    expect(ran).toHaveLength(1);
    clock += 40_000; // the next slot
    await Promise.all([b.tick(), a.tick()]);
    expect(ran).toHaveLength(2);
    const runs = await runsOf('test.count');
    expect(runs.map((r) => new Date(r.slot_start).toISOString())).toEqual([
      '2026-11-28T10:00:00.000Z',
      '2026-11-28T10:01:00.000Z',
    ]);
    expect(runs.every((r) => r.outcome === 'succeeded' && r.finished_at !== null && ['a', 'b'].includes(r.instance))).toBe(true);
    expect(runs[1]?.details).toEqual({ counted: 2 });
  });

  it('lets a slot wait while a run of the same job started by hand is in progress, and then runs it', async () => {
    const clock = Date.UTC(2026, 10, 28, 12, 0, 0);
    const ran: number[] = [];
    const job: Job = { name: 'test.by_hand', everySeconds: 3600, run: async () => void ran.push(clock) };
    // A run started by hand a moment ago, for another slot, not finished yet.
    const manual = await database.db
      .insertInto('job_run')
      .values({ job: job.name, slot_start: new Date(clock - 1000), instance: 'by-hand' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const runner = createJobRunner(database.db, [job], { log: quiet, instance: 'a', now: () => clock });
    await runner.tick();
    expect(ran).toEqual([]);
    expect((await runsOf(job.name)).map((r) => r.instance)).toEqual(['by-hand']);
    await database.db
      .updateTable('job_run')
      .set({ finished_at: new Date(), outcome: 'succeeded' })
      .where('id', '=', manual.id)
      .execute();
    // The same slot, tried again now that the other run has finished.
    await runner.tick();
    expect(ran).toHaveLength(1);
    expect((await runsOf(job.name)).map((r) => r.instance)).toEqual(['by-hand', 'a']);
  });

  it('records a failed run with its message and tries again in the next slot', async () => {
    let clock = Date.UTC(2026, 10, 28, 11, 0, 0);
    let fail = true;
    const job: Job = {
      name: 'test.flaky',
      everySeconds: 10,
      run: async () => {
        if (fail) throw new Error('the source did not answer');
        return undefined;
      },
    };
    const errors: object[] = [];
    const runner = createJobRunner(database.db, [job], {
      log: { info: () => {}, error: (o) => errors.push(o) },
      now: () => clock,
    });
    await runner.tick();
    fail = false;
    clock += 10_000;
    await runner.tick();
    const runs = await runsOf('test.flaky');
    expect(runs.map((r) => [r.outcome, r.details])).toEqual([
      ['failed', { error: 'the source did not answer' }],
      ['succeeded', {}],
    ]);
    expect(errors).toHaveLength(1);
  });

  it('keeps the record of runs for three months', async () => {
    await database.db
      .insertInto('job_run')
      .values({ job: 'test.ancient', slot_start: '2020-01-01T00:00:00Z', instance: 'x' })
      .execute();
    await sql`update job_run set started_at = now() - interval '91 days' where job = 'test.ancient'`.execute(database.db);
    expect(await purgeJobRuns.run(database.db)).toEqual({ deleted: 1 });
    expect(await runsOf('test.ancient')).toEqual([]);
  });

  it('purges expired sessions and stale sign-in failures every hour', async () => {
    const user = await database.db
      .insertInto('app_user')
      .values({ email: 'expired.session@example.org', name: 'Expired', password_hash: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto('user_session')
      .values({ token_hash: Buffer.from('expired'), user_id: user.id, csrf_token: 'x', expires_at: '2020-01-01T00:00:00Z' })
      .execute();
    await database.db.insertInto('login_failure').values({ account_key: 'k', address: '10.0.0.9' }).execute();
    await sql`update login_failure set at = now() - interval '2 days'`.execute(database.db);
    const [purge] = authJobs;
    expect(purge?.everySeconds).toBe(3600);
    expect(await purge?.run(database.db)).toEqual({ sessions: 1, loginFailures: 1 });
  });
});
