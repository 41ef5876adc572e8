import { Anchor, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryString } from '../app/api';
import { EmptyState } from '../app/EmptyState';
import { ProblemAlert } from '../app/ProblemAlert';
import { useCan } from '../app/session';
import { usePageTitle } from '../app/usePageTitle';
import { CountryMap } from '../directory/CountryMap';
import { CountryWithCampaigns } from '../incidents/CampaignsPanel';
import { useCountryNames } from '../reference/pickers';
import { EvaluationPanel } from './EvaluationPanel';
import { coursesQuery, expiringQuery, statisticsQuery } from './queries';

/** Who was trained where: by State (a map and a table), agency type, gender, course and year; knowledge gain; exports. */
export function StatisticsPage() {
  const { t } = useTranslation();
  usePageTitle(t('training.statistics.title'));
  const countries = useCountryNames();
  const [year, setYear] = useState<number | null>(null);
  const [courseId, setCourseId] = useState<string | null>(null);
  const stats = useQuery(statisticsQuery({ year, courseId }));
  const courses = useQuery(coursesQuery({}));
  const canManage = useCan('training.manage');
  const expiring = useQuery({ ...expiringQuery, enabled: canManage });
  const s = stats.data;
  const filter = queryString({ year: year ?? undefined, courseId: courseId ?? undefined });
  const table = (title: string, rows: Array<{ key: string; count: number }>, label: (key: string) => ReactNode) => (
    <Stack gap={4}>
      <Title order={3}>{title}</Title>
      <Table aria-label={title}>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{label(r.key)}</Table.Td>
              <Table.Td ta="right">{r.count}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
  return (
    <Stack gap="md">
      <Title order={1}>{t('training.statistics.title')}</Title>
      <Group align="end">
        <NumberInput
          label={t('training.fields.year')}
          min={2000}
          max={2100}
          value={year ?? ''}
          onChange={(v) => setYear(typeof v === 'number' ? v : null)}
        />
        <Select
          label={t('training.fields.course')}
          clearable
          data={(courses.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
          value={courseId}
          onChange={setCourseId}
        />
        <Anchor href={`/api/training/statistics/export${filter ? `${filter}&` : '?'}format=csv`}>
          {t('training.statistics.csv')}
        </Anchor>
        <Anchor href={`/api/training/statistics/export${filter ? `${filter}&` : '?'}format=xlsx`}>
          {t('training.statistics.xlsx')}
        </Anchor>
      </Group>
      <ProblemAlert error={stats.error} />
      {s && s.trained === 0 ? <EmptyState message={t('training.statistics.empty')} /> : null}
      {s && s.trained > 0 ? (
        <>
          <Text size="lg">{t('training.statistics.trained', { count: s.trained })}</Text>
          <CountryMap
            label={t('training.statistics.map')}
            counts={new Map(s.byCountry.map((c) => [c.key, c.count]))}
            name={countries.name}
            unit={(count) => t('training.statistics.people', { count })}
          />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {table(t('training.statistics.byCountry'), s.byCountry, (k) => (
              <CountryWithCampaigns country={k} name={countries.name(k)} />
            ))}
            <Stack gap="md">
              {table(t('training.statistics.byAgency'), s.byAgency, (k) => t(`training.audience.${k}`))}
              {table(t('training.statistics.byGender'), s.byGender, (k) => t(`training.gender.${k}`))}
              {table(t('training.statistics.byYear'), s.byYear, (k) => k)}
            </Stack>
          </SimpleGrid>
          <Title order={3}>{t('training.statistics.byCourse')}</Title>
          <Table aria-label={t('training.statistics.byCourse')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.fields.course')}</Table.Th>
                <Table.Th ta="right">{t('training.statistics.people', { count: 2 })}</Table.Th>
                <Table.Th ta="right">{t('training.statistics.gain')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.byCourse.map((c) => (
                <Table.Tr key={c.key}>
                  <Table.Td>{c.title}</Table.Td>
                  <Table.Td ta="right">{c.count}</Table.Td>
                  <Table.Td ta="right">{c.meanGain === null ? '—' : t('training.tests.gain', { gain: c.meanGain })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
      <Title order={2}>{t('training.evaluation.results')}</Title>
      <EvaluationPanel filter={{ courseId, year }} />
      {canManage ? (
        <>
          <Title order={2}>{t('training.expiring.title')}</Title>
          {expiring.data && expiring.data.items.length === 0 ? <Text>{t('training.expiring.none')}</Text> : null}
          <Table aria-label={t('training.expiring.title')}>
            <Table.Tbody>
              {(expiring.data?.items ?? []).map((e) => (
                <Table.Tr key={`${e.expertId}-${e.code}`}>
                  <Table.Td>{e.name}</Table.Td>
                  <Table.Td>{t(`roster.prerequisite.${e.code}`)}</Table.Td>
                  <Table.Td c={e.expired ? 'red' : 'orange'}>
                    {e.expired
                      ? t('training.expiring.expired', { date: e.expiresOn })
                      : t('training.expiring.expires', { date: e.expiresOn })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Stack>
  );
}
