import { Anchor, Badge, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { Pager } from '../app/Pager';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { useCountryNames } from '../reference/pickers';
import { ExternalRecommendationForm } from './ExternalRecommendationForm';
import { Filters } from './Filters';
import { recommendationsQuery, type TrackerFilters } from './queries';
import { RecommendationSource } from './RecommendationSource';
import { StatusBadge } from './StatusBadge';

/** The recommendation tracker: every adopted recommendation the person may read, late ones first. */
export function TrackerPage() {
  const { t } = useTranslation();
  const countries = useCountryNames();
  usePageTitle(t('reports.tracker.title'));
  const [filters, setFilters] = useState<TrackerFilters>({});
  const [offset, setOffset] = useState(0);
  const page = useQuery(recommendationsQuery(filters, offset));
  return (
    <Stack gap="md">
      <Title order={1}>{t('reports.tracker.title')}</Title>
      <Filters
        value={filters}
        onChange={(next) => {
          setFilters(next);
          setOffset(0);
        }}
      />
      <ProblemAlert error={page.error} />
      {page.data?.total === 0 ? (
        <EmptyState
          message={`${t('reports.tracker.none')} ${t('reports.tracker.empty')}`}
          actions={[{ label: t('reports.tracker.emptyAction'), to: '/reports' }]}
        />
      ) : null}
      {page.data && page.data.total > 0 ? (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.source.label')}</Table.Th>
              <Table.Th>{t('reports.fields.recommendation')}</Table.Th>
              <Table.Th>{t('reports.fields.addressee')}</Table.Th>
              <Table.Th>{t('reports.fields.keyArea')}</Table.Th>
              <Table.Th>{t('reports.fields.due')}</Table.Th>
              <Table.Th>{t('reports.fields.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {page.data.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <RecommendationSource recommendation={r} />
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/recommendations/${r.id}`}>
                    {r.position}. {r.text}
                  </Anchor>
                </Table.Td>
                <Table.Td>{r.addresseeCountry ? countries.name(r.addresseeCountry) : r.addressee}</Table.Td>
                <Table.Td>{t(`reports.keyArea.${r.keyArea}`)}</Table.Td>
                <Table.Td>
                  {r.dueOn ?? '—'} {r.late ? <Badge color="red">{t('reports.tracker.late')}</Badge> : null}
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={r.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {page.data ? (
        <Pager
          total={page.data.total}
          limit={page.data.limit}
          offset={page.data.offset}
          onChange={setOffset}
          label={t('reports.tracker.pages')}
        />
      ) : null}
      {page.data?.actions.includes('add') ? <ExternalRecommendationForm /> : null}
    </Stack>
  );
}
