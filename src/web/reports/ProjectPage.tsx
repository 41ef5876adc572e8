import { Anchor, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { fieldError, ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { ContributionsPanel } from './ContributionsPanel';
import { PROJECT_STATUSES, type ProjectView, projectQuery } from './queries';
import { StatusBadge } from './StatusBadge';

/** One follow-up project: its status (with the reason if not implemented), the contributions funding it and its dated progress notes. */
export function ProjectPage() {
  const { t } = useTranslation();
  const { id, projectId } = useParams({ strict: false }) as { id: string; projectId: string };
  const project = useQuery(projectQuery(id, projectId));
  const p = project.data;
  usePageTitle(p?.title ?? t('reports.project.list'));
  if (project.error) return <ProblemAlert error={project.error} />;
  if (!p) return null;
  return (
    <Stack gap="md">
      <Title order={1}>{p.title}</Title>
      <Group gap="xs">
        <StatusBadge status={p.status} />
        <Text>
          {p.organisation} · {p.budget ? `${Number(p.budget).toLocaleString()} ${p.currency}` : '—'} · {p.startsOn ?? '—'} –{' '}
          {p.endsOn ?? '—'}
        </Text>
      </Group>
      {p.reason ? (
        <Text>
          {t('reports.project.reason')}: {p.reason}
        </Text>
      ) : null}
      <Anchor component={Link} to={`/recommendations/${id}`}>
        {t('reports.project.back')}
      </Anchor>
      {p.actions.includes('edit') ? <StatusForm recommendationId={id} project={p} /> : null}
      <ContributionsPanel recommendationId={id} projectId={p.id} />
      <Title order={2}>{t('reports.project.notes')}</Title>
      {p.notes.length === 0 ? <Text c="dimmed">{t('reports.project.noNotes')}</Text> : null}
      {p.notes.map((n) => (
        <Paper key={n.id} withBorder p="xs">
          <Text size="sm" c="dimmed">
            {n.notedOn} · {n.author ?? '—'}
          </Text>
          <Text>{n.text}</Text>
        </Paper>
      ))}
      {p.actions.includes('note') ? <NoteForm recommendationId={id} project={p} /> : null}
    </Stack>
  );
}

function useProjectWrite(recommendationId: string, projectId: string) {
  const client = useQueryClient();
  return (next: ProjectView) => {
    client.setQueryData(projectQuery(recommendationId, projectId).queryKey, next);
    void client.invalidateQueries({ queryKey: ['recommendations'] });
  };
}

function StatusForm({ recommendationId, project }: { recommendationId: string; project: ProjectView }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState(project.status);
  const [reason, setReason] = useState(project.reason ?? '');
  const done = useProjectWrite(recommendationId, project.id);
  const update = useMutation({
    mutationFn: () =>
      api.patch<ProjectView>(`/recommendations/${recommendationId}/projects/${project.id}`, {
        status,
        reason: status === 'not_implemented' ? reason : null,
      }),
    onSuccess: done,
  });
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        update.mutate();
      }}
    >
      <Stack gap="sm">
        <Title order={2}>{t('reports.project.statusTitle')}</Title>
        <NativeSelect
          label={t('reports.fields.status')}
          value={status}
          data={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`reports.status.${s}`) }))}
          onChange={(e) => setStatus(e.currentTarget.value as ProjectView['status'])}
        />
        {status === 'not_implemented' ? (
          <Textarea
            label={t('reports.project.reason')}
            required
            value={reason}
            error={fieldError(update.error, '/reason')}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        ) : null}
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('reports.project.saveStatus')}
          </Button>
        </Group>
        <ProblemAlert error={update.error} />
      </Stack>
    </Paper>
  );
}

function NoteForm({ recommendationId, project }: { recommendationId: string; project: ProjectView }) {
  const { t } = useTranslation();
  const [notedOn, setNotedOn] = useState(new Date().toISOString().slice(0, 10));
  const [text, setText] = useState('');
  const done = useProjectWrite(recommendationId, project.id);
  const add = useMutation({
    mutationFn: () =>
      api.post<ProjectView>(`/recommendations/${recommendationId}/projects/${project.id}/notes`, { notedOn, text }),
    onSuccess: (next) => {
      setText('');
      done(next);
    },
  });
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <Stack gap="sm">
        <Title order={3}>{t('reports.project.addNote')}</Title>
        <TextInput
          type="date"
          label={t('reports.project.notedOn')}
          required
          value={notedOn}
          onChange={(e) => setNotedOn(e.currentTarget.value)}
        />
        <Textarea label={t('reports.project.note')} required value={text} onChange={(e) => setText(e.currentTarget.value)} />
        <Group>
          <Button type="submit" loading={add.isPending} disabled={!text.trim()}>
            {t('reports.project.addNoteButton')}
          </Button>
        </Group>
        <ProblemAlert error={add.error} />
      </Stack>
    </Paper>
  );
}
