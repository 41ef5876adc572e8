import { Group, List, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { BarChartView } from './Chart';
import { burdenQuery, useCountryNames } from './queries';

const fixed = (value: number | null, digits = 1) => (value === null ? '—' : value.toFixed(digits));

/** Refugees and arrivals per 1,000 inhabitants and per US$ 1 billion of GDP, by country of asylum. */
export function BurdenPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('solidarity.burden.title'));
  const { name } = useCountryNames();
  const [year, setYear] = useState<number | undefined>(2015);
  const [scope, setScope] = useState<'osce' | 'all'>('osce');
  const view = useQuery(burdenQuery(year, scope));
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const top = useMemo(() => (view.data?.rows ?? []).filter((r) => r.refugeesPer1000 !== null).slice(0, 20), [view.data]);
  const label = (row: { iso2: string | null; name: string }) => (row.iso2 ? name(row.iso2) : row.name);

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('solidarity.burden.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('solidarity.burden.intro')}
        </Text>
      </div>
      <Group>
        <NativeSelect
          label={t('solidarity.burden.year')}
          value={String(year ?? '')}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
          data={(view.data?.years ?? [2015, 2016, 2017]).map(String)}
        />
        <NativeSelect
          label={t('solidarity.burden.scope')}
          value={scope}
          onChange={(e) => setScope(e.currentTarget.value as 'osce' | 'all')}
          data={[
            { value: 'osce', label: t('solidarity.burden.osce') },
            { value: 'all', label: t('solidarity.burden.all') },
          ]}
        />
      </Group>
      <ProblemAlert error={view.error} />
      {view.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {view.data ? (
        <>
          <BarChartView
            label={t('solidarity.burden.chartLabel', { year: view.data.year })}
            categories={top.map(label)}
            series={[
              { name: t('solidarity.burden.refugeesPer1000'), values: top.map((r) => Number(fixed(r.refugeesPer1000, 2))) },
            ]}
            horizontal
          />
          <Table.ScrollContainer minWidth={860}>
            <Table striped verticalSpacing={4} fz="sm" aria-label={t('solidarity.burden.table')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('solidarity.burden.country')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('solidarity.burden.refugees')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('solidarity.burden.refugeesPer1000')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('solidarity.burden.refugeesPerGdp')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('solidarity.burden.arrivals')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('solidarity.burden.arrivalsPer1000')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('solidarity.burden.arrivalsPerGdp')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.data.rows.map((row) => (
                  <Table.Tr key={row.iso3}>
                    <Table.Th scope="row" fw={500}>
                      {label(row)}
                    </Table.Th>
                    <Table.Td ta="right">{row.refugees === null ? '—' : number.format(row.refugees)}</Table.Td>
                    <Table.Td ta="right">{fixed(row.refugeesPer1000)}</Table.Td>
                    <Table.Td ta="right">{fixed(row.refugeesPerBillionUsd, 0)}</Table.Td>
                    <Table.Td ta="right">{row.seaArrivals === null ? '—' : number.format(row.seaArrivals)}</Table.Td>
                    <Table.Td ta="right">{fixed(row.arrivalsPer1000)}</Table.Td>
                    <Table.Td ta="right">{fixed(row.arrivalsPerBillionUsd, 0)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <div>
            <Text size="sm" fw={600}>
              {t('solidarity.burden.sources')}
            </Text>
            <List size="sm">
              {view.data.attribution.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </div>
        </>
      ) : null}
    </Stack>
  );
}
