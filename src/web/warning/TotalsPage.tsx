import { Card, Group, Loader, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { currentLanguage } from '../i18n';
import { BarChartView } from '../solidarity/Chart';
import { totalsQuery } from './queries';

/** World, regional and OSCE totals of refugees and asylum seekers, and the main countries of origin, in one year. */
export function TotalsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('warning.totals.title'));
  const lang = currentLanguage();
  const [year, setYear] = useState<number | undefined>(undefined);
  const view = useQuery(totalsQuery(year, lang));
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const data = view.data;
  const shown = data?.year ?? null;
  return (
    <Stack gap="md">
      <Title order={1}>{t('warning.totals.title')}</Title>
      <Text>{t('warning.totals.intro')}</Text>
      {view.error ? <ProblemAlert error={view.error} /> : null}
      {view.isPending ? <Loader /> : null}
      {data && shown === null ? <Text c="dimmed">{t('warning.totals.empty')}</Text> : null}
      {data && shown !== null ? (
        <>
          <NativeSelect
            label={t('warning.year')}
            value={String(shown)}
            onChange={(e) => setYear(Number(e.currentTarget.value))}
            data={data.years.map((y) => String(y))}
            maw={200}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {(['world', 'osce'] as const).map((scope) => (
              <Card withBorder key={scope} data-testid={`totals-${scope}`}>
                <Text fw={600}>{t(`warning.totals.${scope}`, { year: shown })}</Text>
                <Group gap="xl" mt="xs">
                  <div>
                    <Text size="xl" fw={700}>
                      {number.format(data[scope].refugees)}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t('warning.totals.refugees')}
                    </Text>
                  </div>
                  <div>
                    <Text size="xl" fw={700}>
                      {number.format(data[scope].asylumSeekers)}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t('warning.totals.asylumSeekers')}
                    </Text>
                  </div>
                </Group>
                <Text size="sm" c="dimmed" mt="xs">
                  {t('warning.totals.countries', { n: data[scope].countries })}
                </Text>
              </Card>
            ))}
          </SimpleGrid>

          <Title order={2}>{t('warning.totals.byRegion')}</Title>
          <Table.ScrollContainer minWidth={420}>
            <Table striped aria-label={t('warning.totals.byRegion')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('warning.totals.region')}</Table.Th>
                  <Table.Th ta="right">{t('warning.totals.refugees')}</Table.Th>
                  <Table.Th ta="right">{t('warning.totals.asylumSeekers')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.regions.map((r) => (
                  <Table.Tr key={r.region}>
                    <Table.Td>{t(`warning.regions.${r.region}`)}</Table.Td>
                    <Table.Td ta="right">{number.format(r.refugees)}</Table.Td>
                    <Table.Td ta="right">{number.format(r.asylumSeekers)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>

          <Title order={2}>{t('warning.totals.origins', { year: shown })}</Title>
          {data.origins.length > 0 ? (
            <BarChartView
              label={t('warning.totals.origins', { year: shown })}
              categories={data.origins.slice(0, 10).map((o) => o.name)}
              series={[{ name: t('warning.totals.refugees'), values: data.origins.slice(0, 10).map((o) => o.refugees) }]}
              horizontal
              format={(v) => number.format(v)}
            />
          ) : (
            <Text c="dimmed">{t('warning.totals.noOrigins')}</Text>
          )}
          <Table.ScrollContainer minWidth={420}>
            <Table striped aria-label={t('warning.totals.origins', { year: shown })} data-testid="totals-origins">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('warning.totals.origin')}</Table.Th>
                  <Table.Th ta="right">{t('warning.totals.refugees')}</Table.Th>
                  <Table.Th ta="right">{t('warning.totals.asylumSeekers')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.origins.map((o) => (
                  <Table.Tr key={o.country}>
                    <Table.Td>{o.name}</Table.Td>
                    <Table.Td ta="right">{number.format(o.refugees)}</Table.Td>
                    <Table.Td ta="right">{number.format(o.asylumSeekers)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>

          <Title order={2}>{t('warning.totals.trend')}</Title>
          <BarChartView
            label={t('warning.totals.trend')}
            categories={data.trend.slice(-25).map((y) => String(y.year))}
            series={[
              { name: t('warning.totals.refugees'), values: data.trend.slice(-25).map((y) => y.refugees) },
              { name: t('warning.totals.asylumSeekers'), values: data.trend.slice(-25).map((y) => y.asylumSeekers) },
            ]}
            format={(v) => number.format(v)}
          />

          <Title order={2}>{t('warning.totals.sources')}</Title>
          <Text size="sm">{t('warning.totals.counts')}</Text>
          {data.sources.map((s) => (
            <Text size="sm" c="dimmed" key={s.batchId} data-testid="totals-provenance">
              {t('warning.provenance.source', { source: s.source })} {t('warning.provenance.method', { method: s.method })}
            </Text>
          ))}
        </>
      ) : null}
    </Stack>
  );
}
