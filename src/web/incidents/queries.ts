import { queryOptions } from '@tanstack/react-query';
import type { KeyStatus } from '../../server/incidents/keys/schemas.js';
import type { StatDimension, StatisticsQuery, StatisticsView } from '../../server/incidents/publication/schemas.js';
import type { CaseView, QueueQuery, QueueView } from '../../server/incidents/review/schemas.js';
import type { FormSettingsView } from '../../server/incidents/submission/schemas.js';
import { api, queryString } from '../app/api';

/** The codes of the ODIHR categories (their names are in the translations). */
export {
  BIAS_INDICATORS,
  BIAS_MOTIVATIONS,
  INCIDENT_TYPES,
  PROPERTY_TARGETS,
  SOURCES,
  STATUSES,
  TARGETS,
} from '../../server/incidents/categories.js';
export type { CaseView, FormSettingsView, QueueView, StatDimension, StatisticsQuery, StatisticsView };

/**
 * The form's settings with a fresh challenge: fetched once per form, and again only after a
 * sending (a challenge is accepted once), so that the proof is not started over while filling.
 */
export const formQuery = queryOptions({
  queryKey: ['incidents', 'form'],
  queryFn: () => api.get<FormSettingsView>('/incidents/form'),
  staleTime: Number.POSITIVE_INFINITY,
  refetchOnWindowFocus: false,
  refetchOnReconnect: false,
});

/** Whether the organisation key exists (the co-ordinator's set-up page and banner). */
export const keyStatusQuery = queryOptions({
  queryKey: ['incidents', 'key'],
  queryFn: () => api.get<KeyStatus>('/incidents/key'),
});

export const queueQuery = (filter: QueueQuery) =>
  queryOptions({
    queryKey: ['incidents', 'queue', filter],
    queryFn: () => api.get<QueueView>(`/incidents/reports${queryString({ ...filter })}`),
  });

export const caseQuery = (id: string) =>
  queryOptions({
    queryKey: ['incidents', 'case', id],
    queryFn: () => api.get<CaseView>(`/incidents/reports/${id}`),
  });

export const reviewersQuery = queryOptions({
  queryKey: ['incidents', 'reviewers'],
  queryFn: () => api.get<Array<{ id: string; name: string }>>('/incidents/reviewers'),
});

export const statisticsQuery = (query: StatisticsQuery) =>
  queryOptions({
    queryKey: ['incidents', 'statistics', query],
    queryFn: () => api.get<StatisticsView>(`/incidents/statistics${queryString({ ...query })}`),
  });

export const STATUS_COLOURS: Record<string, string> = {
  received: 'gray',
  under_review: 'blue',
  verified: 'green',
  not_verified: 'orange',
  duplicate: 'grape',
  rejected: 'red',
};

/** A published count as a person reads it: "not published" or the (rounded) number. */
export function countText(count: { value: number | null; suppressed: boolean }, suppressedLabel: string): string {
  return count.suppressed ? suppressedLabel : String(count.value ?? 0);
}
