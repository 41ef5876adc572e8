import { Anchor, Group, Loader, SegmentedControl, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContributionList } from '../../server/reports/contributions/schemas.js';
import { api, queryString } from '../app/api';
import { EmptyState } from '../app/EmptyState';
import { ProblemAlert } from '../app/ProblemAlert';
import { useMoney } from '../reference/currency';
import { CurrencyTotals, useContributorName } from '../reports/ContributionsPanel';

type Kind = 'all' | 'state' | 'donor';

/** The contributions pledged to follow-up projects, beside the pledges, filtered by kind of contributor. */
export function ContributionsLedger() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('all');
  const list = useQuery({
    queryKey: ['contributions', 'ledger', kind],
    queryFn: () =>
      api.get<ContributionList>(`/solidarity/contributions${queryString({ kind: kind === 'all' ? undefined : kind })}`),
  });
  const money = useMoney();
  const contributor = useContributorName();
  const title = t('solidarity.contributions.title');
  const items = list.data?.items ?? [];
  return (
    <>
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3">
          {title}
        </Title>
        <SegmentedControl
          aria-label={t('solidarity.contributions.kind')}
          value={kind}
          onChange={(value) => setKind(value as Kind)}
          data={[
            { value: 'all', label: t('solidarity.contributions.kinds.all') },
            { value: 'state', label: t('solidarity.contributions.kinds.state') },
            { value: 'donor', label: t('solidarity.contributions.kinds.donor') },
          ]}
        />
      </Group>
      <ProblemAlert error={list.error} />
      {list.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {list.data && items.length === 0 ? (
        <EmptyState
          message={t('solidarity.contributions.empty')}
          actions={[{ label: t('solidarity.contributions.toTracker'), to: '/recommendations' }]}
        />
      ) : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={800}>
          <Table striped verticalSpacing={4} fz="sm" aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('solidarity.contributions.contributor')}</Table.Th>
                <Table.Th scope="col">{t('solidarity.contributions.project')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('solidarity.contributions.amount')}
                </Table.Th>
                <Table.Th scope="col">{t('solidarity.ledger.status')}</Table.Th>
                <Table.Th scope="col">{t('solidarity.contributions.date')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={500}>
                    {contributor(c.contributor)}
                  </Table.Th>
                  <Table.Td>
                    <Anchor component={Link} to={`/recommendations/${c.recommendationId}/projects/${c.projectId}`}>
                      {c.projectTitle}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">{money(c.amount, c.currency)}</Table.Td>
                  <Table.Td>{t(`reports.contributions.status.${c.status}`)}</Table.Td>
                  <Table.Td>{c.contributedOn}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {list.data ? <CurrencyTotals totals={list.data.totals} label={t('solidarity.contributions.totals')} /> : null}
    </>
  );
}
