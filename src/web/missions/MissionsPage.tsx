import { Anchor, Badge, Button, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { ProblemAlert } from '../app/ProblemAlert';
import { useCan } from '../app/session';
import { usePageTitle } from '../app/usePageTitle';
import { useCountryNames } from '../reference/pickers';
import { MissionForm } from './MissionForm';
import { MissionMap } from './MissionMap';
import { type MissionSummary, missionsQuery, STATUS_COLOURS } from './queries';

/** Missions as a list, a map and a calendar by month; co-ordinators and focal points draft new ones. */
export function MissionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('missions.list.title'));
  const missions = useQuery(missionsQuery);
  const canCreate = useCan('mission.create');
  const countries = useCountryNames();
  const list = missions.data ?? [];
  const byMonth = new Map<string, MissionSummary[]>();
  for (const m of [...list].sort((a, b) => a.startsOn.localeCompare(b.startsOn))) {
    const month = m.startsOn.slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), m]);
  }
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('missions.list.title')}</Title>
        <Anchor component={Link} to="/missions/balance">
          {t('missions.balance.title')}
        </Anchor>
      </Group>
      <ProblemAlert error={missions.error} />
      {canCreate ? <NewMission /> : null}
      {missions.data && list.length === 0 ? (
        <EmptyState message={t('missions.list.empty')}>
          {canCreate ? <Text size="sm">{t('missions.list.emptyAction')}</Text> : null}
        </EmptyState>
      ) : null}
      <Tabs defaultValue="list">
        <Tabs.List>
          <Tabs.Tab value="list">{t('missions.list.tabList')}</Tabs.Tab>
          <Tabs.Tab value="map">{t('missions.list.tabMap')}</Tabs.Tab>
          <Tabs.Tab value="calendar">{t('missions.list.tabCalendar')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list" pt="sm">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('missions.fields.code')}</Table.Th>
                <Table.Th>{t('missions.fields.title')}</Table.Th>
                <Table.Th>{t('missions.fields.countries')}</Table.Th>
                <Table.Th>{t('missions.fields.dates')}</Table.Th>
                <Table.Th>{t('missions.fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/missions/${m.id}`}>
                      {m.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{m.title}</Table.Td>
                  <Table.Td>{m.countries.map((c) => countries.name(c.iso2)).join(' → ')}</Table.Td>
                  <Table.Td>
                    {m.startsOn} – {m.endsOn}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOURS[m.status]}>{t(`missions.status.${m.status}`)}</Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
        <Tabs.Panel value="map" pt="sm">
          <MissionMap label={t('missions.list.mapLabel')} missions={list.filter((m) => m.status !== 'cancelled')} />
        </Tabs.Panel>
        <Tabs.Panel value="calendar" pt="sm">
          {[...byMonth.entries()].map(([month, items]) => (
            <Stack key={month} gap={4} mb="sm">
              <Title order={3}>{month}</Title>
              {items.map((m) => (
                <Text key={m.id}>
                  {m.startsOn} – {m.endsOn}: {m.code} {m.title} ({t(`missions.status.${m.status}`)})
                </Text>
              ))}
            </Stack>
          ))}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function NewMission() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button onClick={() => setOpen(true)} w="fit-content">
        {t('missions.create.open')}
      </Button>
    );
  }
  return (
    <MissionForm
      onSaved={(mission) => navigate({ to: '/missions/$id', params: { id: mission.id } })}
      onCancel={() => setOpen(false)}
    />
  );
}
