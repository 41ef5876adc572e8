import type { AccessTable } from '../access-table.js';

/** The jobs page is the co-ordinator's alone; running a job now is tested with the runs it records in operations/jobs.test.ts. */
export const OPERATIONS_ROWS: AccessTable = {
  'GET /api/operations/jobs': { who: ['coordinator'], ok: 200 },
  'POST /api/operations/jobs/:name/run': {
    who: ['coordinator'],
    ok: 200,
    request: () => ({ url: '/api/operations/jobs/auth.purge_expired/run' }),
  },
};
