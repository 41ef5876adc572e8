import { Anchor, Badge, Group, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { LEVEL_COLOURS, LEVEL_TEXT, riskMapQuery, useCountryNames } from './queries';
import { RiskMap } from './RiskMap';

/** The risk map: every country's score in one year, coloured by level, with the same figures in a table. */
export function MapPage() {
  const { t } = useTranslation();
  usePageTitle(t('warning.map.title'));
  const navigate = useNavigate();
  const name = useCountryNames();
  const [year, setYear] = useState<number | undefined>();
  const view = useQuery(riskMapQuery(year));
  const levels = useMemo(() => new Map((view.data?.countries ?? []).map((c) => [c.country, c])), [view.data]);

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('warning.map.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('warning.map.intro')}
        </Text>
      </div>
      <Group>
        <NativeSelect
          label={t('warning.map.year')}
          value={String(view.data?.year ?? '')}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
          data={(view.data?.years ?? []).map(String)}
        />
        <Group gap="xs" aria-label={t('warning.map.legend')}>
          {(['green', 'yellow', 'orange', 'red'] as const).map((level) => (
            <Badge key={level} color={LEVEL_COLOURS[level]} c={LEVEL_TEXT[level]} variant="filled">
              {t(`warning.level.${level}`)}
            </Badge>
          ))}
        </Group>
      </Group>
      {view.error ? <ProblemAlert error={view.error} /> : null}
      {view.isPending ? <Loader /> : null}
      <RiskMap
        label={t('warning.map.label', { year: view.data?.year ?? '' })}
        levels={levels}
        name={name}
        onSelect={(iso2) => navigate({ to: '/warning/countries/$iso2', params: { iso2 } })}
      />
      <Text size="sm" c="dimmed">
        {t('warning.map.formula')}: {view.data?.formula}
      </Text>
      <Table striped aria-label={t('warning.map.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('warning.country')}</Table.Th>
            <Table.Th>{t('warning.score')}</Table.Th>
            <Table.Th>{t('warning.level.label')}</Table.Th>
            <Table.Th>{t('warning.parts.alerts')}</Table.Th>
            <Table.Th>{t('warning.parts.mission')}</Table.Th>
            <Table.Th>{t('warning.parts.incidents')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(view.data?.countries ?? []).map((c) => (
            <Table.Tr key={c.country} data-country={c.country}>
              <Table.Td>
                <Anchor component={Link} to={`/warning/countries/${c.country}`}>
                  {name(c.country)}
                </Anchor>
              </Table.Td>
              <Table.Td>{c.score}</Table.Td>
              <Table.Td>{t(`warning.level.${c.level}`)}</Table.Td>
              <Table.Td>{c.alerts}</Table.Td>
              <Table.Td>{c.mission ?? '—'}</Table.Td>
              <Table.Td>{c.incidents ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
