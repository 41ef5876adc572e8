import { queryOptions } from '@tanstack/react-query';
import type { CampaignPage, CampaignQuery, CampaignView } from '../../server/incidents/campaigns/schemas.js';
import type { RhetoricAggregate, StatementPage, StatementQuery, StatementView } from '../../server/incidents/rhetoric/schemas.js';
import { api, queryString } from '../app/api';

export { AUDIENCES } from '../../server/incidents/campaigns/schemas.js';
export { MEDIA, SPEAKER_ROLES } from '../../server/incidents/rhetoric/schemas.js';
export type { CampaignPage, CampaignQuery, CampaignView, RhetoricAggregate, StatementPage, StatementQuery, StatementView };

export const rhetoricAggregateQuery = queryOptions({
  queryKey: ['incidents', 'rhetoric', 'aggregate'],
  queryFn: () => api.get<RhetoricAggregate>('/incidents/rhetoric/statistics'),
});

export const statementsQuery = (query: StatementQuery) =>
  queryOptions({
    queryKey: ['incidents', 'rhetoric', 'queue', query],
    queryFn: () => api.get<StatementPage>(`/incidents/rhetoric${queryString({ ...query })}`),
  });

export const statementQuery = (id: string) =>
  queryOptions({
    queryKey: ['incidents', 'rhetoric', 'statement', id],
    queryFn: () => api.get<StatementView>(`/incidents/rhetoric/${id}`),
  });

export const campaignsQuery = (query: CampaignQuery) =>
  queryOptions({
    queryKey: ['incidents', 'campaigns', query],
    queryFn: () => api.get<CampaignPage>(`/incidents/campaigns${queryString({ ...query })}`),
  });

export const campaignQuery = (id: string, lang: CampaignQuery['lang']) =>
  queryOptions({
    queryKey: ['incidents', 'campaign', id, lang],
    queryFn: () => api.get<CampaignView>(`/incidents/campaigns/${id}${queryString({ lang })}`),
  });
