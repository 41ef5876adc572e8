import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BurdenView } from '../../server/solidarity/burden/schemas.js';
import type { FulfilmentView } from '../../server/solidarity/fulfilment/schemas.js';
import type { KeyDefinition, KeyResult, KeySummary, KeyView } from '../../server/solidarity/keys/schemas.js';
import type { PledgeView, RelocationView, RevisionView } from '../../server/solidarity/ledger/schemas.js';
import { api, queryString } from '../app/api';
import { countriesQuery, useApiLanguage } from '../reference/queries';

export type {
  BurdenView,
  FulfilmentView,
  KeyDefinition,
  KeyResult,
  KeySummary,
  KeyView,
  PledgeView,
  RelocationView,
  RevisionView,
};

export const keysQuery = queryOptions({
  queryKey: ['solidarity', 'keys'],
  queryFn: () => api.get<KeySummary[]>('/solidarity/keys'),
});

export function keyQuery(key: string, version?: number) {
  return queryOptions({
    queryKey: ['solidarity', 'key', key, version ?? null],
    queryFn: () => api.get<KeyView>(`/solidarity/keys/${encodeURIComponent(key)}${queryString({ version })}`),
  });
}

/** Recomputes a key on the server as it is edited; nothing is stored. */
export function useComputed(definition: KeyDefinition | null) {
  return useQuery({
    queryKey: ['solidarity', 'compute', definition],
    queryFn: () => api.post<KeyResult>('/solidarity/compute', definition),
    enabled: definition !== null,
    placeholderData: (previous) => previous,
    retry: false,
  });
}

export function useSaveKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; name: string; basedOn?: string | null; note: string; definition: KeyDefinition }) =>
      input.id
        ? api.post<KeyView>(`/solidarity/keys/${input.id}/versions`, { note: input.note, definition: input.definition })
        : api.post<KeyView>('/solidarity/keys', {
            name: input.name,
            basedOn: input.basedOn ?? null,
            note: input.note,
            definition: input.definition,
          }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['solidarity'] }),
  });
}

export function fulfilmentQuery(key: string, from: string) {
  return queryOptions({
    queryKey: ['solidarity', 'fulfilment', key, from],
    queryFn: () => api.get<FulfilmentView>(`/solidarity/fulfilment${queryString({ key, from })}`),
  });
}

export function burdenQuery(year: number | undefined, scope: 'osce' | 'all') {
  return queryOptions({
    queryKey: ['solidarity', 'burden', year ?? null, scope],
    queryFn: () => api.get<BurdenView>(`/solidarity/burden${queryString({ year, scope })}`),
  });
}

export const pledgesQuery = queryOptions({
  queryKey: ['solidarity', 'pledges'],
  queryFn: () => api.get<PledgeView[]>('/solidarity/pledges'),
});
export const relocationsQuery = queryOptions({
  queryKey: ['solidarity', 'relocations'],
  queryFn: () => api.get<RelocationView[]>('/solidarity/relocations'),
});

export function historyQuery(kind: 'pledges' | 'relocations', id: string) {
  return queryOptions({
    queryKey: ['solidarity', 'history', kind, id],
    queryFn: () => api.get<RevisionView[]>(`/solidarity/${kind}/${id}/history`),
  });
}

/** Records or changes a ledger entry, then refreshes the ledger and the fulfilment figures. */
export function useLedgerWrite<T>(write: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => client.invalidateQueries({ queryKey: ['solidarity'] }) });
}

export const recordPledge = (input: object) => api.post<PledgeView>('/solidarity/pledges', input);
export const changePledge = ({ id, ...input }: { id: string } & Record<string, unknown>) =>
  api.patch<PledgeView>(`/solidarity/pledges/${id}`, input);
export const recordRelocation = (input: object) => api.post<RelocationView>('/solidarity/relocations', input);

/** Country names in the interface language, by ISO code; the code itself until they arrive. */
export function useCountryNames(): {
  name: (iso2: string) => string;
  countries: Array<{ iso2: string; name: string; osceStatus: string }>;
} {
  const lang = useApiLanguage();
  const countries = useQuery(countriesQuery(lang)).data ?? [];
  const byIso = new Map(countries.map((c) => [c.iso2, c.name]));
  return { name: (iso2) => byIso.get(iso2) ?? iso2, countries };
}

export const percent = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined ? '—' : `${(value * 100).toFixed(digits)} %`;
