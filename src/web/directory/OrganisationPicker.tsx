import { Loader, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiLanguage } from '../reference/queries';
import { organisationQuery, organisationsQuery } from './queries';

/** How an organisation is named in a picker: its acronym first where it has one. */
export function organisationLabel(o: { acronym: string | null; name: string }): string {
  return o.acronym ? `${o.acronym} – ${o.name}` : o.name;
}

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange' | 'filter'> & {
  /** The chosen organisation's id, '' for none. */
  value: string;
  onChange: (id: string) => void;
  /** Organisations not to offer (those already chosen elsewhere on the page). */
  exclude?: readonly string[];
};

/**
 * One organisation of the directory, found by words of its name or acronym in any language. The
 * directory searches on the server, however many organisations it holds; the chosen one is named
 * even when it is not among the first found, and the field says when it is still loading.
 */
export function OrganisationPicker({ value, onChange, exclude = [], ...props }: Props) {
  const { t } = useTranslation();
  const lang = useApiLanguage();
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search.trim(), 250);
  const chosen = useQuery({ ...organisationQuery(lang, value), enabled: value !== '' });
  const chosenLabel = chosen.data ? organisationLabel(chosen.data) : undefined;
  // While the box shows the chosen one's name, the list is the first page, not a search for that name.
  const q = typed !== '' && typed !== chosenLabel ? typed : undefined;
  const found = useQuery({
    ...organisationsQuery(lang, { ...(q ? { q } : {}), limit: 20 }),
    placeholderData: keepPreviousData,
  });
  const options = new Map<string, string>();
  if (chosen.data && chosenLabel) options.set(chosen.data.id, chosenLabel);
  for (const o of found.data?.items ?? []) if (!exclude.includes(o.id)) options.set(o.id, organisationLabel(o));
  const loading = found.isFetching || (value !== '' && chosen.isPending);
  return (
    <Select
      searchable
      clearable={!props.required}
      // Choosing the chosen one again keeps it (clearing is the clear button's job).
      allowDeselect={false}
      {...props}
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      value={value === '' ? null : value}
      onChange={(id) => onChange(id ?? '')}
      searchValue={search}
      onSearchChange={setSearch}
      // The box shows the name of what was chosen, also when it was chosen already.
      onOptionSubmit={(id) => setSearch(options.get(id) ?? '')}
      // The server has chosen the options by the words typed: the picker shows them all.
      filter={({ options: all }) => all}
      placeholder={loading && options.size === 0 ? t('app.loading') : props.placeholder}
      nothingFoundMessage={loading ? t('app.loading') : t('common.nothingFound')}
      rightSection={loading ? <Loader size="xs" aria-label={t('app.loading')} /> : undefined}
      // A list longer than the dropdown scrolls: its viewport takes the keyboard's focus, so it can be
      // scrolled without a mouse.
      scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}
    />
  );
}
