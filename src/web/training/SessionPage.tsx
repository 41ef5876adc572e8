import { Anchor, Badge, Button, Checkbox, Group, Paper, ScrollArea, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { EmptyState } from '../app/EmptyState';
import { useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { useCountryNames, useLanguageNames } from '../reference/pickers';
import { EvaluationPanel } from './EvaluationPanel';
import { NominationForm } from './NominationForm';
import { type NominationView, type SessionView, STATUS_COLOURS, sessionQuery } from './queries';
import { MaterialsPanel, TrainerPanel } from './SessionResources';

/**
 * One session: its course, dates and trainers; the nomination form for a State's delegation; the
 * selection desk, attendance sheet and results for the provider. Each sees only what is theirs.
 */
export function SessionPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const session = useQuery(sessionQuery(id));
  usePageTitle(session.data ? session.data.course.title : t('training.sessions.title'));
  const languages = useLanguageNames();
  const s = session.data;
  if (!s) return <ProblemAlert error={session.error} />;
  const manage = s.actions.includes('manage');
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/training">
        {t('training.catalogue.title')}
      </Anchor>
      <Title order={1}>{s.course.title}</Title>
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text>
            {s.startsOn} – {s.endsOn} · {s.online ? t('training.fields.online') : s.venue} · {languages.name(s.language)}
          </Text>
          <Text>
            {t('training.fields.host')}: {s.host?.name ?? '—'} · {t('training.fields.places')}: {s.selected} / {s.capacity} ·{' '}
            {t('training.fields.hours', { count: s.course.durationHours })}
          </Text>
          <Text>
            {t('training.fields.trainers')}: {s.trainers.map((tr) => tr.name).join(', ') || '—'}
          </Text>
          {s.agenda ? <Text style={{ whiteSpace: 'pre-wrap' }}>{s.agenda}</Text> : null}
          {s.materials.map((m) => (
            <Anchor key={m.url} href={m.url} target="_blank" rel="noreferrer">
              {m.title}
            </Anchor>
          ))}
        </Stack>
      </Paper>
      {manage ? <TrainerPanel session={s} /> : null}
      <MaterialsPanel session={s} manage={manage} />
      {s.actions.includes('nominate') ? <NominationForm session={s} /> : null}
      <Title order={2}>{manage ? t('training.desk.title') : t('training.desk.yours')}</Title>
      {s.nominations.length === 0 ? (
        <EmptyState message={t('training.desk.empty')} />
      ) : (
        <Nominations session={s} manage={manage} />
      )}
      {manage && s.nominations.some((n) => n.status === 'selected') ? <AttendanceSheet session={s} /> : null}
      {manage ? (
        <>
          <Title order={2}>{t('training.evaluation.results')}</Title>
          <EvaluationPanel filter={{ sessionId: s.id }} />
        </>
      ) : null}
    </Stack>
  );
}

function Nominations({ session, manage }: { session: SessionView; manage: boolean }) {
  const { t } = useTranslation();
  const countries = useCountryNames();
  return (
    <ScrollArea>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('training.fields.name')}</Table.Th>
            <Table.Th>{t('training.fields.country')}</Table.Th>
            <Table.Th>{t('training.fields.agencyType')}</Table.Th>
            <Table.Th>{t('training.fields.status')}</Table.Th>
            {manage ? <Table.Th>{t('training.fields.results')}</Table.Th> : null}
            {manage ? <Table.Th>{t('training.desk.decide')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {session.nominations.map((n) => (
            <Table.Tr key={n.id}>
              <Table.Td>
                {n.name}
                <Text size="xs" c="dimmed">
                  {n.function} · {t(`training.gender.${n.gender}`)}
                </Text>
              </Table.Td>
              <Table.Td>{countries.name(n.countryIso2)}</Table.Td>
              <Table.Td>{t(`training.audience.${n.agencyType}`)}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOURS[n.status]}>{t(`training.status.${n.status}`)}</Badge>
                {n.reason ? <Text size="xs">{n.reason}</Text> : null}
              </Table.Td>
              {manage ? (
                <Table.Td>
                  <Results nomination={n} />
                </Table.Td>
              ) : null}
              {manage ? (
                <Table.Td>
                  <Decision session={session} nomination={n} />
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

function Results({ nomination: n }: { nomination: NominationView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const revoke = useMutation({
    mutationFn: () => api.post(`/training/certificates/${n.certificateCode}/revocation`, { reason: reason.trim() }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['training'] }),
  });
  const errorOf = useFieldErrors(revoke.error);
  const score = (v: number | null) => (v === null ? '—' : `${v} %`);
  return (
    <Stack gap={2}>
      <Text size="sm">
        {t('training.tests.pre')}: {score(n.preScore)} · {t('training.tests.post')}: {score(n.postScore)}
      </Text>
      {n.gain !== null ? <Text size="sm">{t('training.tests.gain', { gain: n.gain })}</Text> : null}
      {n.certificateCode ? (
        <Anchor size="sm" href={`/api/training/certificates/${n.certificateCode}/pdf`}>
          {t('training.certificate.download')} {n.certificateRevoked ? `(${t('training.verify.revoked')})` : ''}
        </Anchor>
      ) : null}
      {n.certificateCode && !n.certificateRevoked ? (
        <Group gap={4} align="start">
          <TextInput
            size="xs"
            aria-label={`${t('training.certificate.revokeReason')}: ${n.name}`}
            placeholder={t('training.certificate.revokeReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errorOf('/reason')}
          />
          <Button
            size="xs"
            color="red"
            variant="subtle"
            disabled={!reason.trim()}
            onClick={() => revoke.mutate()}
            aria-label={`${t('training.certificate.revoke')}: ${n.name}`}
          >
            {t('training.certificate.revoke')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

function Decision({ session, nomination: n }: { session: SessionView; nomination: NominationView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (status: 'selected' | 'waitlisted' | 'declined') =>
      api.post<SessionView>(`/training/nominations/${n.id}/decision`, { status, reason: reason.trim() || undefined }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['training'] }),
  });
  const complete = useMutation({
    mutationFn: () => api.post(`/training/nominations/${n.id}/completion`, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ['training'] }),
  });
  const errorOf = useFieldErrors(decide.error);
  if (n.completedOn) return <Text size="sm">{t('training.desk.completed', { date: n.completedOn })}</Text>;
  return (
    <Stack gap={4}>
      <ProblemAlert error={complete.error} />
      {decide.error && !errorOf('/reason') ? <ProblemAlert error={decide.error} /> : null}
      <Group gap={4}>
        {n.status !== 'selected' ? (
          <Button
            size="xs"
            color="green"
            onClick={() => decide.mutate('selected')}
            aria-label={`${t('training.desk.select')}: ${n.name}`}
          >
            {t('training.desk.select')}
          </Button>
        ) : null}
        {n.status !== 'waitlisted' ? (
          <Button
            size="xs"
            variant="light"
            onClick={() => decide.mutate('waitlisted')}
            aria-label={`${t('training.desk.waitlist')}: ${n.name}`}
          >
            {t('training.desk.waitlist')}
          </Button>
        ) : null}
        {n.status === 'selected' ? (
          <Button
            size="xs"
            variant="filled"
            onClick={() => complete.mutate()}
            aria-label={`${t('training.desk.complete')}: ${n.name}`}
          >
            {t('training.desk.complete')}
          </Button>
        ) : null}
      </Group>
      {n.status !== 'declined' ? (
        <Group gap={4} align="start">
          <TextInput
            size="xs"
            aria-label={`${t('training.desk.reason')}: ${n.name}`}
            placeholder={t('training.desk.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errorOf('/reason')}
          />
          <Button
            size="xs"
            color="red"
            variant="light"
            onClick={() => decide.mutate('declined')}
            aria-label={`${t('training.desk.decline')}: ${n.name}`}
          >
            {t('training.desk.decline')}
          </Button>
        </Group>
      ) : null}
      {session.capacity <= session.selected && n.status !== 'selected' ? (
        <Text size="xs" c="dimmed">
          {t('training.desk.full')}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The attendance sheet: one row per selected participant, one large checkbox per day, for a tablet in the room. */
function AttendanceSheet({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const selected = session.nominations.filter((n) => n.status === 'selected');
  const initial = Object.fromEntries(
    selected.flatMap((n) =>
      session.days.map((day) => [`${n.id}|${day}`, n.attendance.find((a) => a.day === day)?.present ?? false]),
    ),
  );
  const [marks, setMarks] = useState<Record<string, boolean>>(initial);
  const save = useMutation({
    mutationFn: () =>
      api.put<SessionView>(`/training/sessions/${session.id}/attendance`, {
        entries: Object.entries(marks).map(([key, present]) => {
          const [nominationId, day] = key.split('|');
          return { nominationId, day, present };
        }),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['training'] }),
  });
  return (
    <Stack gap="sm">
      <Title order={2}>{t('training.attendance.title')}</Title>
      <Text size="sm">{t('training.attendance.intro')}</Text>
      <ProblemAlert error={save.error} />
      <ScrollArea>
        <Table aria-label={t('training.attendance.title')} verticalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('training.fields.name')}</Table.Th>
              {session.days.map((day) => (
                <Table.Th key={day}>{day}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {selected.map((n) => (
              <Table.Tr key={n.id}>
                <Table.Td>{n.name}</Table.Td>
                {session.days.map((day) => (
                  <Table.Td key={day}>
                    <Checkbox
                      size="lg"
                      aria-label={t('training.attendance.present', { name: n.name, day })}
                      checked={marks[`${n.id}|${day}`] ?? false}
                      onChange={(e) => {
                        const checked = e.currentTarget.checked;
                        setMarks((m) => ({ ...m, [`${n.id}|${day}`]: checked }));
                      }}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Group>
        <Button size="md" onClick={() => save.mutate()} loading={save.isPending}>
          {t('training.attendance.save')}
        </Button>
        {save.isSuccess ? <Text c="green">{t('training.attendance.saved')}</Text> : null}
      </Group>
    </Stack>
  );
}
