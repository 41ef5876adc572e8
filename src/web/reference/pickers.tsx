// Searchable pickers for the codes of the reference data (countries, languages, competences, key
// areas): a person chooses among translated names, the form keeps the code. One component per
// kind, used by every form that takes such a code, and one hook per kind to name a code in text.
import { MultiSelect, type MultiSelectProps, Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../app/api';
import type { Language } from '../i18n';
import { countriesQuery, useApiLanguage } from './queries';

export type CodeKind = 'countries' | 'languages' | 'competences' | 'key-areas' | 'dimensions';

interface Named {
  code: string;
  name: string;
}

function codedQuery(kind: Exclude<CodeKind, 'countries'>, lang: Language) {
  return {
    queryKey: ['reference', kind, lang],
    queryFn: () => api.get<Named[]>(`/reference/${kind}${queryString({ lang })}`),
    staleTime: 10 * 60_000,
  };
}

/** The codes of one kind with their names in the interface language, sorted by name. */
export function useCodeNames(kind: CodeKind) {
  const lang = useApiLanguage();
  const countries = useQuery({ ...countriesQuery(lang), enabled: kind === 'countries' });
  const coded = useQuery({
    ...codedQuery(kind === 'countries' ? 'languages' : kind, lang),
    enabled: kind !== 'countries',
  });
  const items: Named[] =
    kind === 'countries' ? (countries.data ?? []).map((c) => ({ code: c.iso2, name: c.name })) : (coded.data ?? []);
  const list = [...items].sort((a, b) => a.name.localeCompare(b.name, lang));
  const byCode = new Map(list.map((item) => [item.code, item.name]));
  return {
    list,
    loaded: kind === 'countries' ? countries.isSuccess : coded.isSuccess,
    options: list.map((item) => ({ value: item.code, label: item.name })),
    /** The name of a code; the code itself only while the names load or for a code no longer listed. */
    name: (code: string) => byCode.get(code) ?? code,
  };
}

export const useCountryNames = () => useCodeNames('countries');
export const useLanguageNames = () => useCodeNames('languages');
export const useCompetenceNames = () => useCodeNames('competences');
export const useKeyAreaNames = () => useCodeNames('key-areas');
export const useDimensionNames = () => useCodeNames('dimensions');

type OnePickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (code: string | null) => void;
  /** Offer only these codes (the States a person may record for, say); all of the kind when absent. */
  only?: readonly string[];
};
type ManyPickerProps = Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & {
  value: string[];
  onChange: (codes: string[]) => void;
  only?: readonly string[];
};

function optionsOf(names: ReturnType<typeof useCodeNames>, only: readonly string[] | undefined) {
  if (!only) return names.options;
  const allowed = new Set(only);
  return names.options.filter((option) => allowed.has(option.value));
}

function OnePicker({ kind, value, onChange, only, ...props }: OnePickerProps & { kind: CodeKind }) {
  const { t } = useTranslation();
  const names = useCodeNames(kind);
  return (
    <Select
      searchable
      clearable={!props.required}
      nothingFoundMessage={t('common.nothingFound')}
      {...props}
      data={optionsOf(names, only)}
      value={value}
      onChange={(code) => onChange(code)}
    />
  );
}

function ManyPicker({ kind, value, onChange, only, ...props }: ManyPickerProps & { kind: CodeKind }) {
  const { t } = useTranslation();
  const names = useCodeNames(kind);
  return (
    <MultiSelect
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      {...props}
      data={optionsOf(names, only)}
      value={value}
      onChange={(codes) => onChange(codes)}
    />
  );
}

/** One country, searched by its name in the interface language. */
export const CountryPicker = (props: OnePickerProps) => <OnePicker kind="countries" {...props} />;
/** Several countries. */
export const CountriesPicker = (props: ManyPickerProps) => <ManyPicker kind="countries" {...props} />;
/** One language of the reference data. */
export const LanguagePicker = (props: OnePickerProps) => <OnePicker kind="languages" {...props} />;
/** Several languages. */
export const LanguagesPicker = (props: ManyPickerProps) => <ManyPicker kind="languages" {...props} />;
/** One competence of the reference data. */
export const CompetencePicker = (props: OnePickerProps) => <OnePicker kind="competences" {...props} />;
/** Several competences. */
export const CompetencesPicker = (props: ManyPickerProps) => <ManyPicker kind="competences" {...props} />;
/** Several key areas of the Ministerial decision. */
export const KeyAreasPicker = (props: ManyPickerProps) => <ManyPicker kind="key-areas" {...props} />;
