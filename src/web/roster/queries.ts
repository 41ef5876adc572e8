import { queryOptions } from '@tanstack/react-query';
import type { ExpertView, RosterPage, RosterQuery } from '../../server/roster/schemas.js';
import { api, queryString } from '../app/api';

export type { ExpertView, RosterPage, RosterQuery };

export function rosterQuery(query: RosterQuery) {
  return queryOptions({
    queryKey: ['roster', 'search', query],
    queryFn: () => api.get<RosterPage>(`/roster/experts${queryString(query as Record<string, string | number | undefined>)}`),
  });
}

export function expertQuery(id: string) {
  return queryOptions({ queryKey: ['roster', 'expert', id], queryFn: () => api.get<ExpertView>(`/roster/experts/${id}`) });
}

export const myProfileQuery = queryOptions({
  queryKey: ['roster', 'me'],
  queryFn: () => api.get<{ expert: ExpertView | null }>('/roster/me'),
});
