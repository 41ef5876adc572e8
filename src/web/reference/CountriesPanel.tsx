import { Group, Loader, NativeSelect, SimpleGrid, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchIcon } from '../app/icons';
import { ProblemAlert } from '../app/ProblemAlert';
import { CountriesTable } from './CountriesTable';
import { OSCE_STATUSES, oneOf, SUBREGIONS } from './options';
import { countriesQuery, useApiLanguage } from './queries';

type FieldOperationChoice = '' | 'true' | 'false';

export function CountriesPanel() {
  const { t } = useTranslation();
  const lang = useApiLanguage();
  const [status, setStatus] = useState<string>('participating');
  const [subregion, setSubregion] = useState<string>('');
  const [fieldOperation, setFieldOperation] = useState<FieldOperationChoice>('');
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);

  const filter = {
    status: oneOf(OSCE_STATUSES, status),
    subregion: oneOf(SUBREGIONS, subregion),
    fieldOperation: fieldOperation === '' ? undefined : fieldOperation === 'true',
    q: q || undefined,
  };
  const countries = useQuery({ ...countriesQuery(lang, filter), placeholderData: keepPreviousData });
  const rows = [...(countries.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, lang));

  return (
    <Stack gap="md">
      <VisuallyHidden>
        <h2>{t('reference.countriesTab')}</h2>
      </VisuallyHidden>
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 4 }}
        style={{ alignItems: 'end' }}
        role="search"
        aria-label={t('reference.countryFilters')}
      >
        <NativeSelect label={t('reference.status')} value={status} onChange={(event) => setStatus(event.currentTarget.value)}>
          <option value="">{t('common.all')}</option>
          {OSCE_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`statusPlural.${value}`)}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect
          label={t('reference.subregion')}
          value={subregion}
          onChange={(event) => setSubregion(event.currentTarget.value)}
        >
          <option value="">{t('common.all')}</option>
          {SUBREGIONS.map((value) => (
            <option key={value} value={value}>
              {t(`subregion.${value}`)}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect
          label={t('reference.fieldOperation')}
          value={fieldOperation}
          onChange={(event) => setFieldOperation(event.currentTarget.value as FieldOperationChoice)}
        >
          <option value="">{t('common.any')}</option>
          <option value="true">{t('reference.hostsFieldOperation')}</option>
          <option value="false">{t('reference.noFieldOperation')}</option>
        </NativeSelect>
        <TextInput
          label={t('reference.search')}
          description={t('reference.searchCountriesHint')}
          type="search"
          leftSection={<SearchIcon />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
      </SimpleGrid>
      <ProblemAlert error={countries.error} />
      <Group gap="xs" justify="space-between">
        <Text role="status" size="sm" c="dimmed">
          {countries.data ? t('reference.countryCount', { count: rows.length }) : ''}
        </Text>
        {countries.isFetching ? <Loader size="xs" aria-label={t('app.loading')} /> : null}
      </Group>
      {countries.data ? <CountriesTable countries={rows} /> : null}
    </Stack>
  );
}
