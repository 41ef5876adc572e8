import { queryOptions } from '@tanstack/react-query';
import type { JobList, JobView, RunNowResult } from '../../server/operations/jobs/schemas.js';
import { api } from '../app/api';

export type { JobList, JobView, RunNowResult };

/** The jobs page asks again every half minute: a run may finish on another instance meanwhile. */
export const jobsQuery = queryOptions({
  queryKey: ['operations', 'jobs'],
  queryFn: () => api.get<JobList>('/operations/jobs'),
  refetchInterval: 30_000,
});

export function runJobNow(name: string): Promise<RunNowResult> {
  return api.post<RunNowResult>(`/operations/jobs/${name}/run`);
}
