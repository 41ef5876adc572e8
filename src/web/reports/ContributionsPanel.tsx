import {
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContributionList, ContributionView } from '../../server/reports/contributions/schemas.js';
import { api, queryString } from '../app/api';
import { anyMissing, useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { CurrencyPicker, useMoney } from '../reference/currency';
import { CountryPicker, useCountryNames } from '../reference/pickers';
import { useApiLanguage } from '../reference/queries';

export type { ContributionList, ContributionView };

/** The statuses of a contribution, in the order it moves through them. */
export const CONTRIBUTION_STATUSES = ['pledged', 'confirmed', 'received', 'withdrawn'] as const;

function contributionsQuery(recommendationId: string, projectId: string) {
  return queryOptions({
    queryKey: ['contributions', recommendationId, projectId],
    queryFn: () => api.get<ContributionList>(`/recommendations/${recommendationId}/projects/${projectId}/contributions`),
  });
}

interface Donor {
  id: string;
  acronym: string | null;
  name: string;
}

/** Organisations of the directory that may fund a project: any but the OSCE's own structures. */
function useDonors(enabled: boolean) {
  const lang = useApiLanguage();
  return useQuery({
    queryKey: ['directory', 'donors', lang],
    queryFn: () =>
      api.get<{ items: Donor[] }>(`/directory/organisations${queryString({ osceStructure: false, limit: 200, lang })}`),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Who gave: a State by its name in the interface language, a donor by its acronym or name. */
export function useContributorName() {
  const { name } = useCountryNames();
  return (c: ContributionView['contributor']) => (c.countryIso2 ? name(c.countryIso2) : c.name);
}

/** The totals per currency; different currencies are listed apart, never added. */
export function CurrencyTotals({ totals, label }: { totals: ContributionList['totals']; label: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  if (totals.length === 0) return null;
  return (
    <Table fz="sm" w="auto" aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('reports.contributions.currency')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('reports.contributions.promised')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('reports.contributions.receivedTotal')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {totals.map((total) => (
          <Table.Tr key={total.currency}>
            <Table.Th scope="row" fw={500}>
              {total.currency}
            </Table.Th>
            <Table.Td ta="right">{money(total.promised, total.currency)}</Table.Td>
            <Table.Td ta="right">{money(total.received, total.currency)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function StatusCell({ recommendationId, contribution }: { recommendationId: string; contribution: ContributionView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const change = useMutation({
    mutationFn: (status: string) =>
      api.patch<ContributionView>(
        `/recommendations/${recommendationId}/projects/${contribution.projectId}/contributions/${contribution.id}`,
        { status },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['contributions'] }),
  });
  if (contribution.next.length === 0) return <>{t(`reports.contributions.status.${contribution.status}`)}</>;
  return (
    <>
      <NativeSelect
        size="xs"
        aria-label={t('reports.contributions.statusOf', { name: contribution.contributor.name })}
        value={contribution.status}
        disabled={change.isPending}
        onChange={(e) => change.mutate(e.currentTarget.value)}
        data={[contribution.status, ...contribution.next].map((value) => ({
          value,
          label: t(`reports.contributions.status.${value}`),
        }))}
      />
      <ProblemAlert error={change.error} />
    </>
  );
}

/** The contributions pledged to a project by States and donors, their totals per currency, and the form to record one. */
export function ContributionsPanel({ recommendationId, projectId }: { recommendationId: string; projectId: string }) {
  const { t } = useTranslation();
  const list = useQuery(contributionsQuery(recommendationId, projectId));
  const money = useMoney();
  const contributor = useContributorName();
  const items = list.data?.items ?? [];
  return (
    <Stack gap="sm">
      <Title order={2}>{t('reports.contributions.title')}</Title>
      <Text c="dimmed">{t('reports.contributions.intro')}</Text>
      <ProblemAlert error={list.error} />
      {list.data && items.length === 0 ? <Text c="dimmed">{t('reports.contributions.empty')}</Text> : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped fz="sm" aria-label={t('reports.contributions.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reports.contributions.contributor')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('reports.contributions.amount')}
                </Table.Th>
                <Table.Th scope="col">{t('reports.contributions.statusLabel')}</Table.Th>
                <Table.Th scope="col">{t('reports.contributions.date')}</Table.Th>
                <Table.Th scope="col">{t('reports.contributions.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={500}>
                    {contributor(c.contributor)}
                  </Table.Th>
                  <Table.Td ta="right">{money(c.amount, c.currency)}</Table.Td>
                  <Table.Td>
                    <StatusCell recommendationId={recommendationId} contribution={c} />
                  </Table.Td>
                  <Table.Td>{c.contributedOn}</Table.Td>
                  <Table.Td>{c.note || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {list.data ? <CurrencyTotals totals={list.data.totals} label={t('reports.contributions.totals')} /> : null}
      {list.data?.actions.includes('contribute') ? (
        <ContributionForm recommendationId={recommendationId} projectId={projectId} />
      ) : null}
    </Stack>
  );
}

function ContributionForm({ recommendationId, projectId }: { recommendationId: string; projectId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [kind, setKind] = useState<'state' | 'donor'>('state');
  const [country, setCountry] = useState<string | null>(null);
  const [donor, setDonor] = useState<string | null>(null);
  const [amount, setAmount] = useState<number | ''>('');
  const [currency, setCurrency] = useState<string | null>('EUR');
  const [status, setStatus] = useState<'pledged' | 'confirmed' | 'received'>('pledged');
  const [contributedOn, setContributedOn] = useState(new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState('');
  const [attempted, setAttempted] = useState(false);
  const donors = useDonors(kind === 'donor');
  const add = useMutation({
    mutationFn: () =>
      api.post<ContributionView>(`/recommendations/${recommendationId}/projects/${projectId}/contributions`, {
        ...(kind === 'state' ? { contributorCountryIso2: country } : { contributorOrganisationId: donor }),
        amount,
        currency,
        status,
        contributedOn,
        note,
      }),
    onSuccess: () => {
      setAmount('');
      setNote('');
      setAttempted(false);
      void client.invalidateQueries({ queryKey: ['contributions'] });
    },
  });
  const missing = {
    '/contributorCountryIso2': kind === 'state' && !country,
    '/contributorOrganisationId': kind === 'donor' && !donor,
    '/amount': amount === '' || amount <= 0,
    '/currency': !currency,
  };
  const errorOf = useFieldErrors(add.error, attempted ? missing : {});
  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (anyMissing(missing)) return;
    add.mutate();
  }
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={3}>{t('reports.contributions.add')}</Title>
        <SegmentedControl
          aria-label={t('reports.contributions.kind')}
          value={kind}
          onChange={(value) => setKind(value as 'state' | 'donor')}
          data={[
            { value: 'state', label: t('reports.contributions.kinds.state') },
            { value: 'donor', label: t('reports.contributions.kinds.donor') },
          ]}
        />
        {kind === 'state' ? (
          <CountryPicker
            label={t('reports.contributions.state')}
            required
            value={country}
            onChange={setCountry}
            error={errorOf('/contributorCountryIso2')}
          />
        ) : (
          <Select
            label={t('reports.contributions.donor')}
            required
            searchable
            nothingFoundMessage={t('common.nothingFound')}
            value={donor}
            onChange={setDonor}
            data={(donors.data?.items ?? []).map((d) => ({
              value: d.id,
              label: d.acronym && d.acronym !== d.name ? `${d.name} (${d.acronym})` : d.name,
            }))}
            error={errorOf('/contributorOrganisationId') ?? errorOf('/contributorCountryIso2')}
          />
        )}
        <Group grow align="flex-start">
          <NumberInput
            label={t('reports.contributions.amount')}
            required
            min={0}
            decimalScale={2}
            value={amount}
            onChange={(value) => setAmount(typeof value === 'number' ? value : '')}
            error={errorOf('/amount')}
          />
          <CurrencyPicker
            label={t('reports.contributions.currency')}
            required
            value={currency}
            onChange={setCurrency}
            error={errorOf('/currency')}
          />
        </Group>
        <Group grow align="flex-start">
          <NativeSelect
            label={t('reports.contributions.statusLabel')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as typeof status)}
            data={(['pledged', 'confirmed', 'received'] as const).map((value) => ({
              value,
              label: t(`reports.contributions.status.${value}`),
            }))}
          />
          <TextInput
            type="date"
            label={t('reports.contributions.date')}
            required
            value={contributedOn}
            onChange={(e) => setContributedOn(e.currentTarget.value)}
            error={errorOf('/contributedOn')}
          />
        </Group>
        <TextInput label={t('reports.contributions.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t('reports.contributions.record')}
          </Button>
        </Group>
        <ProblemAlert error={add.error} />
      </Stack>
    </Paper>
  );
}
