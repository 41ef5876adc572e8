import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RHETORIC_STATUSES } from '../../server/incidents/rhetoric/schemas.js';
import { api } from '../app/api';
import { EmptyState } from '../app/EmptyState';
import { useFieldErrors } from '../app/form-errors';
import { Pager } from '../app/Pager';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { useCountryNames } from '../reference/pickers';
import { StateFilter } from './filters';
import { type StatementQuery, type StatementView, statementQuery, statementsQuery } from './rhetoric-queries';

const PAGE = 25;
const COLOURS: Record<string, string> = { submitted: 'blue', verified: 'green', rejected: 'red' };

function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[status]} data-testid="statement-status">
      {t(`incidents.rhetoric.status.${status}`)}
    </Badge>
  );
}

/** The statements to review in the caller's countries; who recorded them shows only on each statement. */
export function RhetoricQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('incidents.rhetoric.queueTitle'));
  const countries = useCountryNames();
  const [filter, setFilter] = useState<StatementQuery>({ status: 'submitted', limit: PAGE, offset: 0 });
  const queue = useQuery(statementsQuery(filter));
  const change = (patch: Partial<StatementQuery>) => setFilter((f) => ({ ...f, ...patch, offset: 0 }));
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/incidents/rhetoric">
        {t('incidents.rhetoric.title')}
      </Anchor>
      <Title order={1}>{t('incidents.rhetoric.queueTitle')}</Title>
      <Group align="end">
        <Select
          label={t('incidents.fields.status')}
          clearable
          data={RHETORIC_STATUSES.map((s) => ({ value: s, label: t(`incidents.rhetoric.status.${s}`) }))}
          value={filter.status ?? null}
          onChange={(v) => change({ status: (v ?? undefined) as StatementQuery['status'] })}
        />
        <StateFilter value={filter.country} onChange={(country) => change({ country })} />
      </Group>
      <ProblemAlert error={queue.error} />
      {queue.data?.total === 0 ? (
        <EmptyState
          message={t('incidents.rhetoric.queueEmpty')}
          actions={[{ label: t('incidents.rhetoric.record'), to: '/incidents/rhetoric/new' }]}
        />
      ) : (
        <>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('incidents.rhetoric.fields.statedOn')}</Table.Th>
                <Table.Th>{t('incidents.fields.country')}</Table.Th>
                <Table.Th>{t('incidents.rhetoric.fields.speakerRole')}</Table.Th>
                <Table.Th>{t('incidents.rhetoric.fields.words')}</Table.Th>
                <Table.Th>{t('incidents.fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(queue.data?.items ?? []).map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/incidents/rhetoric/review/${s.id}`}>
                      {s.statedOn}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{countries.name(s.country)}</Table.Td>
                  <Table.Td>{t(`incidents.rhetoric.role.${s.speakerRole}`)}</Table.Td>
                  <Table.Td>{s.words.length > 90 ? `${s.words.slice(0, 90)}…` : s.words}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={s.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager
            total={queue.data?.total ?? 0}
            limit={PAGE}
            offset={filter.offset ?? 0}
            onChange={(offset) => setFilter((f) => ({ ...f, offset }))}
            label={t('incidents.rhetoric.queueTitle')}
          />
        </>
      )}
    </Stack>
  );
}

/** One statement: its words and facts, who recorded it (this reading is logged) and the decision. */
export function RhetoricStatementPage() {
  const { t } = useTranslation();
  usePageTitle(t('incidents.rhetoric.statementTitle'));
  const { id } = useParams({ strict: false }) as { id: string };
  const client = useQueryClient();
  const statement = useQuery(statementQuery(id));
  const countries = useCountryNames();
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'verified' | 'rejected') =>
      api.post<StatementView>(`/incidents/rhetoric/${id}/review`, { decision, ...(reason.trim() ? { reason } : {}) }),
    onSuccess: (data) => {
      client.setQueryData(statementQuery(id).queryKey, data);
      void client.invalidateQueries({ queryKey: ['incidents', 'rhetoric'] });
    },
  });
  const errorOf = useFieldErrors(decide.error);
  const s = statement.data;
  if (!s) return <ProblemAlert error={statement.error} />;
  const facts: Array<[string, string]> = [
    [t('incidents.rhetoric.fields.statedOn'), s.statedOn],
    [t('incidents.fields.country'), countries.name(s.country)],
    [t('incidents.rhetoric.fields.speakerRole'), t(`incidents.rhetoric.role.${s.speakerRole}`)],
    [t('incidents.rhetoric.fields.medium'), t(`incidents.rhetoric.medium.${s.medium}`)],
    [t('incidents.rhetoric.fields.context'), s.context || '–'],
    [t('incidents.rhetoric.submittedBy'), s.submittedBy ? `${s.submittedBy.name} <${s.submittedBy.email}>` : '–'],
  ];
  return (
    <Stack gap="md" maw={820}>
      <Anchor component={Link} to="/incidents/rhetoric/review">
        {t('incidents.rhetoric.queueTitle')}
      </Anchor>
      <Group>
        <Title order={1}>{t('incidents.rhetoric.statementTitle')}</Title>
        <StatusBadge status={s.status} />
      </Group>
      <Text component="blockquote" fs="italic" data-testid="statement-words">
        {s.words}
      </Text>
      {s.link ? (
        <Anchor href={s.link} target="_blank" rel="noopener noreferrer">
          {t('incidents.rhetoric.fields.link')}
        </Anchor>
      ) : null}
      <Table>
        <Table.Tbody>
          {facts.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row">{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm">{t('incidents.rhetoric.readLogged')}</Text>
      {s.rejectionReason ? <Text>{t('incidents.case.rejectedBecause', { reason: s.rejectionReason })}</Text> : null}
      {s.actions.length > 0 ? (
        <Stack gap="sm">
          <Textarea
            label={t('incidents.rhetoric.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errorOf('/reason')}
          />
          <ProblemAlert error={decide.error} />
          <Group>
            <Button onClick={() => decide.mutate('verified')} loading={decide.isPending}>
              {t('incidents.rhetoric.verify')}
            </Button>
            <Button color="red" variant="light" onClick={() => decide.mutate('rejected')} loading={decide.isPending}>
              {t('incidents.rhetoric.reject')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}
