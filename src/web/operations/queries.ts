import { queryOptions } from '@tanstack/react-query';
import type { JobList, JobView, RunNowResult } from '../../server/operations/jobs/schemas.js';
import type { CreateFeedBody, FeedRunResult, FeedView, UpdateFeedBody } from '../../server/warning/feeds/schemas.js';
import { api } from '../app/api';

export type { FeedRunResult, FeedView, JobList, JobView, RunNowResult };

/** The jobs page asks again every half minute: a run may finish on another instance meanwhile. */
export const jobsQuery = queryOptions({
  queryKey: ['operations', 'jobs'],
  queryFn: () => api.get<JobList>('/operations/jobs'),
  refetchInterval: 30_000,
});

export function runJobNow(name: string): Promise<RunNowResult> {
  return api.post<RunNowResult>(`/operations/jobs/${name}/run`);
}

/** The data feeds, for those who keep them; asked again with the jobs, a run may finish elsewhere. */
export const feedsQuery = queryOptions({
  queryKey: ['warning', 'feeds'],
  queryFn: () => api.get<FeedView[]>('/warning/feeds'),
  refetchInterval: 30_000,
});

export function saveFeed(id: string | null, body: CreateFeedBody | UpdateFeedBody): Promise<FeedView> {
  return id ? api.patch<FeedView>(`/warning/feeds/${id}`, body) : api.post<FeedView>('/warning/feeds', body);
}

export function runFeedNow(id: string): Promise<FeedRunResult> {
  return api.post<FeedRunResult>(`/warning/feeds/${id}/run`);
}
