import { Button, Group, Loader, Modal, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { DownloadIcon } from '../app/icons';
import { Pager } from '../app/Pager';
import { ProblemAlert } from '../app/ProblemAlert';
import { useCan } from '../app/session';
import { usePageTitle } from '../app/usePageTitle';
import { ContributionsLedger } from './ContributionsLedger';
import { PledgeModal, RelocationModal } from './LedgerForms';
import {
  changePledge,
  historyQuery,
  type PledgeView,
  pledgesQuery,
  relocationsQuery,
  useCountryNames,
  useLedgerWrite,
} from './queries';

const STATUSES = ['announced', 'confirmed', 'fulfilled', 'withdrawn'] as const;

function HistoryModal({
  entry,
  onClose,
}: {
  entry: { kind: 'pledges' | 'relocations'; id: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const history = useQuery({ ...historyQuery(entry?.kind ?? 'pledges', entry?.id ?? ''), enabled: entry !== null });
  return (
    <Modal opened={entry !== null} onClose={onClose} title={t('solidarity.ledger.history')} size="lg">
      <ProblemAlert error={history.error} />
      {history.data ? (
        <Table fz="sm" aria-label={t('solidarity.ledger.history')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('solidarity.ledger.revision')}</Table.Th>
              <Table.Th scope="col">{t('solidarity.ledger.when')}</Table.Th>
              <Table.Th scope="col">{t('solidarity.ledger.who')}</Table.Th>
              <Table.Th scope="col">{t('solidarity.ledger.what')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data.map((revision) => (
              <Table.Tr key={revision.revision}>
                <Table.Td>{revision.revision}</Table.Td>
                <Table.Td>{new Date(revision.changedAt).toLocaleString()}</Table.Td>
                <Table.Td>{revision.changedBy?.name ?? t('solidarity.ledger.system')}</Table.Td>
                <Table.Td>
                  {revision.action === 'create'
                    ? t('solidarity.ledger.created')
                    : revision.changes.map((c) => `${c.field}: ${String(c.from)} → ${String(c.to)}`).join('; ')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Modal>
  );
}

function StatusCell({ pledge }: { pledge: PledgeView }) {
  const { t } = useTranslation();
  const write = useLedgerWrite(changePledge);
  if (!pledge.actions.includes('edit')) return <>{t(`solidarity.status.${pledge.status}`)}</>;
  return (
    <NativeSelect
      size="xs"
      aria-label={t('solidarity.ledger.statusOf', { id: pledge.id.slice(0, 8) })}
      value={pledge.status}
      disabled={write.isPending}
      error={write.error ? t('problem.unknown') : undefined}
      onChange={(e) => write.mutate({ id: pledge.id, status: e.currentTarget.value })}
      data={STATUSES.map((value) => ({ value, label: t(`solidarity.status.${value}`) }))}
    />
  );
}

const LEDGER_PAGE = 50;

interface Column<T> {
  head: string;
  cell: (entry: T) => ReactNode;
  /** The cell that names the row (a table row header). */
  row?: boolean;
  right?: boolean;
}

/**
 * One ledger (pledges or relocations) as a table, a page at a time (the ledgers grow by the month),
 * each entry with its revisions; a sentence saying what fills it while it is empty.
 */
function LedgerTable<T extends { id: string; revision: number }>({
  title,
  query,
  empty,
  minWidth,
  columns,
  onHistory,
}: {
  title: string;
  query: UseQueryResult<T[]>;
  empty: string;
  minWidth: number;
  columns: Column<T>[];
  onHistory: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const entries = query.data ?? [];
  return (
    <>
      <Title order={2} size="h3">
        {title}
      </Title>
      <ProblemAlert error={query.error} />
      {query.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {query.data?.length === 0 ? <EmptyState message={empty} /> : null}
      {entries.length > 0 ? (
        <>
          <Table.ScrollContainer minWidth={minWidth}>
            <Table striped verticalSpacing={4} fz="sm" aria-label={title}>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((column) => (
                    <Table.Th scope="col" key={column.head} ta={column.right ? 'right' : undefined}>
                      {column.head}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col">{t('solidarity.ledger.history')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.slice(offset, offset + LEDGER_PAGE).map((entry) => (
                  <Table.Tr key={entry.id}>
                    {columns.map((column) =>
                      column.row ? (
                        <Table.Th scope="row" fw={500} key={column.head}>
                          {column.cell(entry)}
                        </Table.Th>
                      ) : (
                        <Table.Td key={column.head} ta={column.right ? 'right' : undefined}>
                          {column.cell(entry)}
                        </Table.Td>
                      ),
                    )}
                    <Table.Td>
                      <Button size="compact-xs" variant="subtle" onClick={() => onHistory(entry.id)}>
                        {t('solidarity.ledger.revisions', { count: entry.revision })}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {entries.length > LEDGER_PAGE ? (
            <Pager total={entries.length} limit={LEDGER_PAGE} offset={offset} onChange={setOffset} label={title} />
          ) : null}
        </>
      ) : null}
    </>
  );
}

/**
 * The ledger of pledges, contributions to projects and relocations, each with its history; recording
 * for those the server allows.
 */
export function LedgerPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('solidarity.ledger.title'));
  const { name } = useCountryNames();
  const pledges = useQuery(pledgesQuery);
  const relocations = useQuery(relocationsQuery);
  const canPledge = useCan('solidarity.pledge.record');
  const canRelocate = useCan('solidarity.relocation.record');
  const [modal, setModal] = useState<'pledge' | 'relocation' | null>(null);
  const [history, setHistory] = useState<{ kind: 'pledges' | 'relocations'; id: string } | null>(null);
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('solidarity.ledger.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('solidarity.ledger.intro')}
        </Text>
      </div>
      <Group>
        {canPledge ? <Button onClick={() => setModal('pledge')}>{t('solidarity.ledger.recordPledge')}</Button> : null}
        {canRelocate ? <Button onClick={() => setModal('relocation')}>{t('solidarity.ledger.recordRelocation')}</Button> : null}
        <Button component={Link} to="/solidarity/fulfilment" variant="default">
          {t('solidarity.fulfilment.title')}
        </Button>
        <Button component={Link} to="/solidarity/one-for-one" variant="default">
          {t('solidarity.oneForOne.title')}
        </Button>
        <Button component="a" href="/api/solidarity/pledges/export.csv" download variant="default" leftSection={<DownloadIcon />}>
          CSV
        </Button>
        <Button
          component="a"
          href="/api/solidarity/pledges/export.xlsx"
          download
          variant="default"
          leftSection={<DownloadIcon />}
        >
          XLSX
        </Button>
      </Group>
      {modal === 'pledge' ? <PledgeModal opened onClose={() => setModal(null)} /> : null}
      {modal === 'relocation' ? <RelocationModal opened onClose={() => setModal(null)} pledges={pledges.data ?? []} /> : null}
      <HistoryModal entry={history} onClose={() => setHistory(null)} />

      <LedgerTable
        title={t('solidarity.ledger.pledges')}
        query={pledges}
        empty={t('solidarity.ledger.emptyPledges')}
        minWidth={900}
        columns={[
          { head: t('solidarity.state'), cell: (p) => name(p.countryIso2), row: true },
          { head: t('solidarity.ledger.type'), cell: (p) => t(`solidarity.type.${p.type}`) },
          {
            head: t('solidarity.ledger.quantity'),
            cell: (p) => `${number.format(p.quantity)} ${p.currency ?? ''}`,
            right: true,
          },
          { head: t('solidarity.ledger.beneficiary'), cell: (p) => (p.beneficiaryIso2 ? name(p.beneficiaryIso2) : '—') },
          { head: t('solidarity.ledger.pledgedOn'), cell: (p) => p.pledgedOn },
          { head: t('solidarity.ledger.status'), cell: (p) => <StatusCell pledge={p} /> },
          {
            head: t('solidarity.fulfilment.delivered'),
            cell: (p) => (p.type === 'relocation_places' ? number.format(p.delivered) : '—'),
            right: true,
          },
        ]}
        onHistory={(id) => setHistory({ kind: 'pledges', id })}
      />
      <ContributionsLedger />
      <LedgerTable
        title={t('solidarity.ledger.relocations')}
        query={relocations}
        empty={t('solidarity.ledger.emptyRelocations')}
        minWidth={640}
        columns={[
          { head: t('solidarity.ledger.receivingState'), cell: (r) => name(r.countryIso2), row: true },
          { head: t('solidarity.ledger.from'), cell: (r) => name(r.fromIso2) },
          { head: t('solidarity.ledger.month'), cell: (r) => r.period },
          { head: t('solidarity.ledger.persons'), cell: (r) => number.format(r.persons), right: true },
        ]}
        onHistory={(id) => setHistory({ kind: 'relocations', id })}
      />
    </Stack>
  );
}
