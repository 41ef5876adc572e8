import { Anchor, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryString } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { countriesQuery, useApiLanguage } from '../reference/queries';
import { IncidentTypeFilter, StateFilter } from './filters';
import { IncidentMap } from './IncidentMap';
import { BIAS_MOTIVATIONS, countText, type StatDimension, type StatisticsQuery, statisticsQuery, TARGETS } from './queries';
import { StatisticsChart } from './StatisticsChart';

const DIMENSIONS: StatDimension[] = ['country', 'year', 'incidentType', 'biasMotivation', 'target'];
const YEARS = Array.from({ length: new Date().getFullYear() - 2009 }, (_, i) => String(new Date().getFullYear() - i));

/** Public statistics of verified incidents: chart, map, table and CSV, small counts shown as "fewer than 5". */
export function StatisticsPage() {
  const { t } = useTranslation();
  usePageTitle(t('incidents.stats.title'));
  const lang = useApiLanguage();
  const countries = useQuery(countriesQuery(lang));
  const [filter, setFilter] = useState<StatisticsQuery>({ by: 'year' });
  const { by: _by, country: _country, ...mapFilter } = filter;
  const stats = useQuery(statisticsQuery(filter));
  const byCountry = useQuery(statisticsQuery({ ...mapFilter, by: 'country' }));
  const fewer = t('incidents.stats.fewer');
  const countryName = (iso2: string) => countries.data?.find((c) => c.iso2 === iso2)?.name ?? iso2;
  const by = filter.by ?? 'country';
  const keyLabel = (key: string) => {
    if (by === 'country') return countryName(key);
    if (by === 'year') return key;
    if (by === 'incidentType') return t(`incidents.type.${key}`);
    if (by === 'biasMotivation') return t(`incidents.bias.${key}`);
    return t(`incidents.target.${key}`);
  };
  const rows = (stats.data?.rows ?? []).map((r) => ({ key: r.key, label: keyLabel(r.key), count: r.count }));
  const mapValues = useMemo(() => new Map((byCountry.data?.rows ?? []).map((r) => [r.key, r.count.value])), [byCountry.data]);
  const set = (patch: Partial<StatisticsQuery>) => setFilter((f) => ({ ...f, ...patch }));
  const csvQuery = queryString({ ...filter });
  return (
    <Stack gap="md">
      <Title order={1}>{t('incidents.stats.title')}</Title>
      <Text>{t('incidents.stats.intro')}</Text>
      <Group align="end" wrap="wrap">
        <Select
          label={t('incidents.stats.by')}
          data={DIMENSIONS.map((d) => ({ value: d, label: t(`incidents.stats.dimension.${d}`) }))}
          value={by}
          onChange={(v) => set({ by: (v ?? 'country') as StatDimension })}
          allowDeselect={false}
        />
        <Select
          label={t('incidents.stats.year')}
          clearable
          data={YEARS}
          value={filter.year ? String(filter.year) : null}
          onChange={(v) => set({ year: v ? Number(v) : undefined })}
        />
        <StateFilter value={filter.country} onChange={(country) => set({ country })} />
        <IncidentTypeFilter value={filter.incidentType} onChange={(incidentType) => set({ incidentType })} />
        <Select
          label={t('incidents.fields.biasMotivation')}
          clearable
          data={BIAS_MOTIVATIONS.map((c) => ({ value: c, label: t(`incidents.bias.${c}`) }))}
          value={filter.biasMotivation ?? null}
          onChange={(v) => set({ biasMotivation: (v ?? undefined) as StatisticsQuery['biasMotivation'] })}
        />
        <Select
          label={t('incidents.fields.target')}
          clearable
          data={TARGETS.map((c) => ({ value: c, label: t(`incidents.target.${c}`) }))}
          value={filter.target ?? null}
          onChange={(v) => set({ target: (v ?? undefined) as StatisticsQuery['target'] })}
        />
      </Group>
      <ProblemAlert error={stats.error ?? byCountry.error} />
      <Text fw={600} data-testid="stats-total">
        {t('incidents.stats.total', { count: stats.data ? countText(stats.data.total, fewer) : '…' })}
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <StatisticsChart
          label={t('incidents.stats.chartLabel', { dimension: t(`incidents.stats.dimension.${by}`) })}
          fewer={fewer}
          rows={rows.map((r) => ({ label: r.label, value: r.count.fewerThanFive ? null : (r.count.value ?? 0) }))}
        />
        <IncidentMap label={t('incidents.stats.mapLabel')} values={mapValues} name={countryName} fewer={fewer} />
      </SimpleGrid>
      <Table striped>
        <Table.Caption>{t('incidents.stats.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`incidents.stats.dimension.${by}`)}</Table.Th>
            <Table.Th>{t('incidents.stats.verified')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key} data-key={r.key}>
              <Table.Td>{r.label}</Table.Td>
              <Table.Td>{countText(r.count, fewer)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm">{t('incidents.stats.rule')}</Text>
      <Anchor href={`/api/incidents/statistics.csv${csvQuery}`} download>
        {t('incidents.stats.csv')}
      </Anchor>
    </Stack>
  );
}
