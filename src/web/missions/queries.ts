import { queryOptions } from '@tanstack/react-query';
import type { BalanceView } from '../../server/missions/balance/schemas.js';
import type { PartnersView, ProposedContactsView } from '../../server/missions/partners/schemas.js';
import type { MissionSummary, MissionView } from '../../server/missions/schemas.js';
import type { CompositionView } from '../../server/missions/team/schemas.js';
import { api, queryString } from '../app/api';

export type { BalanceView, CompositionView, MissionSummary, MissionView, PartnersView, ProposedContactsView };

export const missionsQuery = queryOptions({
  queryKey: ['missions', 'list'],
  queryFn: () => api.get<MissionSummary[]>('/missions'),
});

export function missionQuery(id: string) {
  return queryOptions({ queryKey: ['missions', 'one', id], queryFn: () => api.get<MissionView>(`/missions/${id}`) });
}

export function balanceQuery(from: string, to: string, missionId?: string) {
  return queryOptions({
    queryKey: ['missions', 'balance', from, to, missionId ?? null],
    queryFn: () => api.get<BalanceView>(`/missions/balance${queryString({ from, to, missionId })}`),
  });
}

export const STATUS_COLOURS: Record<string, string> = {
  draft: 'gray',
  proposed: 'yellow',
  approved: 'blue',
  team_confirmed: 'teal',
  deployed: 'green',
  reporting: 'violet',
  closed: 'dark',
  cancelled: 'red',
};

export function partnersQuery(id: string) {
  return queryOptions({
    queryKey: ['missions', 'partners', id],
    queryFn: () => api.get<PartnersView>(`/missions/${id}/partners`),
  });
}

export function proposedContactsQuery(id: string, lang: string) {
  return queryOptions({
    queryKey: ['missions', 'proposed-contacts', id, lang],
    queryFn: () => api.get<ProposedContactsView>(`/missions/${id}/proposed-contacts${queryString({ lang })}`),
  });
}
