import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { sendProblem } from '../http/error-handler.js';
import { Problem } from '../http/problems.js';
import { responses } from '../http/responses.js';
import { jobRoutes } from './jobs/routes.js';
import { readiness } from './readiness.js';

const Ready = Type.Object({
  status: Type.Literal('ready'),
  checks: Type.Array(Type.Object({ name: Type.String(), ok: Type.Boolean(), detail: Type.Optional(Type.String()) })),
});

export const operationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const check = readiness(app.database, () => app.runtime.jobs?.());
  await app.register(jobRoutes);

  app.get(
    '/ready',
    {
      config: { access: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Whether this instance can serve: its database answers, it is migrated, its jobs run (503 if not)',
        description: "For a load balancer or an orchestrator's readiness probe; `/api/health` is the liveness probe.",
        response: responses({ 200: Ready }),
      },
    },
    async (request, reply) => {
      const checks = await check();
      const failing = checks.filter((one) => !one.ok);
      if (failing.length > 0) {
        // Answered here rather than thrown: a probe that finds the database away is not a fault to log.
        const detail = failing.map((one) => one.detail ?? one.name).join(' ');
        return sendProblem(
          request,
          reply,
          new Problem('unavailable', detail, { extensions: { checks }, retryAfterSeconds: 5, disclose: true }),
        );
      }
      return { status: 'ready' as const, checks };
    },
  );

  // Scheduled jobs, from the runs every instance records: so any instance answers for all of them.
  app.metrics.gauge(
    'crossroads_job_runs',
    'Runs of each scheduled job recorded in the last 90 days, by outcome (running for one not finished)',
    ['job', 'outcome'] as const,
    async (gauge) => {
      const rows = await app.database.db
        .selectFrom('job_run')
        .select(['job', sql<string>`coalesce(outcome, 'running')`.as('outcome'), sql<number>`count(*)::int`.as('runs')])
        .groupBy(['job', sql`coalesce(outcome, 'running')`])
        .execute();
      gauge.reset();
      for (const row of rows) gauge.set({ job: row.job, outcome: row.outcome }, Number(row.runs));
    },
  );
  app.metrics.gauge(
    'crossroads_job_last_run_timestamp_seconds',
    'When each scheduled job last finished, by outcome',
    ['job', 'outcome'] as const,
    async (gauge) => {
      const rows = await app.database.db
        .selectFrom('job_run')
        .where('finished_at', 'is not', null)
        .select(['job', 'outcome', sql<number>`extract(epoch from max(finished_at))::float8`.as('at')])
        .groupBy(['job', 'outcome'])
        .execute();
      gauge.reset();
      for (const row of rows) gauge.set({ job: row.job, outcome: row.outcome ?? 'running' }, Number(row.at));
    },
  );
  // The notification outbox: how many emails wait, how long the oldest has waited, how many failed.
  app.metrics.gauge('crossroads_outbox_emails', 'Emails in the outbox, by status', ['status'] as const, async (gauge) => {
    const rows = await app.database.db
      .selectFrom('notification_email')
      .select(['status', sql<number>`count(*)::int`.as('emails')])
      .groupBy('status')
      .execute();
    gauge.reset();
    for (const status of ['held', 'pending', 'sent', 'failed', 'digested']) gauge.set({ status }, 0);
    for (const row of rows) gauge.set({ status: row.status }, Number(row.emails));
  });
  app.metrics.gauge(
    'crossroads_outbox_oldest_pending_seconds',
    'Age of the oldest email still waiting to be sent',
    [] as const,
    async (gauge) => {
      const row = await app.database.db
        .selectFrom('notification_email')
        .where('status', '=', 'pending')
        .select(sql<number | null>`extract(epoch from (now() - min(created_at)))::float8`.as('age'))
        .executeTakeFirst();
      gauge.set(Number(row?.age ?? 0));
    },
  );
};
