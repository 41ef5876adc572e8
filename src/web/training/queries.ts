import { queryOptions } from '@tanstack/react-query';
import type {
  CourseView,
  NominationView,
  SessionPage,
  SessionSummary,
  SessionView,
} from '../../server/training/catalogue/schemas.js';
import type { CertificateCheck } from '../../server/training/certificates/schemas.js';
import type { EvaluationSummary, MyTraining, TestView } from '../../server/training/records/schemas.js';
import type { ExpiringList, TrainingStatistics } from '../../server/training/statistics/schemas.js';
import { api, queryString } from '../app/api';

export type {
  CertificateCheck,
  CourseView,
  EvaluationSummary,
  ExpiringList,
  MyTraining,
  NominationView,
  SessionPage,
  SessionSummary,
  SessionView,
  TestView,
  TrainingStatistics,
};

export const AUDIENCES = [
  'police',
  'prosecutors',
  'judges',
  'border_guards',
  'civil_servants',
  'civil_society',
  'osce_staff',
] as const;
export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;

export function coursesQuery(filter: { keyArea?: string | null; audience?: string | null; q?: string }) {
  return queryOptions({
    queryKey: ['training', 'courses', filter],
    queryFn: () =>
      api.get<{ items: CourseView[]; canCreate: boolean }>(
        `/training/courses${queryString({ keyArea: filter.keyArea ?? undefined, audience: filter.audience ?? undefined, q: filter.q || undefined })}`,
      ),
  });
}

export function sessionsQuery(filter: { courseId?: string | null; year?: number | null; offset: number }) {
  return queryOptions({
    queryKey: ['training', 'sessions', filter],
    queryFn: () =>
      api.get<SessionPage>(
        `/training/sessions${queryString({ courseId: filter.courseId ?? undefined, year: filter.year ?? undefined, offset: filter.offset, limit: 20 })}`,
      ),
  });
}

export function sessionQuery(id: string) {
  return queryOptions({ queryKey: ['training', 'session', id], queryFn: () => api.get<SessionView>(`/training/sessions/${id}`) });
}

export const myTrainingQuery = queryOptions({ queryKey: ['training', 'me'], queryFn: () => api.get<MyTraining>('/training/me') });

export function testQuery(nominationId: string, kind: 'pre' | 'post') {
  return queryOptions({
    queryKey: ['training', 'test', nominationId, kind],
    queryFn: () => api.get<TestView>(`/training/nominations/${nominationId}/tests/${kind}`),
  });
}

export function verifyQuery(code: string) {
  return queryOptions({
    queryKey: ['training', 'verify', code],
    queryFn: () => api.get<CertificateCheck>(`/training/verify/${encodeURIComponent(code)}`),
    retry: false,
  });
}

export function statisticsQuery(filter: { year?: number | null; courseId?: string | null }) {
  return queryOptions({
    queryKey: ['training', 'statistics', filter],
    queryFn: () =>
      api.get<TrainingStatistics>(
        `/training/statistics${queryString({ year: filter.year ?? undefined, courseId: filter.courseId ?? undefined })}`,
      ),
  });
}

export function evaluationsQuery(filter: { sessionId?: string; courseId?: string | null; year?: number | null }) {
  return queryOptions({
    queryKey: ['training', 'evaluations', filter],
    queryFn: () =>
      api.get<EvaluationSummary>(
        `/training/evaluations${queryString({ sessionId: filter.sessionId, courseId: filter.courseId ?? undefined, year: filter.year ?? undefined })}`,
      ),
  });
}

export const expiringQuery = queryOptions({
  queryKey: ['training', 'expiring'],
  queryFn: () => api.get<ExpiringList>('/training/expiring?days=90'),
});

export const STATUS_COLOURS: Record<string, string> = {
  nominated: 'gray',
  selected: 'green',
  waitlisted: 'yellow',
  declined: 'red',
};
