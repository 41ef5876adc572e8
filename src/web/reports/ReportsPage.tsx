import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MissionSummary } from '../../server/missions/schemas.js';
import { api } from '../app/api';
import { EmptyState } from '../app/EmptyState';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { type ReportView, reportsQuery } from './queries';
import { LevelBadge, StatusBadge } from './StatusBadge';

const REPORTABLE = ['team_confirmed', 'deployed', 'reporting', 'closed'];

/** The reports the person may read, and opening the report of a mission (its team or the co-ordinator). */
export function ReportsPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.list.title'));
  const reports = useQuery(reportsQuery);
  const missions = useQuery({ queryKey: ['missions', 'list'], queryFn: () => api.get<MissionSummary[]>('/missions') });
  const [missionId, setMissionId] = useState('');
  const navigate = useNavigate();
  const client = useQueryClient();
  const open = useMutation({
    mutationFn: () => api.post<ReportView>('/reports', { missionId }),
    onSuccess: (report) => {
      void client.invalidateQueries({ queryKey: ['reports'] });
      void navigate({ to: '/reports/$id', params: { id: report.id } });
    },
  });
  const reported = new Set((reports.data ?? []).map((r) => r.missionId));
  const candidates = (missions.data ?? []).filter((m) => REPORTABLE.includes(m.status) && !reported.has(m.id));
  return (
    <Stack gap="md">
      <Title order={1}>{t('reports.list.title')}</Title>
      <ProblemAlert error={reports.error} />
      {reports.data && reports.data.length === 0 ? (
        <EmptyState
          message={`${t('reports.list.none')} ${t('reports.list.empty')}`}
          actions={[{ label: t('reports.list.emptyAction'), to: '/missions' }]}
        />
      ) : null}
      {reports.data && reports.data.length > 0 ? (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.fields.mission')}</Table.Th>
              <Table.Th>{t('reports.fields.status')}</Table.Th>
              <Table.Th>{t('reports.fields.alert')}</Table.Th>
              <Table.Th>{t('reports.fields.version')}</Table.Th>
              <Table.Th>{t('reports.fields.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reports.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/reports/${r.id}`}>
                    {r.missionCode} {r.missionTitle}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={r.status} />
                </Table.Td>
                <Table.Td>{r.alertLevel ? <LevelBadge level={r.alertLevel} /> : '—'}</Table.Td>
                <Table.Td>{r.version}</Table.Td>
                <Table.Td>{r.updatedAt.slice(0, 10)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {candidates.length > 0 ? (
        <>
          <Title order={2}>{t('reports.list.open')}</Title>
          <Text size="sm" c="dimmed">
            {t('reports.list.openHelp')}
          </Text>
          <Group align="flex-end">
            <NativeSelect
              label={t('reports.fields.mission')}
              value={missionId}
              data={[
                { value: '', label: t('form.choose') },
                ...candidates.map((m) => ({ value: m.id, label: `${m.code} ${m.title}` })),
              ]}
              onChange={(e) => setMissionId(e.currentTarget.value)}
            />
            <Button disabled={!missionId} loading={open.isPending} onClick={() => open.mutate()}>
              {t('reports.list.openButton')}
            </Button>
          </Group>
          <ProblemAlert error={open.error} />
        </>
      ) : null}
    </Stack>
  );
}
