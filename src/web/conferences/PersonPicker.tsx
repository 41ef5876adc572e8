import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PersonChoice, peopleQuery } from './queries';

/** How a person reads in the picker: their name and organisation, and where they come from. */
function choiceLabel(t: (key: string) => string, p: PersonChoice): string {
  return `${p.name} – ${p.organisation} (${t(`conferences.agenda.from.${p.kind}`)})`;
}

/**
 * A contact of the directory or an expert of the roster, found on the server by words of their
 * name among those the organiser may see; choosing one hands it over and empties the box again.
 */
export function PersonPicker({ eventId, label, onPick }: { eventId: string; label: string; onPick: (p: PersonChoice) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({ ...peopleQuery(eventId, typed), enabled: typed !== '', placeholderData: keepPreviousData });
  const items = typed === '' ? [] : (found.data?.items ?? []);
  const byValue = new Map(items.map((p) => [`${p.kind}:${p.id}`, p]));
  const loading = typed !== '' && found.isFetching;
  return (
    <Select
      searchable
      label={label}
      placeholder={t('conferences.agenda.findPlaceholder')}
      data={[...byValue].map(([value, p]) => ({ value, label: choiceLabel(t, p) }))}
      value={null}
      onChange={(value) => {
        const chosen = value ? byValue.get(value) : undefined;
        if (chosen) onPick(chosen);
        setSearch('');
      }}
      searchValue={search}
      onSearchChange={setSearch}
      // The server has chosen the options by the words typed: the picker shows them all.
      filter={({ options }) => options}
      nothingFoundMessage={
        typed === '' ? t('conferences.agenda.typeToFind') : loading ? t('app.loading') : t('conferences.agenda.nobodyFound')
      }
      rightSection={loading ? <Loader size="xs" aria-label={t('app.loading')} /> : undefined}
      scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}
    />
  );
}
