import { Group, Loader, NativeSelect, SimpleGrid, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchIcon } from '../app/icons';
import { ProblemAlert } from '../app/ProblemAlert';
import { oneOf, STRUCTURE_TYPES } from './options';
import { structuresQuery, useApiLanguage } from './queries';
import { StructuresTable } from './StructuresTable';

export function StructuresPanel() {
  const { t } = useTranslation();
  const lang = useApiLanguage();
  const [type, setType] = useState('');
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);

  const structures = useQuery({
    ...structuresQuery(lang, { type: oneOf(STRUCTURE_TYPES, type), q: q || undefined }),
    placeholderData: keepPreviousData,
  });
  // Every structure, to name the parent of each row even when the filter leaves the parent out.
  const all = useQuery(structuresQuery(lang));
  const byId = new Map((all.data ?? []).map((structure) => [structure.id, structure]));
  const rows = [...(structures.data ?? [])].sort(
    (a, b) => STRUCTURE_TYPES.indexOf(a.type) - STRUCTURE_TYPES.indexOf(b.type) || a.name.localeCompare(b.name, lang),
  );

  return (
    <Stack gap="md">
      <VisuallyHidden>
        <h2>{t('reference.structuresTab')}</h2>
      </VisuallyHidden>
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 4 }}
        style={{ alignItems: 'end' }}
        role="search"
        aria-label={t('reference.structureFilters')}
      >
        <NativeSelect label={t('reference.type')} value={type} onChange={(event) => setType(event.currentTarget.value)}>
          <option value="">{t('common.all')}</option>
          {STRUCTURE_TYPES.map((value) => (
            <option key={value} value={value}>
              {t(`structureType.${value}`)}
            </option>
          ))}
        </NativeSelect>
        <TextInput
          label={t('reference.search')}
          description={t('reference.searchStructuresHint')}
          type="search"
          leftSection={<SearchIcon />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
      </SimpleGrid>
      <ProblemAlert error={structures.error} />
      <Group gap="xs" justify="space-between">
        <Text role="status" size="sm" c="dimmed">
          {structures.data ? t('reference.structureCount', { count: rows.length }) : ''}
        </Text>
        {structures.isFetching ? <Loader size="xs" aria-label={t('app.loading')} /> : null}
      </Group>
      {structures.data ? (
        <StructuresTable structures={rows} parentName={(id) => (id ? (byId.get(id)?.name ?? null) : null)} />
      ) : null}
    </Stack>
  );
}
