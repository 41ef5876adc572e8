import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { useSession } from '../app/session';
import { usePageTitle } from '../app/usePageTitle';
import { countriesQuery, useApiLanguage } from '../reference/queries';
import { ProtectedPanel } from './ProtectedPanel';
import { type CaseView, caseQuery, reviewersQuery, STATUS_COLOURS } from './queries';

/** One case: its facts, history, workflow, assignment, notes, redaction and the audited protected data. */
export function CasePage() {
  const { t } = useTranslation();
  usePageTitle(t('incidents.case.title'));
  const { id } = useParams({ strict: false }) as { id: string };
  const lang = useApiLanguage();
  const countries = useQuery(countriesQuery(lang));
  const view = useQuery(caseQuery(id));
  const [original, setOriginal] = useState<string | null>(null);
  const c = view.data;
  if (!c) return <ProblemAlert error={view.error} />;
  const country = countries.data?.find((x) => x.iso2 === c.country)?.name ?? c.country;
  const list = (codes: string[], group: string) => codes.map((code) => t(`incidents.${group}.${code}`)).join(', ') || '–';
  const facts: Array<[string, string]> = [
    [t('incidents.fields.occurredOn'), `${c.occurredOn}${c.dateApproximate ? ` (${t('incidents.fields.approximate')})` : ''}`],
    [t('incidents.fields.country'), `${country}, ${c.place}`],
    [t('incidents.fields.point'), c.point ? `${c.point.latitude}, ${c.point.longitude}` : '–'],
    [t('incidents.fields.incidentType'), t(`incidents.type.${c.incidentType}`)],
    [t('incidents.fields.propertyTarget'), c.propertyTarget ? t(`incidents.property.${c.propertyTarget}`) : '–'],
    [t('incidents.fields.targets'), list(c.targets, 'target')],
    [t('incidents.fields.biasMotivation'), t(`incidents.bias.${c.biasMotivation}`)],
    [t('incidents.fields.biasIndicators'), list(c.biasIndicators, 'indicator')],
    [t('incidents.fields.source'), t(`incidents.source.${c.source}`)],
    [t('incidents.fields.contactConsent'), c.contactConsent ? t('incidents.case.yes') : t('incidents.case.no')],
    [
      t('incidents.case.protectedItems'),
      t('incidents.case.protectedSummary', { contact: c.protectedItems.contact ? 1 : 0, photos: c.protectedItems.photos }),
    ],
  ];
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/incidents/review">
        {t('incidents.queue.title')}
      </Anchor>
      <Group>
        <Title order={1}>{t('incidents.case.title')}</Title>
        <Badge size="lg" color={STATUS_COLOURS[c.status]} data-testid="case-status">
          {t(`incidents.statusName.${c.status}`)}
        </Badge>
      </Group>
      {c.duplicateOf ? (
        <Text>
          {t('incidents.case.duplicateOf')}{' '}
          <Anchor component={Link} to={`/incidents/review/${c.duplicateOf}`}>
            {c.duplicateOf}
          </Anchor>
        </Text>
      ) : null}
      {c.duplicates.length > 0 ? (
        <Text>
          {t('incidents.case.duplicates')}{' '}
          {c.duplicates.map((d) => (
            <Anchor key={d} component={Link} to={`/incidents/review/${d}`} mr="xs">
              {d.slice(0, 8)}
            </Anchor>
          ))}
        </Text>
      ) : null}
      {c.rejectionReason ? <Text>{t('incidents.case.rejectedBecause', { reason: c.rejectionReason })}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
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
        <Stack gap="md">
          {c.actions.includes('read_protected') ? (
            <ProtectedPanel caseId={c.id} onOpened={(data) => setOriginal(data.description)} />
          ) : null}
          <Workflow view={c} />
        </Stack>
      </SimpleGrid>
      <Redaction view={c} original={original} />
      <History view={c} />
    </Stack>
  );
}

function useCaseMutation<T>(id: string, fn: (body: T) => Promise<CaseView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      client.setQueryData(caseQuery(id).queryKey, data);
      void client.invalidateQueries({ queryKey: ['incidents', 'queue'] });
    },
  });
}

function Workflow({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const session = useSession();
  const reviewers = useQuery(reviewersQuery);
  const [next, setNext] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const move = useCaseMutation(view.id, () =>
    api.post<CaseView>(`/incidents/reports/${view.id}/status`, {
      status: next,
      ...(note ? { note } : {}),
      ...(next === 'rejected' ? { reason } : {}),
      ...(next === 'duplicate' ? { duplicateOf: duplicateOf.trim() } : {}),
    }),
  );
  const assign = useCaseMutation(view.id, (userId: string | null) =>
    api.put<CaseView>(`/incidents/reports/${view.id}/assignee`, { userId }),
  );
  const statuses = view.actions.filter((a) => a.startsWith('status:')).map((a) => a.slice(7));
  const errorOf = useFieldErrors(move.error);
  const labels = {
    '/status': t('incidents.case.nextStatus'),
    '/reason': t('incidents.case.reason'),
    '/duplicateOf': t('incidents.case.keptReport'),
    '/note': t('incidents.case.note'),
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('incidents.case.workflow')}
        </Title>
        <Group align="end">
          <Select
            label={t('incidents.queue.assignee')}
            data={(reviewers.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            value={view.assignee?.id ?? null}
            onChange={(v) => assign.mutate(v)}
            clearable
          />
          {session && view.assignee?.id !== session.user.id ? (
            <Button variant="default" onClick={() => assign.mutate(session.user.id)}>
              {t('incidents.case.assignMe')}
            </Button>
          ) : null}
        </Group>
        <ProblemAlert error={assign.error} />
        <form
          onSubmit={(event) => {
            event.preventDefault();
            move.mutate(undefined);
          }}
        >
          <Stack gap="sm">
            <Select
              label={t('incidents.case.nextStatus')}
              data={statuses.map((s) => ({ value: s, label: t(`incidents.statusName.${s}`) }))}
              value={next}
              onChange={setNext}
              required
              error={errorOf('/status')}
            />
            {next === 'rejected' ? (
              <TextInput
                label={t('incidents.case.reason')}
                required
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={errorOf('/reason')}
              />
            ) : null}
            {next === 'duplicate' ? (
              <TextInput
                label={t('incidents.case.keptReport')}
                description={t('incidents.case.keptReportHelp')}
                required
                value={duplicateOf}
                onChange={(e) => setDuplicateOf(e.currentTarget.value)}
                error={errorOf('/duplicateOf')}
              />
            ) : null}
            <Textarea
              label={t('incidents.case.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maxLength={4000}
              error={errorOf('/note')}
            />
            <ProblemAlert error={move.error} fields={labels} />
            <Button type="submit" disabled={!next} loading={move.isPending}>
              {t('incidents.case.apply')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

function Redaction({ view, original }: { view: CaseView; original: string | null }) {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const value = text ?? view.redactedDescription ?? original ?? '';
  // Saves what the field shows, typed or not: an untouched text is the one on screen, not an empty one.
  const save = useCaseMutation(view.id, () => api.put<CaseView>(`/incidents/reports/${view.id}/redaction`, { text: value }));
  const addNote = useCaseMutation(view.id, () => api.post<CaseView>(`/incidents/reports/${view.id}/notes`, { note }));
  const redactionError = useFieldErrors(save.error);
  const noteError = useFieldErrors(addNote.error);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('incidents.case.redacted')}
          </Title>
          <Text size="sm">{t('incidents.case.redactedHelp')}</Text>
          <Textarea
            label={t('incidents.case.redacted')}
            minRows={4}
            autosize
            value={value}
            onChange={(e) => setText(e.currentTarget.value)}
            error={redactionError('/text')}
          />
          <ProblemAlert error={save.error} fields={{ '/text': t('incidents.case.redacted') }} />
          <Button onClick={() => save.mutate(undefined)} disabled={!value.trim()} loading={save.isPending}>
            {t('incidents.case.saveRedaction')}
          </Button>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('incidents.case.addNote')}
          </Title>
          <Textarea
            label={t('incidents.case.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={4000}
            error={noteError('/note')}
          />
          <ProblemAlert error={addNote.error} fields={{ '/note': t('incidents.case.note') }} />
          <Button
            variant="default"
            disabled={!note.trim()}
            loading={addNote.isPending}
            onClick={() => addNote.mutate(undefined, { onSuccess: () => setNote('') })}
          >
            {t('incidents.case.addNote')}
          </Button>
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}

function History({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('incidents.case.history')}
      </Title>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('incidents.case.when')}</Table.Th>
            <Table.Th>{t('incidents.case.who')}</Table.Th>
            <Table.Th>{t('incidents.case.what')}</Table.Th>
            <Table.Th>{t('incidents.case.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.history.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{e.at.slice(0, 16).replace('T', ' ')}</Table.Td>
              <Table.Td>{e.actor?.name ?? t('incidents.case.system')}</Table.Td>
              <Table.Td>
                {t(`incidents.event.${e.kind}`)}
                {e.toStatus ? ` → ${t(`incidents.statusName.${e.toStatus}`)}` : ''}
              </Table.Td>
              <Table.Td>{e.note ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
