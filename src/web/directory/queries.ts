import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../app/api';
import type { Page } from '../app/types';
import type { Language } from '../i18n';
import { countriesQuery, useApiLanguage } from '../reference/queries';

export type { ActivityView, CreateActivityBody } from '../../server/directory/activities/schemas.js';
export type { ContactView, CreateContactBody } from '../../server/directory/contacts/schemas.js';
export type { ImportReport } from '../../server/directory/matrix/schemas.js';
export type { OrganisationSummary, OrganisationView } from '../../server/directory/organisations/schemas.js';
export type { SearchHit, SearchResult } from '../../server/directory/search/schemas.js';
export type { Recommendation, WhomToCallResult } from '../../server/directory/whom-to-call/schemas.js';

import type { ActivityView } from '../../server/directory/activities/schemas.js';
import type { ContactView } from '../../server/directory/contacts/schemas.js';
import type { OrganisationSummary, OrganisationView } from '../../server/directory/organisations/schemas.js';
import type { SearchResult } from '../../server/directory/search/schemas.js';
import type { WhomToCallResult } from '../../server/directory/whom-to-call/schemas.js';

// Dimensions and key areas exist once, in the server's reference module.
export { DIMENSIONS, KEY_AREAS } from '../../server/reference/values.js';
export const STATUSES = ['planned', 'ongoing', 'completed'] as const;
export const VISIBILITIES = ['public', 'signed_in', 'osce_staff', 'coordinator'] as const;
export const TARGET_GROUPS = [
  'refugees',
  'asylum_seekers',
  'migrants',
  'victims_of_trafficking',
  'idps',
  'host_communities',
  'officials',
] as const;
export const ORGANISATION_TYPES = [
  'secretariat',
  'secretariat_department',
  'institution',
  'parliamentary_assembly',
  'training_institution',
  'field_operation',
  'state_authority',
  'international_organisation',
  'ngo',
  'academia',
] as const;

type Params = Record<string, string | number | boolean | undefined>;

export function searchQuery(lang: Language, params: Params) {
  return queryOptions({
    queryKey: ['directory', 'search', lang, params],
    queryFn: () => api.get<SearchResult>(`/directory/search${queryString({ ...params, lang })}`),
    placeholderData: keepPreviousData,
  });
}

export function whomToCallQuery(lang: Language, params: Params, enabled: boolean) {
  return queryOptions({
    queryKey: ['directory', 'whom', lang, params],
    queryFn: () => api.get<WhomToCallResult>(`/directory/whom-to-call${queryString({ ...params, lang })}`),
    enabled,
  });
}

export function organisationQuery(lang: Language, id: string) {
  return queryOptions({
    queryKey: ['directory', 'organisation', lang, id],
    queryFn: () => api.get<OrganisationView>(`/directory/organisations/${id}${queryString({ lang })}`),
  });
}

export function organisationsQuery(lang: Language, params: Params) {
  return queryOptions({
    queryKey: ['directory', 'organisations', lang, params],
    queryFn: () => api.get<Page<OrganisationSummary>>(`/directory/organisations${queryString({ ...params, lang })}`),
    staleTime: 60_000,
  });
}

export function contactsQuery(lang: Language, params: Params) {
  return queryOptions({
    queryKey: ['directory', 'contacts', lang, params],
    queryFn: () => api.get<Page<ContactView>>(`/directory/contacts${queryString({ ...params, lang })}`),
  });
}

export function contactQuery(lang: Language, id: string) {
  return queryOptions({
    queryKey: ['directory', 'contact', lang, id],
    queryFn: () => api.get<ContactView>(`/directory/contacts/${id}${queryString({ lang })}`),
  });
}

export function activitiesQuery(lang: Language, params: Params) {
  return queryOptions({
    queryKey: ['directory', 'activities', lang, params],
    queryFn: () => api.get<Page<ActivityView>>(`/directory/activities${queryString({ ...params, lang })}`),
    placeholderData: keepPreviousData,
  });
}

export function activityQuery(lang: Language, id: string) {
  return queryOptions({
    queryKey: ['directory', 'activity', lang, id],
    queryFn: () => api.get<ActivityView>(`/directory/activities/${id}${queryString({ lang })}`),
  });
}

export function mapQuery(params: Params) {
  return queryOptions({
    queryKey: ['directory', 'map', params],
    queryFn: () => api.get<{ iso2: string; activities: number; organisations: number }[]>(`/directory/map${queryString(params)}`),
  });
}

/** Country names in the interface language, sorted, for selects and labels. */
export function useCountries() {
  const lang = useApiLanguage();
  const countries = useQuery(countriesQuery(lang));
  const list = [...(countries.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, lang));
  const byCode = new Map(list.map((c) => [c.iso2, c.name]));
  return { list, name: (iso2: string) => byCode.get(iso2) ?? iso2 };
}

/** Languages of the reference data, named in the interface language. */
export function useLanguages() {
  const lang = useApiLanguage();
  const languages = useQuery({
    queryKey: ['reference', 'languages', lang],
    queryFn: () => api.get<{ code: string; name: string }[]>(`/reference/languages${queryString({ lang })}`),
    staleTime: 10 * 60_000,
  });
  const list = [...(languages.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, lang));
  const byCode = new Map(list.map((l) => [l.code, l.name]));
  return { list, name: (code: string) => byCode.get(code) ?? code };
}

/** Competences of the reference data, named in the interface language. */
export function useCompetences() {
  const lang = useApiLanguage();
  const competences = useQuery({
    queryKey: ['reference', 'competences', lang],
    queryFn: () => api.get<{ code: string; name: string }[]>(`/reference/competences${queryString({ lang })}`),
    staleTime: 10 * 60_000,
  });
  const list = competences.data ?? [];
  const byCode = new Map(list.map((l) => [l.code, l.name]));
  return { list, name: (code: string) => byCode.get(code) ?? code };
}
