import { Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { currentLanguage } from '../i18n';
import { BarChartView } from '../solidarity/Chart';
import { comparisonQuery, indicatorsQuery } from './queries';

/** Countries side by side on one indicator, in its latest period or a chosen year. */
export function ComparePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('warning.compare.title'));
  const lang = currentLanguage();
  const indicators = useQuery(indicatorsQuery(lang));
  const [indicator, setIndicator] = useState('refugees_hosted');
  const [year, setYear] = useState('');
  const view = useQuery(comparisonQuery(indicator, year ? `${year}-01-01` : undefined, lang));
  const rows = (view.data?.rows ?? []).slice(0, 25);
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  return (
    <Stack gap="md">
      <Title order={1}>{t('warning.compare.title')}</Title>
      <NativeSelect
        label={t('warning.compare.indicator')}
        value={indicator}
        onChange={(e) => setIndicator(e.currentTarget.value)}
        data={(indicators.data ?? []).map((i) => ({ value: i.code, label: i.name }))}
      />
      <NativeSelect
        label={t('warning.year')}
        value={year}
        onChange={(e) => setYear(e.currentTarget.value)}
        data={[{ value: '', label: t('warning.compare.latest') }, ...Array.from({ length: 30 }, (_, k) => String(2025 - k))]}
      />
      {view.error ? <ProblemAlert error={view.error} /> : null}
      {view.isPending ? <Loader /> : null}
      {rows.length > 0 ? (
        <BarChartView
          label={t('warning.compare.chart', { indicator: view.data?.indicator.name ?? '' })}
          categories={rows.map((r) => r.name)}
          series={[{ name: view.data?.indicator.name ?? '', values: rows.map((r) => r.value) }]}
          horizontal
          format={(v) => number.format(v)}
        />
      ) : (
        <Text c="dimmed">{t('warning.compare.none')}</Text>
      )}
      <Table striped aria-label={t('warning.compare.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('warning.country')}</Table.Th>
            <Table.Th>{t('warning.period')}</Table.Th>
            <Table.Th>{view.data?.indicator.unit ?? ''}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.country}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>{r.period.slice(0, 7)}</Table.Td>
              <Table.Td>{number.format(r.value)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
