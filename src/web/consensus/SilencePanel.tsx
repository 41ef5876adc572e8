import { Alert, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { useCountryNames } from '../reference/pickers';
import { type DocumentView, documentQuery, formatTimes, viennaToInstant } from './queries';

function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function Countdown({ deadline }: { deadline: string }) {
  const { t } = useTranslation();
  const left = Math.max(0, new Date(deadline).getTime() - useNow());
  const days = Math.floor(left / 86_400_000);
  const hours = Math.floor((left % 86_400_000) / 3_600_000);
  const minutes = Math.floor((left % 3_600_000) / 60_000);
  const seconds = Math.floor((left % 60_000) / 1000);
  return (
    <Text fw={600} role="timer" aria-live="off">
      {t('consensus.silence.left', { days, hours, minutes, seconds })}
    </Text>
  );
}

/** The silence procedure: its deadline in Vienna and local time, a countdown, the chair's start and a delegation's break. */
export function SilencePanel({ doc }: { doc: DocumentView }) {
  const { t, i18n } = useTranslation();
  const names = useCountryNames();
  const client = useQueryClient();
  const [deadline, setDeadline] = useState('');
  const [statement, setStatement] = useState('');
  const save = (view: DocumentView) => client.setQueryData(documentQuery(doc.id).queryKey, view);
  const start = useMutation({
    mutationFn: () => {
      const at = viennaToInstant(deadline);
      return api.post<DocumentView>(`/consensus/documents/${doc.id}/silence`, { deadline: at ? at.toISOString() : deadline });
    },
    onSuccess: save,
  });
  const broken = useMutation({
    mutationFn: () => api.post<DocumentView>(`/consensus/documents/${doc.id}/silence/break`, { statement }),
    onSuccess: (view) => {
      setStatement('');
      save(view);
    },
  });
  const startErrors = useFieldErrors(start.error);
  const breakErrors = useFieldErrors(broken.error);
  const running = doc.silences.find((s) => s.state === 'running');
  const canStart = doc.actions.includes('silence');
  if (!running && !canStart && doc.silences.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2}>{t('consensus.silence.title')}</Title>
        {running ? (
          <Alert color="orange" title={t('consensus.silence.running', { revision: running.revisionNumber })}>
            <Stack gap={4}>
              <Text>{t('consensus.silence.deadline', formatTimes(running.deadline, i18n.language))}</Text>
              <Countdown deadline={running.deadline} />
            </Stack>
          </Alert>
        ) : null}
        {doc.silences
          .filter((s) => s.state !== 'running')
          .map((s) => (
            <Text key={s.id} size="sm" data-testid="silence-history">
              {s.state === 'broken'
                ? t('consensus.silence.brokenBy', {
                    revision: s.revisionNumber,
                    state: names.name(s.brokenBy ?? ''),
                    statement: s.statement,
                  })
                : t(`consensus.silence.ended.${s.state}`, {
                    revision: s.revisionNumber,
                    ...formatTimes(s.deadline, i18n.language),
                  })}
            </Text>
          ))}
        {canStart && !running ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              start.mutate();
            }}
          >
            <Group align="flex-end">
              <TextInput
                type="datetime-local"
                step={1}
                label={t('consensus.silence.deadlineVienna')}
                value={deadline}
                onChange={(e) => setDeadline(e.currentTarget.value)}
                error={startErrors('/deadline')}
                required
              />
              <Button type="submit" color="orange" loading={start.isPending}>
                {t('consensus.silence.start')}
              </Button>
            </Group>
          </form>
        ) : null}
        <ProblemAlert error={start.error} />
        {running && doc.actions.includes('break') ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              broken.mutate();
            }}
          >
            <Stack gap="xs">
              <Textarea
                label={t('consensus.silence.statement')}
                value={statement}
                onChange={(e) => setStatement(e.currentTarget.value)}
                error={breakErrors('/statement')}
                required
              />
              <Button type="submit" color="red" w="fit-content" loading={broken.isPending}>
                {t('consensus.silence.break')}
              </Button>
            </Stack>
          </form>
        ) : null}
        <ProblemAlert error={broken.error} />
      </Stack>
    </Paper>
  );
}
