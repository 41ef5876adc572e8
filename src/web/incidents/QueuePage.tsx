import { Anchor, Badge, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueQuery } from '../../server/incidents/review/schemas.js';
import { EmptyState } from '../app/EmptyState';
import { Pager } from '../app/Pager';
import { ProblemAlert } from '../app/ProblemAlert';
import { useCan } from '../app/session';
import { usePageTitle } from '../app/usePageTitle';
import { countriesQuery, useApiLanguage } from '../reference/queries';
import { IncidentTypeFilter, StateFilter } from './filters';
import { queueQuery, STATUS_COLOURS, STATUSES } from './queries';

const PAGE = 50;

/** The reviewers' queue of reports, filtered by status, country, type and assignee. */
export function QueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('incidents.queue.title'));
  const lang = useApiLanguage();
  const countries = useQuery(countriesQuery(lang));
  const [filter, setFilter] = useState<QueueQuery>({ limit: PAGE, offset: 0 });
  const queue = useQuery(queueQuery(filter));
  const canExport = useCan('incident.export');
  const name = (iso2: string) => countries.data?.find((c) => c.iso2 === iso2)?.name ?? iso2;
  const change = (patch: Partial<QueueQuery>) => setFilter((f) => ({ ...f, ...patch, offset: 0 }));
  // An empty answer to a filter is not an empty queue: it says so, rather than what fills the queue.
  const filtered = Boolean(filter.status || filter.country || filter.incidentType || filter.assignee);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('incidents.queue.title')}</Title>
        {canExport ? (
          <Anchor href="/api/incidents/export/odihr.csv" download>
            {t('incidents.queue.odihr')}
          </Anchor>
        ) : null}
      </Group>
      <Group align="end" wrap="wrap">
        <Select
          label={t('incidents.fields.status')}
          clearable
          data={STATUSES.map((s) => ({ value: s, label: t(`incidents.statusName.${s}`) }))}
          value={filter.status ?? null}
          onChange={(v) => change({ status: (v ?? undefined) as QueueQuery['status'] })}
        />
        <StateFilter value={filter.country} onChange={(country) => change({ country })} />
        <IncidentTypeFilter value={filter.incidentType} onChange={(incidentType) => change({ incidentType })} />
        <Select
          label={t('incidents.queue.assignee')}
          clearable
          data={[
            { value: 'me', label: t('incidents.queue.mine') },
            { value: 'none', label: t('incidents.queue.unassigned') },
          ]}
          value={filter.assignee ?? null}
          onChange={(v) => change({ assignee: (v ?? undefined) as QueueQuery['assignee'] })}
        />
      </Group>
      <ProblemAlert error={queue.error} />
      {queue.data?.total === 0 && filtered ? (
        <Text size="sm" role="status">
          {t('incidents.queue.noneMatch')}
        </Text>
      ) : queue.data?.total === 0 ? (
        <EmptyState
          message={t('incidents.queue.empty')}
          actions={[{ label: t('incidents.queue.emptyAction'), to: '/incidents/report' }]}
        />
      ) : (
        <>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('incidents.fields.receivedAt')}</Table.Th>
                <Table.Th>{t('incidents.fields.occurredOn')}</Table.Th>
                <Table.Th>{t('incidents.fields.country')}</Table.Th>
                <Table.Th>{t('incidents.fields.incidentType')}</Table.Th>
                <Table.Th>{t('incidents.fields.status')}</Table.Th>
                <Table.Th>{t('incidents.queue.assignee')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(queue.data?.items ?? []).map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/incidents/review/${c.id}`}>
                      {c.receivedAt.slice(0, 16).replace('T', ' ')}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{c.occurredOn}</Table.Td>
                  <Table.Td>
                    {name(c.country)}, {c.place}
                  </Table.Td>
                  <Table.Td>{t(`incidents.type.${c.incidentType}`)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOURS[c.status]}>{t(`incidents.statusName.${c.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{c.assignee?.name ?? '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager
            total={queue.data?.total ?? 0}
            limit={PAGE}
            offset={filter.offset ?? 0}
            onChange={(offset) => setFilter((f) => ({ ...f, offset }))}
            label={t('incidents.queue.title')}
          />
        </>
      )}
    </Stack>
  );
}
