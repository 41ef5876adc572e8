import { queryOptions } from '@tanstack/react-query';
import type {
  DiffView,
  PublicSummaryView,
  ReportSummary,
  ReportView,
  VersionSummary,
} from '../../server/reports/drafting/schemas.js';
import type {
  DashboardView,
  ProjectView,
  RecommendationDetail,
  RecommendationPage,
  RecommendationView,
} from '../../server/reports/follow-up/schemas.js';
import type { DraftRecommendation, ReportContent } from '../../server/reports/schemas.js';
import { api, queryString } from '../app/api';

// Dimensions and key areas exist once, in the server's reference module.
export { DIMENSIONS, KEY_AREAS } from '../../server/reference/values.js';
export type {
  DashboardView,
  DiffView,
  DraftRecommendation,
  ProjectView,
  PublicSummaryView,
  RecommendationDetail,
  RecommendationPage,
  RecommendationView,
  ReportContent,
  ReportSummary,
  ReportView,
  VersionSummary,
};
export const LEVELS = ['green', 'yellow', 'orange', 'red'] as const;
export const PRIORITIES = ['high', 'medium', 'low'] as const;
export const RECOMMENDATION_SOURCES = ['report', 'conference', 'external'] as const;
export const PROJECT_STATUSES = ['not_started', 'in_progress', 'implemented', 'not_implemented'] as const;

export const STATUS_COLOURS: Record<string, string> = {
  draft: 'gray',
  submitted: 'yellow',
  returned: 'orange',
  adopted: 'blue',
  distributed: 'green',
  not_started: 'gray',
  in_progress: 'blue',
  implemented: 'green',
  not_implemented: 'red',
};
export const LEVEL_COLOURS: Record<string, string> = { green: 'green', yellow: 'yellow', orange: 'orange', red: 'red' };

export const reportsQuery = queryOptions({ queryKey: ['reports', 'list'], queryFn: () => api.get<ReportSummary[]>('/reports') });
export const publicSummariesQuery = queryOptions({
  queryKey: ['reports', 'public'],
  queryFn: () => api.get<PublicSummaryView[]>('/reports/public'),
});

export function reportQuery(id: string) {
  return queryOptions({ queryKey: ['reports', 'one', id], queryFn: () => api.get<ReportView>(`/reports/${id}`) });
}

export function versionsQuery(id: string) {
  return queryOptions({
    queryKey: ['reports', 'versions', id],
    queryFn: () => api.get<VersionSummary[]>(`/reports/${id}/versions`),
  });
}

export function diffQuery(id: string, from: number, to: number) {
  return queryOptions({
    queryKey: ['reports', 'diff', id, from, to],
    queryFn: () => api.get<DiffView>(`/reports/${id}/diff${queryString({ from, to })}`),
  });
}

export interface TrackerFilters {
  status?: string;
  keyArea?: string;
  dimension?: string;
  missionId?: string;
  source?: string;
  addresseeCountry?: string;
  lateOnly?: boolean;
}

export function filterString(filters: TrackerFilters, extra: Record<string, number> = {}) {
  return queryString({ ...filters, lateOnly: filters.lateOnly ? true : undefined, ...extra });
}

export function recommendationsQuery(filters: TrackerFilters, offset: number) {
  return queryOptions({
    queryKey: ['recommendations', 'list', filters, offset],
    queryFn: () => api.get<RecommendationPage>(`/recommendations${filterString(filters, { offset, limit: 25 })}`),
  });
}

export function dashboardQuery(filters: TrackerFilters) {
  return queryOptions({
    queryKey: ['recommendations', 'dashboard', filters],
    queryFn: () => api.get<DashboardView>(`/recommendations/dashboard${filterString(filters)}`),
  });
}

export function recommendationQuery(id: string) {
  return queryOptions({
    queryKey: ['recommendations', 'one', id],
    queryFn: () => api.get<RecommendationDetail>(`/recommendations/${id}`),
  });
}

export interface Commitment {
  id: string;
  symbol: string | null;
  title: string;
  year: number;
}

export const commitmentsQuery = queryOptions({
  queryKey: ['consensus', 'commitments'],
  queryFn: () => api.get<Commitment[]>('/consensus/commitments'),
  staleTime: 10 * 60_000,
});

export function projectQuery(id: string, projectId: string) {
  return queryOptions({
    queryKey: ['recommendations', 'project', id, projectId],
    queryFn: () => api.get<ProjectView>(`/recommendations/${id}/projects/${projectId}`),
  });
}

export interface Structure {
  id: string;
  code: string;
  acronym: string | null;
  name: string;
}

export const structuresQuery = queryOptions({
  queryKey: ['reports', 'structures'],
  queryFn: () => api.get<Structure[]>('/structures'),
  staleTime: 10 * 60_000,
});

/** A structure's short name: its acronym, else its name. */
export const structureLabel = (s: Structure) => (s.acronym ? `${s.acronym} · ${s.name}` : s.name);
