import { Anchor, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryString } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { countriesQuery, useApiLanguage } from '../reference/queries';
import { CampaignsPanel } from './CampaignsPanel';
import { IncidentTypeFilter, StateFilter } from './filters';
import { IncidentMap } from './IncidentMap';
import { BIAS_MOTIVATIONS, countText, type StatDimension, type StatisticsQuery, statisticsQuery, TARGETS } from './queries';
import { StatisticsChart } from './StatisticsChart';

const DIMENSIONS: StatDimension[] = ['country', 'year', 'incidentType', 'biasMotivation', 'target'];
const YEARS = Array.from({ length: new Date().getFullYear() - 2009 }, (_, i) => String(new Date().getFullYear() - i));

/**
 * Public statistics of verified incidents: chart, map, table and CSV of one slice of the fixed
 * published tables — by a dimension (optionally in one year) or by year (optionally for one
 * country, type, motivation or target). Figures not published show as such, never as a number.
 */
export function StatisticsPage() {
  const { t } = useTranslation();
  usePageTitle(t('incidents.stats.title'));
  const lang = useApiLanguage();
  const countries = useQuery(countriesQuery(lang));
  const [filter, setFilter] = useState<StatisticsQuery>({ by: 'year' });
  const stats = useQuery(statisticsQuery(filter));
  // The map is the country table: of the year chosen, or of every year.
  const byCountry = useQuery(statisticsQuery({ by: 'country', ...(filter.year ? { year: filter.year } : {}) }));
  const suppressed = t('incidents.stats.suppressed');
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
  // Only slices of the fixed tables exist: a year with a dimension, or one row with the years.
  const set = (patch: Partial<StatisticsQuery>) => setFilter((f) => ({ ...f, ...patch }));
  const setBy = (next: StatDimension) => setFilter(next === 'year' ? { by: next } : { by: next, year: filter.year });
  const only = (patch: Partial<StatisticsQuery>) => setFilter({ by: 'year', ...patch });
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
          onChange={(v) => setBy((v ?? 'country') as StatDimension)}
          allowDeselect={false}
        />
        {by !== 'year' ? (
          <Select
            label={t('incidents.stats.year')}
            clearable
            data={YEARS}
            value={filter.year ? String(filter.year) : null}
            onChange={(v) => set({ year: v ? Number(v) : undefined })}
          />
        ) : (
          <>
            <StateFilter value={filter.country} onChange={(country) => only({ country })} />
            <IncidentTypeFilter value={filter.incidentType} onChange={(incidentType) => only({ incidentType })} />
            <Select
              label={t('incidents.fields.biasMotivation')}
              clearable
              data={BIAS_MOTIVATIONS.map((c) => ({ value: c, label: t(`incidents.bias.${c}`) }))}
              value={filter.biasMotivation ?? null}
              onChange={(v) => only({ biasMotivation: (v ?? undefined) as StatisticsQuery['biasMotivation'] })}
            />
            <Select
              label={t('incidents.fields.target')}
              clearable
              data={TARGETS.map((c) => ({ value: c, label: t(`incidents.target.${c}`) }))}
              value={filter.target ?? null}
              onChange={(v) => only({ target: (v ?? undefined) as StatisticsQuery['target'] })}
            />
          </>
        )}
      </Group>
      <ProblemAlert error={stats.error ?? byCountry.error} />
      <Text fw={600} data-testid="stats-total">
        {t('incidents.stats.total', { count: stats.data ? countText(stats.data.total, suppressed) : '…' })}
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <StatisticsChart
          label={t('incidents.stats.chartLabel', { dimension: t(`incidents.stats.dimension.${by}`) })}
          suppressedLabel={suppressed}
          rows={rows.map((r) => ({ label: r.label, value: r.count.suppressed ? null : (r.count.value ?? 0) }))}
        />
        <IncidentMap label={t('incidents.stats.mapLabel')} values={mapValues} name={countryName} suppressedLabel={suppressed} />
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
              <Table.Td>{countText(r.count, suppressed)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm">{t('incidents.stats.rule')}</Text>
      {filter.country ? <CampaignsPanel country={filter.country} countryName={countryName(filter.country)} /> : null}
      <Anchor component={Link} to="/incidents/rhetoric">
        {t('incidents.rhetoric.seeApart')}
      </Anchor>
      <Anchor href={`/api/incidents/statistics.csv${csvQuery}`} download>
        {t('incidents.stats.csv')}
      </Anchor>
    </Stack>
  );
}
