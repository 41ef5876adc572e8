import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../app/usePageTitle';
import { CountriesPanel } from './CountriesPanel';
import { StructuresPanel } from './StructuresPanel';

/** The public reference data: the 57 participating States, the Partners and the OSCE's own structures. */
export function ReferencePage() {
  const { t } = useTranslation();
  usePageTitle(t('reference.title'));
  const { view = 'countries' } = useSearch({ from: '/reference' });
  const navigate = useNavigate({ from: '/reference' });

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('reference.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('reference.intro')}
        </Text>
      </div>
      <Tabs
        value={view}
        onChange={(value) => {
          if (value === 'countries' || value === 'structures') void navigate({ search: { view: value }, replace: true });
        }}
      >
        <Tabs.List>
          <Tabs.Tab value="countries">{t('reference.countriesTab')}</Tabs.Tab>
          <Tabs.Tab value="structures">{t('reference.structuresTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="countries" pt="md">
          <CountriesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="structures" pt="md">
          <StructuresPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
