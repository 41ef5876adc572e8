import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { useCountryNames } from '../reference/pickers';
import { Filters } from './Filters';
import { type DashboardView, dashboardQuery, PROJECT_STATUSES, type TrackerFilters } from './queries';
import { RateChart } from './RateChart';

type Count = DashboardView['byAddressee'][number];

function CountTable({ title, rows, label }: { title: string; rows: Count[]; label?: (row: Count) => string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {title}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{title}</Table.Th>
              <Table.Th>{t('reports.dashboard.total')}</Table.Th>
              {PROJECT_STATUSES.map((s) => (
                <Table.Th key={s}>{t(`reports.status.${s}`)}</Table.Th>
              ))}
              <Table.Th>{t('reports.tracker.late')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Td>{label ? label(row) : row.label}</Table.Td>
                <Table.Td>{row.counts.total}</Table.Td>
                {PROJECT_STATUSES.map((s) => (
                  <Table.Td key={s}>{row.counts[s]}</Table.Td>
                ))}
                <Table.Td>{row.counts.late}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** The implementation dashboard: what is open, late and done, by addressee, key area and mission, and the rate over time. */
export function DashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.dashboard.title'));
  const countries = useCountryNames();
  const [filters, setFilters] = useState<TrackerFilters>({});
  const board = useQuery(dashboardQuery(filters));
  const d = board.data;
  const last = d?.rate.at(-1);
  return (
    <Stack gap="md">
      <Title order={1}>{t('reports.dashboard.title')}</Title>
      <Filters value={filters} onChange={setFilters} />
      <ProblemAlert error={board.error} />
      {d ? (
        <>
          <SimpleGrid cols={{ base: 2, md: 6 }} role="list" aria-label={t('reports.dashboard.figures')}>
            <Card withBorder role="listitem">
              <Text size="sm">{t('reports.dashboard.total')}</Text>
              <Text fw={700} size="xl" data-testid="dashboard-total">
                {d.total}
              </Text>
            </Card>
            {PROJECT_STATUSES.map((s) => (
              <Card key={s} withBorder role="listitem">
                <Text size="sm">{t(`reports.status.${s}`)}</Text>
                <Text fw={700} size="xl">
                  {d.byStatus[s] ?? 0}
                </Text>
              </Card>
            ))}
            <Card withBorder role="listitem">
              <Text size="sm">{t('reports.tracker.late')}</Text>
              <Text fw={700} size="xl" c={d.late > 0 ? 'red' : undefined}>
                {d.late}
              </Text>
            </Card>
          </SimpleGrid>
          <Title order={2} size="h4">
            {t('reports.dashboard.rate')}
          </Title>
          <RateChart
            label={t('reports.dashboard.rateChart')}
            months={d.rate.map((p) => p.month)}
            rates={d.rate.map((p) => p.rate)}
          />
          {last ? (
            <Text size="sm">
              {t('reports.dashboard.rateNow', {
                month: last.month,
                implemented: last.implemented,
                adopted: last.adopted,
                rate: Math.round(last.rate * 100),
              })}
            </Text>
          ) : null}
          <Stack gap="lg">
            <CountTable
              title={t('reports.fields.addressee')}
              rows={d.byAddressee}
              label={(row) => (/^[A-Z]{2}$/.test(row.key) ? countries.name(row.key) : row.label)}
            />
            <CountTable title={t('reports.fields.keyArea')} rows={d.byKeyArea} label={(row) => t(`reports.keyArea.${row.key}`)} />
            <CountTable title={t('reports.fields.mission')} rows={d.byMission} />
          </Stack>
        </>
      ) : null}
    </Stack>
  );
}
