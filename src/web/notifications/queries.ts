import { queryOptions } from '@tanstack/react-query';
import type {
  FailedEmailPage,
  NoticePage,
  NoticeView,
  PreferenceList,
  PreferenceView,
  UnreadCount,
  UnsubscribeView,
} from '../../server/notifications/schemas.js';
import { api, queryString } from '../app/api';

export type { FailedEmailPage, NoticePage, NoticeView, PreferenceList, PreferenceView, UnsubscribeView };

export const NOTICES_PAGE_SIZE = 25;

/** The bell asks again every minute, and whenever the window comes back into view. */
export const unreadCountQuery = queryOptions({
  queryKey: ['notifications', 'unread'],
  queryFn: () => api.get<UnreadCount>('/notifications/unread-count'),
  refetchInterval: 60_000,
});

export function noticesQuery(offset: number, unread: boolean) {
  return queryOptions({
    queryKey: ['notifications', 'list', offset, unread],
    queryFn: () =>
      api.get<NoticePage>(`/notifications${queryString({ limit: NOTICES_PAGE_SIZE, offset, unread: unread || undefined })}`),
  });
}

export const preferencesQuery = queryOptions({
  queryKey: ['notifications', 'preferences'],
  queryFn: () => api.get<PreferenceList>('/notifications/preferences'),
});

export function failedQuery(offset: number) {
  return queryOptions({
    queryKey: ['notifications', 'failed', offset],
    queryFn: () => api.get<FailedEmailPage>(`/notifications/failed${queryString({ limit: NOTICES_PAGE_SIZE, offset })}`),
  });
}

export function unsubscribeQuery(token: string) {
  return queryOptions({
    queryKey: ['notifications', 'unsubscribe', token],
    queryFn: () => api.get<UnsubscribeView>(`/notifications/unsubscribe/${token}`),
    retry: false,
  });
}
