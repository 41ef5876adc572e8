import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../app/api';
import type { CountryView, StructureView } from '../app/types';
import { isLanguage, type Language } from '../i18n';

export interface CountryFilter {
  status?: CountryView['osceStatus'] | undefined;
  subregion?: NonNullable<CountryView['subregion']> | undefined;
  fieldOperation?: boolean | undefined;
  q?: string | undefined;
}

export interface StructureFilter {
  type?: StructureView['type'] | undefined;
  q?: string | undefined;
}

/** Countries in the given language; reference data changes rarely, so it stays fresh for a while. */
export function countriesQuery(lang: Language, filter: CountryFilter = {}) {
  return queryOptions({
    queryKey: ['countries', lang, filter],
    queryFn: () => api.get<CountryView[]>(`/countries${queryString({ ...filter, lang })}`),
    staleTime: 10 * 60_000,
  });
}

export function structuresQuery(lang: Language, filter: StructureFilter = {}) {
  return queryOptions({
    queryKey: ['structures', lang, filter],
    queryFn: () => api.get<StructureView[]>(`/structures${queryString({ ...filter, lang })}`),
    staleTime: 10 * 60_000,
  });
}

/** The interface language as the API's `lang` parameter. */
export function useApiLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}

/** Names of the structures and participating States that grants are scoped to, in the interface language. */
export function useScopeNames(needed = true) {
  const lang = useApiLanguage();
  const structures = useQuery({ ...structuresQuery(lang), enabled: needed });
  const countries = useQuery({ ...countriesQuery(lang, { status: 'participating' }), enabled: needed });
  const structureById = new Map((structures.data ?? []).map((s) => [s.id, s]));
  const countryByCode = new Map((countries.data ?? []).map((c) => [c.iso2, c]));
  return {
    structures: [...(structures.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, lang)),
    countries: [...(countries.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, lang)),
    organisationName: (id: string | null) => {
      const structure = id ? structureById.get(id) : undefined;
      if (!structure) return id ?? '';
      return structure.acronym ? `${structure.acronym} – ${structure.name}` : structure.name;
    },
    /** The acronym where there is one: short enough for a table cell. */
    organisationShortName: (id: string | null) => {
      const structure = id ? structureById.get(id) : undefined;
      return structure ? (structure.acronym ?? structure.name) : (id ?? '');
    },
    countryName: (iso2: string | null) => (iso2 ? (countryByCode.get(iso2)?.name ?? iso2) : ''),
  };
}
