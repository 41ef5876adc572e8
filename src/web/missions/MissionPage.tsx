import { Alert, Anchor, Badge, Button, Group, List, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { useCountryNames } from '../reference/pickers';
import { AppraisalForm } from './AppraisalForm';
import { MissionForm } from './MissionForm';
import { MissionPartners } from './MissionPartners';
import { balanceQuery, type MissionView, missionQuery, STATUS_COLOURS } from './queries';
import { useRequirementWords } from './requirements';

const MOVES = ['draft', 'proposed', 'approved', 'deployed', 'reporting', 'closed', 'cancelled'];

/** One mission: mandate, consent, requirements, team, history, and the lifecycle moves the viewer may make. */
export function MissionPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const mission = useQuery(missionQuery(id));
  const words = useRequirementWords();
  const countries = useCountryNames();
  const [editing, setEditing] = useState(false);
  const m = mission.data;
  usePageTitle(m ? `${m.code} ${m.title}` : t('missions.list.title'));
  const client = useQueryClient();
  const move = useMutation({
    mutationFn: (to: string) => api.post<MissionView>(`/missions/${id}/transitions`, { to }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['missions'] }),
  });
  if (mission.error) return <ProblemAlert error={mission.error} />;
  if (!m) return null;
  const year = m.startsOn.slice(0, 4);
  return (
    <Stack gap="md">
      <Title order={1}>
        {m.code} {m.title}
      </Title>
      <Group gap="xs">
        <Badge color={STATUS_COLOURS[m.status]}>{t(`missions.status.${m.status}`)}</Badge>
        <Text>{m.countries.map((c) => countries.name(c.iso2)).join(' → ')}</Text>
        <Text c="dimmed">
          {m.startsOn} – {m.endsOn}
        </Text>
      </Group>
      <Group gap="xs" role="group" aria-label={t('missions.page.moves')}>
        {MOVES.filter((to) => m.actions.includes(to)).map((to) => (
          <Button
            key={to}
            variant={to === 'cancelled' ? 'outline' : 'filled'}
            color={to === 'cancelled' ? 'red' : undefined}
            loading={move.isPending}
            onClick={() => move.mutate(to)}
          >
            {t(`missions.move.${to}`)}
          </Button>
        ))}
        {m.actions.includes('edit') && !editing ? (
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('missions.form.edit')}
          </Button>
        ) : null}
        {m.actions.includes('compose') ? (
          <Button component={Link} to={`/missions/${m.id}/team`} variant="light">
            {t('missions.page.compose')}
          </Button>
        ) : null}
      </Group>
      <ProblemAlert error={move.error} />
      {['proposed', 'approved'].includes(m.status) ? <BalanceWarning id={m.id} year={year} /> : null}
      {editing ? <MissionForm mission={m} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} /> : null}
      <Title order={2}>{t('missions.page.mandate')}</Title>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{m.termsOfReference || t('missions.page.noTerms')}</Text>
      <Text c="dimmed">
        {t('missions.page.decision')}: {m.mandateReference ?? '—'} {m.mandateDate ?? ''}
      </Text>
      <Consent mission={m} />
      <Title order={2}>{t('missions.page.requirements')}</Title>
      <List size="sm" aria-label={t('missions.page.requirements')}>
        {m.competences.map((c) => (
          <List.Item key={`c-${c.code}`}>{words.competenceNeed(c)}</List.Item>
        ))}
        {m.languages.map((l) => (
          <List.Item key={`l-${l.code}-${l.skill}`}>{words.languageNeed(l)}</List.Item>
        ))}
        <List.Item>{t('missions.page.size', { min: m.teamMin, max: m.teamMax })}</List.Item>
      </List>
      <Title order={2}>{t('missions.page.team')}</Title>
      {m.team.length === 0 ? <Text c="dimmed">{t('missions.page.noTeam')}</Text> : null}
      {m.team.map((member) => (
        <Stack key={member.expertId} gap={4}>
          <Text>
            <Anchor component={Link} to={`/roster/experts/${member.expertId}`}>
              {member.name}
            </Anchor>{' '}
            {member.covers.map(words.covers).join(', ')}
          </Text>
          {m.actions.includes('appraise') ? (
            <AppraisalForm missionId={m.id} expertId={member.expertId} name={member.name} />
          ) : null}
        </Stack>
      ))}
      <MissionPartners missionId={m.id} />
      <Title order={2}>{t('missions.page.history')}</Title>
      <Table>
        <Table.Tbody>
          {m.transitions.map((tr) => (
            <Table.Tr key={`${tr.at}-${tr.to}`}>
              <Table.Td>{new Date(tr.at).toLocaleString()}</Table.Td>
              <Table.Td>{t(`missions.status.${tr.to}`)}</Table.Td>
              <Table.Td>{tr.by ?? ''}</Table.Td>
              <Table.Td>{tr.note}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function BalanceWarning({ id, year }: { id: string; year: string }) {
  const { t } = useTranslation();
  const balance = useQuery(balanceQuery(`${year}-01-01`, `${year}-12-31`, id));
  const p = balance.data?.proposal;
  if (!p) return null;
  return (
    <Alert color={p.falls ? 'orange' : 'green'} title={t('missions.balance.effect')}>
      {p.falls ? p.warning : t('missions.balance.noFall', { before: p.before ?? '—', after: p.after ?? '—' })}
    </Alert>
  );
}

function Consent({ mission }: { mission: MissionView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState({
    status: mission.consentStatus,
    date: mission.consentDate ?? '',
    document: mission.consentDocument ?? '',
  });
  const save = useMutation({
    mutationFn: () =>
      api.patch<MissionView>(`/missions/${mission.id}`, {
        consentStatus: form.status,
        consentDate: form.date || null,
        consentDocument: form.document || null,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['missions'] }),
  });
  const errorOf = useFieldErrors(save.error);
  return (
    <Stack gap="xs">
      <Title order={2}>{t('missions.page.consent')}</Title>
      <Text>
        {t(`missions.consent.${mission.consentStatus}`)} {mission.consentDate ?? ''} {mission.consentDocument ?? ''}
      </Text>
      {mission.actions.includes('consent') ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Group align="flex-end">
            <NativeSelect
              label={t('missions.page.consent')}
              value={form.status}
              onChange={(e) => setForm({ ...form, status: e.currentTarget.value as typeof form.status })}
              data={['not_requested', 'requested', 'given', 'refused'].map((s) => ({
                value: s,
                label: t(`missions.consent.${s}`),
              }))}
            />
            <TextInput
              type="date"
              label={t('missions.page.consentDate')}
              error={errorOf('/consentDate')}
              value={form.date}
              onChange={(e) => setForm({ ...form, date: e.currentTarget.value })}
            />
            <TextInput
              label={t('missions.page.consentDocument')}
              error={errorOf('/consentDocument')}
              value={form.document}
              onChange={(e) => setForm({ ...form, document: e.currentTarget.value })}
            />
            <Button type="submit" variant="default" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
          <ProblemAlert
            error={save.error}
            fields={{
              '/consentStatus': t('missions.page.consent'),
              '/consentDate': t('missions.page.consentDate'),
              '/consentDocument': t('missions.page.consentDocument'),
            }}
          />
        </form>
      ) : null}
    </Stack>
  );
}
