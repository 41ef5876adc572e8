import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { JobList, JobNameParams, RunNowResult } from './schemas.js';
import { listJobs, runJobNow } from './service.js';

const tags = ['operations'];

/** The scheduled jobs and the outbox, for the co-ordinator: what ran, what failed, and running a job now. */
export const jobRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/operations/jobs',
    {
      config: { access: 'operations.read' },
      schema: {
        tags,
        summary: 'Every scheduled job with its last run, next run and failures of the last 7 days, and the outbox',
        response: responses({ 200: JobList }),
      },
    },
    async (request) => listJobs(request.ctx),
  );

  app.post(
    '/operations/jobs/:name/run',
    {
      // Not in one transaction: the claim must commit before the job runs, so that every other
      // instance sees it and refuses a second run, and the job opens its own transactions.
      config: { access: 'operations.run', transaction: false },
      schema: {
        tags,
        summary: 'Run a scheduled job now, once across every instance (409 while it runs); audited',
        params: JobNameParams,
        response: responses({ 200: RunNowResult }),
      },
    },
    async (request) => runJobNow(request.ctx, request.params.name),
  );
};
