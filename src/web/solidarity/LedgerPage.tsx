import { Button, Group, Loader, Modal, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { DownloadIcon } from '../app/icons';
import { Pager } from '../app/Pager';
import { ProblemAlert } from '../app/ProblemAlert';
import { useCan } from '../app/session';
import { usePageTitle } from '../app/usePageTitle';
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

/** The ledger of pledges and relocations, each with its history; recording for those the server allows. */
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
  // The ledgers grow by the month: a page of each at a time.
  const [pledgeOffset, setPledgeOffset] = useState(0);
  const [relocationOffset, setRelocationOffset] = useState(0);
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

      <Title order={2} size="h3">
        {t('solidarity.ledger.pledges')}
      </Title>
      <ProblemAlert error={pledges.error} />
      {pledges.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {pledges.data?.length === 0 ? <EmptyState message={t('solidarity.ledger.emptyPledges')} /> : null}
      {pledges.data?.length ? (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing={4} fz="sm" aria-label={t('solidarity.ledger.pledges')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('solidarity.state')}</Table.Th>
                  <Table.Th scope="col">{t('solidarity.ledger.type')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('solidarity.ledger.quantity')}
                  </Table.Th>
                  <Table.Th scope="col">{t('solidarity.ledger.beneficiary')}</Table.Th>
                  <Table.Th scope="col">{t('solidarity.ledger.pledgedOn')}</Table.Th>
                  <Table.Th scope="col">{t('solidarity.ledger.status')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('solidarity.fulfilment.delivered')}
                  </Table.Th>
                  <Table.Th scope="col">{t('solidarity.ledger.history')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pledges.data.slice(pledgeOffset, pledgeOffset + LEDGER_PAGE).map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Th scope="row" fw={500}>
                      {name(p.countryIso2)}
                    </Table.Th>
                    <Table.Td>{t(`solidarity.type.${p.type}`)}</Table.Td>
                    <Table.Td ta="right">
                      {number.format(p.quantity)} {p.currency ?? ''}
                    </Table.Td>
                    <Table.Td>{p.beneficiaryIso2 ? name(p.beneficiaryIso2) : '—'}</Table.Td>
                    <Table.Td>{p.pledgedOn}</Table.Td>
                    <Table.Td>
                      <StatusCell pledge={p} />
                    </Table.Td>
                    <Table.Td ta="right">{p.type === 'relocation_places' ? number.format(p.delivered) : '—'}</Table.Td>
                    <Table.Td>
                      <Button size="compact-xs" variant="subtle" onClick={() => setHistory({ kind: 'pledges', id: p.id })}>
                        {t('solidarity.ledger.revisions', { count: p.revision })}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pledges.data.length > LEDGER_PAGE ? (
            <Pager
              total={pledges.data.length}
              limit={LEDGER_PAGE}
              offset={pledgeOffset}
              onChange={setPledgeOffset}
              label={t('solidarity.ledger.pledges')}
            />
          ) : null}
        </>
      ) : null}

      <Title order={2} size="h3">
        {t('solidarity.ledger.relocations')}
      </Title>
      <ProblemAlert error={relocations.error} />
      {relocations.data?.length === 0 ? <EmptyState message={t('solidarity.ledger.emptyRelocations')} /> : null}
      {relocations.data?.length ? (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing={4} fz="sm" aria-label={t('solidarity.ledger.relocations')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('solidarity.ledger.receivingState')}</Table.Th>
                  <Table.Th scope="col">{t('solidarity.ledger.from')}</Table.Th>
                  <Table.Th scope="col">{t('solidarity.ledger.month')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('solidarity.ledger.persons')}
                  </Table.Th>
                  <Table.Th scope="col">{t('solidarity.ledger.history')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {relocations.data.slice(relocationOffset, relocationOffset + LEDGER_PAGE).map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Th scope="row" fw={500}>
                      {name(r.countryIso2)}
                    </Table.Th>
                    <Table.Td>{name(r.fromIso2)}</Table.Td>
                    <Table.Td>{r.period}</Table.Td>
                    <Table.Td ta="right">{number.format(r.persons)}</Table.Td>
                    <Table.Td>
                      <Button size="compact-xs" variant="subtle" onClick={() => setHistory({ kind: 'relocations', id: r.id })}>
                        {t('solidarity.ledger.revisions', { count: r.revision })}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {relocations.data.length > LEDGER_PAGE ? (
            <Pager
              total={relocations.data.length}
              limit={LEDGER_PAGE}
              offset={relocationOffset}
              onChange={setRelocationOffset}
              label={t('solidarity.ledger.relocations')}
            />
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
