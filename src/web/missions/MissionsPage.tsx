import { Anchor, Badge, Button, Checkbox, Group, NumberInput, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { EmptyState } from '../app/EmptyState';
import { ProblemAlert } from '../app/ProblemAlert';
import { useCan } from '../app/session';
import { usePageTitle } from '../app/usePageTitle';
import { MissionMap } from './MissionMap';
import { type MissionSummary, type MissionView, missionsQuery, STATUS_COLOURS } from './queries';

/** Missions as a list, a map and a calendar by month; co-ordinators and focal points draft new ones. */
export function MissionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('missions.list.title'));
  const missions = useQuery(missionsQuery);
  const canCreate = useCan('mission.create');
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
                  <Table.Td>{m.countries.map((c) => c.name).join(' → ')}</Table.Td>
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
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({
    code: '',
    title: '',
    hostCountries: '',
    startsOn: '',
    endsOn: '',
    competence: '',
    competenceLevel: 2,
    language: '',
    languageLevel: 'B2',
    teamMin: 2,
    teamMax: 4,
    allDimensions: false,
    minOrganisations: 1,
  });
  const create = useMutation({
    mutationFn: () =>
      api.post<MissionView>('/missions', {
        code: form.code,
        title: form.title,
        hostCountries: form.hostCountries
          .split(/[\s,]+/)
          .filter(Boolean)
          .map((c) => c.toUpperCase()),
        startsOn: form.startsOn,
        endsOn: form.endsOn,
        competences: form.competence ? [{ code: form.competence, minLevel: form.competenceLevel, count: 1 }] : [],
        languages: form.language ? [{ code: form.language, minLevel: form.languageLevel }] : [],
        teamMin: form.teamMin,
        teamMax: form.teamMax,
        allDimensions: form.allDimensions,
        minOrganisations: form.minOrganisations,
      }),
    onSuccess: async (mission) => {
      await client.invalidateQueries({ queryKey: ['missions'] });
      await navigate({ to: '/missions/$id', params: { id: mission.id } });
    },
  });
  if (!open) {
    return (
      <Button onClick={() => setOpen(true)} w="fit-content">
        {t('missions.create.open')}
      </Button>
    );
  }
  const text = (key: keyof typeof form, label: string, type = 'text') => (
    <TextInput
      type={type}
      label={label}
      required={['code', 'title', 'hostCountries', 'startsOn', 'endsOn'].includes(key)}
      value={String(form[key])}
      onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })}
    />
  );
  return (
    <form
      aria-label={t('missions.create.title')}
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <Stack gap="xs">
        <Title order={2}>{t('missions.create.title')}</Title>
        <Group align="flex-end" wrap="wrap">
          {text('code', t('missions.fields.code'))}
          {text('title', t('missions.fields.title'))}
          {text('hostCountries', t('missions.create.hostCountries'))}
          {text('startsOn', t('missions.create.startsOn'), 'date')}
          {text('endsOn', t('missions.create.endsOn'), 'date')}
        </Group>
        <Group align="flex-end" wrap="wrap">
          {text('competence', t('missions.create.competence'))}
          <NumberInput
            label={t('missions.create.competenceLevel')}
            min={1}
            max={3}
            value={form.competenceLevel}
            onChange={(v) => setForm({ ...form, competenceLevel: Number(v) })}
          />
          {text('language', t('missions.create.language'))}
          {text('languageLevel', t('missions.create.languageLevel'))}
          <NumberInput
            label={t('missions.create.teamMin')}
            min={1}
            max={50}
            value={form.teamMin}
            onChange={(v) => setForm({ ...form, teamMin: Number(v) })}
          />
          <NumberInput
            label={t('missions.create.teamMax')}
            min={1}
            max={50}
            value={form.teamMax}
            onChange={(v) => setForm({ ...form, teamMax: Number(v) })}
          />
          <NumberInput
            label={t('missions.create.minOrganisations')}
            min={1}
            max={50}
            value={form.minOrganisations}
            onChange={(v) => setForm({ ...form, minOrganisations: Number(v) })}
          />
          <Checkbox
            label={t('missions.create.allDimensions')}
            checked={form.allDimensions}
            onChange={(e) => setForm({ ...form, allDimensions: e.currentTarget.checked })}
          />
        </Group>
        <ProblemAlert error={create.error} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('missions.create.submit')}
          </Button>
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
