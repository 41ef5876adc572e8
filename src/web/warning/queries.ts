import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CountryView } from '../../server/reference/schemas.js';
import type { AlertPage, AlertQuery, AlertView } from '../../server/warning/alerts/schemas.js';
import type { ImportReport } from '../../server/warning/imports/schemas.js';
import type { ComparisonView, IndicatorView, ObservationView } from '../../server/warning/indicators/schemas.js';
import type { CountryRiskView, RiskMapView } from '../../server/warning/risk/schemas.js';
import type { RuleView } from '../../server/warning/rules/schemas.js';
import type { TotalsView } from '../../server/warning/totals/schemas.js';
import { api, queryString } from '../app/api';
import { currentLanguage } from '../i18n';

export type {
  AlertView,
  ComparisonView,
  CountryRiskView,
  ImportReport,
  IndicatorView,
  ObservationView,
  RiskMapView,
  RuleView,
  TotalsView,
};

export const indicatorsQuery = (lang: string) =>
  queryOptions({
    queryKey: ['warning', 'indicators', lang],
    queryFn: () => api.get<IndicatorView[]>(`/warning/indicators${queryString({ lang })}`),
  });

export const riskMapQuery = (year: number | undefined) =>
  queryOptions({
    queryKey: ['warning', 'risk', year ?? 'latest'],
    queryFn: () => api.get<RiskMapView>(`/warning/risk${queryString({ year })}`),
  });

export const countryRiskQuery = (iso2: string) =>
  queryOptions({
    queryKey: ['warning', 'risk', 'country', iso2],
    queryFn: () => api.get<CountryRiskView>(`/warning/risk/${iso2}`),
  });

export const seriesQuery = (country: string) =>
  queryOptions({
    queryKey: ['warning', 'series', country],
    queryFn: () => api.get<ObservationView[]>(`/warning/series${queryString({ country, limit: 100000 })}`),
  });

/** One page of the inbox. */
export const alertsQuery = (query: AlertQuery) =>
  queryOptions({
    queryKey: ['warning', 'alerts', query],
    queryFn: () => api.get<AlertPage>(`/warning/alerts${queryString(query)}`),
    placeholderData: (previous) => previous,
  });

export const comparisonQuery = (indicator: string, period: string | undefined, lang: string) =>
  queryOptions({
    queryKey: ['warning', 'comparison', indicator, period ?? 'latest', lang],
    queryFn: () => api.get<ComparisonView>(`/warning/comparison${queryString({ indicator, period, lang })}`),
  });

export const rulesQuery = () =>
  queryOptions({ queryKey: ['warning', 'rules'], queryFn: () => api.get<RuleView[]>('/warning/rules') });

/** Country names in the interface's language, by ISO code. */
export function useCountryNames(): (iso2: string) => string {
  const lang = currentLanguage();
  const countries = useQuery({
    queryKey: ['countries', lang],
    queryFn: () => api.get<CountryView[]>(`/countries${queryString({ lang })}`),
    staleTime: Number.POSITIVE_INFINITY,
  }).data;
  const byIso = new Map((countries ?? []).map((c) => [c.iso2, c.name]));
  return (iso2) => byIso.get(iso2) ?? iso2;
}

export const LEVEL_COLOURS: Record<string, string> = {
  green: '#2f9e44',
  yellow: '#f2c200',
  orange: '#e8590c',
  red: '#c92a2a',
};

/** The text on a filled level colour, dark or light, for a contrast of at least 4.5:1. */
export const LEVEL_TEXT: Record<string, string> = {
  green: '#000',
  yellow: '#000',
  orange: '#000',
  red: '#fff',
};

export const totalsQuery = (year: number | undefined, lang: string) =>
  queryOptions({
    queryKey: ['warning', 'totals', year ?? 'latest', lang],
    queryFn: () => api.get<TotalsView>(`/warning/totals${queryString({ year, lang })}`),
  });
