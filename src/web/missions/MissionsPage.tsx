import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { Pager } from '../app/Pager';
import { ProblemAlert } from '../app/ProblemAlert';
import { useCan } from '../app/session';
import { usePageTitle } from '../app/usePageTitle';
import { CountryPicker, useCountryNames } from '../reference/pickers';
import { MissionForm } from './MissionForm';
import { MissionMap } from './MissionMap';
import { type MissionSummary, missionsQuery, STATUS_COLOURS } from './queries';

const PAGE = 25;
const STATUSES = Object.keys(STATUS_COLOURS) as MissionSummary['status'][];

interface Filter {
  status: string;
  country: string | null;
  text: string;
}

/** The missions a filter keeps: by status, by host country, and by words of the code or title. */
function filtered(list: MissionSummary[], filter: Filter): MissionSummary[] {
  const words = filter.text.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return list.filter(
    (m) =>
      (filter.status === '' || m.status === filter.status) &&
      (filter.country === null || m.countries.some((c) => c.iso2 === filter.country)) &&
      words.every((word) => `${m.code} ${m.title}`.toLocaleLowerCase().includes(word)),
  );
}

/** Missions as a list, a map and a calendar by month; co-ordinators and focal points draft new ones. */
export function MissionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('missions.list.title'));
  const missions = useQuery(missionsQuery);
  const canCreate = useCan('mission.create');
  const countries = useCountryNames();
  const list = missions.data ?? [];
  const [filter, setFilter] = useState<Filter>({ status: '', country: null, text: '' });
  const [offset, setOffset] = useState(0);
  const change = (patch: Partial<Filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setOffset(0);
  };
  const shown = filtered(list, filter);
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
          <Group align="end" mb="sm" wrap="wrap">
            <TextInput
              label={t('missions.list.search')}
              value={filter.text}
              onChange={(e) => change({ text: e.currentTarget.value })}
            />
            <NativeSelect
              label={t('missions.fields.status')}
              value={filter.status}
              onChange={(e) => change({ status: e.currentTarget.value })}
              data={[
                { value: '', label: t('missions.list.anyStatus') },
                ...STATUSES.map((value) => ({ value, label: t(`missions.status.${value}`) })),
              ]}
            />
            <CountryPicker
              label={t('missions.list.hostCountry')}
              placeholder={t('missions.list.anyCountry')}
              value={filter.country}
              onChange={(country) => change({ country })}
            />
          </Group>
          {missions.data && list.length > 0 && shown.length === 0 ? (
            <Text size="sm" role="status">
              {t('missions.list.noneMatch')}
            </Text>
          ) : null}
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
              {shown.slice(offset, offset + PAGE).map((m) => (
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
          <Pager total={shown.length} limit={PAGE} offset={offset} onChange={setOffset} label={t('missions.list.pages')} />
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
