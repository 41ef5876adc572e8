import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { ForbiddenPage } from '../app/StatusPages';
import { useCan } from '../app/session';
import { usePageTitle } from '../app/usePageTitle';
import { FeedsSection } from './FeedsSection';
import { type JobList, type JobView, jobsQuery, runJobNow } from './queries';

const OUTCOME_COLOURS = { succeeded: 'green', failed: 'red', running: 'blue' } as const;

/** A job's name in the reader's language; a job this client does not know yet is never shown as its code. */
function jobName(t: TFunction, name: string): string {
  return t(`operations.jobName.${name}`, { defaultValue: t('operations.jobs.otherJob') });
}

function useFormats() {
  const { i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const unit = (value: number, name: 'second' | 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(i18n.language, { style: 'unit', unit: name, unitDisplay: 'long', maximumFractionDigits: 1 }).format(
      value,
    );
  const span = (seconds: number) =>
    seconds < 60
      ? unit(seconds, 'second')
      : seconds < 3600
        ? unit(seconds / 60, 'minute')
        : seconds < 86_400
          ? unit(seconds / 3600, 'hour')
          : unit(seconds / 86_400, 'day');
  return { when: (iso: string) => when.format(new Date(iso)), span };
}

function OutcomeBadge({ outcome }: { outcome: keyof typeof OUTCOME_COLOURS }) {
  const { t } = useTranslation();
  return (
    <Badge color={OUTCOME_COLOURS[outcome]} variant="light">
      {t(`operations.outcome.${outcome}`)}
    </Badge>
  );
}

type RunResult = { name: string; job: JobView } | { name: string; error: unknown };

function ResultAlert({ result, onClose }: { result: RunResult; onClose: () => void }) {
  const { t } = useTranslation();
  const { span } = useFormats();
  const name = jobName(t, result.name);
  if ('error' in result) {
    const running = result.error instanceof ApiProblem && result.error.status === 409;
    return running ? (
      <Alert color="yellow" role="alert" withCloseButton onClose={onClose} title={name}>
        {t('operations.jobs.alreadyRunning')}
      </Alert>
    ) : (
      <ProblemAlert error={result.error} title={name} />
    );
  }
  const run = result.job.lastRun;
  const failed = run?.outcome === 'failed';
  return (
    <Alert color={failed ? 'red' : 'green'} role="status" withCloseButton onClose={onClose} title={name}>
      {failed
        ? t('operations.jobs.ranAndFailed', { error: run?.error ?? '' })
        : t('operations.jobs.ranAndSucceeded', { duration: span((run?.durationMs ?? 0) / 1000) })}
    </Alert>
  );
}

function Outbox({ outbox }: { outbox: JobList['outbox'] }) {
  const { t } = useTranslation();
  const { span } = useFormats();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="outbox-title">
      <Title order={2} size="h3" id="outbox-title">
        {t('operations.outbox.title')}
      </Title>
      <Group gap="xl" mt="sm">
        <Text>
          {t('operations.outbox.queued')}: <strong>{outbox.queued}</strong>
        </Text>
        <Text>
          {t('operations.outbox.oldest')}:{' '}
          <strong>{outbox.oldestQueuedSeconds === null ? t('operations.outbox.none') : span(outbox.oldestQueuedSeconds)}</strong>
        </Text>
        <Text>
          {t('operations.outbox.failed')}: <strong>{outbox.failed}</strong>
        </Text>
        <Anchor component={Link} to={outbox.failedPage}>
          {t('operations.outbox.failedLink')}
        </Anchor>
      </Group>
    </Paper>
  );
}

function Jobs() {
  const { t } = useTranslation();
  const { when, span } = useFormats();
  const jobs = useQuery(jobsQuery);
  const keepsFeeds = useCan('warning.feed.edit');
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [result, setResult] = useState<RunResult | null>(null);
  const run = useMutation({
    mutationFn: runJobNow,
    onSuccess: (answer, name) => setResult({ name, job: answer.job }),
    onError: (error, name) => setResult({ name, error }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['operations', 'jobs'] }),
  });

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('operations.jobs.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('operations.jobs.intro')}
        </Text>
      </div>
      <ProblemAlert error={jobs.error} />
      {result ? <ResultAlert result={result} onClose={() => setResult(null)} /> : null}
      {jobs.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {jobs.data ? (
        <>
          {jobs.data.jobs.length === 0 ? (
            <Text role="status">{t('operations.jobs.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table striped aria-label={t('operations.jobs.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('operations.jobs.name')}</Table.Th>
                    <Table.Th scope="col">{t('operations.jobs.every')}</Table.Th>
                    <Table.Th scope="col">{t('operations.jobs.lastRun')}</Table.Th>
                    <Table.Th scope="col">{t('operations.jobs.outcome')}</Table.Th>
                    <Table.Th scope="col">{t('operations.jobs.nextRun')}</Table.Th>
                    <Table.Th scope="col">{t('operations.jobs.failures')}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('operations.jobs.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {jobs.data.jobs.map((job) => (
                    <Table.Tr key={job.name} data-job={job.name}>
                      <Table.Th scope="row" fw={500}>
                        {jobName(t, job.name)}
                      </Table.Th>
                      <Table.Td>{span(job.periodSeconds)}</Table.Td>
                      <Table.Td data-cell="last-run">
                        {job.lastRun ? (
                          <>
                            <time dateTime={job.lastRun.startedAt}>{when(job.lastRun.startedAt)}</time>
                            {job.lastRun.durationMs !== null ? (
                              <Text size="xs" c="dimmed">
                                {t('operations.jobs.took', { duration: span(job.lastRun.durationMs / 1000) })}
                              </Text>
                            ) : null}
                          </>
                        ) : (
                          t('operations.jobs.never')
                        )}
                      </Table.Td>
                      <Table.Td>
                        {job.running ? (
                          <OutcomeBadge outcome="running" />
                        ) : job.lastRun ? (
                          <OutcomeBadge outcome={job.lastRun.outcome} />
                        ) : null}
                        {job.lastRun?.error ? (
                          <Text size="xs" c="red.9" style={{ wordBreak: 'break-word' }}>
                            {job.lastRun.error}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        {new Date(job.nextRunAt).getTime() <= Date.now() ? t('operations.jobs.due') : when(job.nextRunAt)}
                      </Table.Td>
                      <Table.Td>
                        {job.failures.count}
                        {job.failures.recent.map((failure) => (
                          <Text key={failure.at} size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                            {when(failure.at)}: {failure.error ?? t('operations.jobs.noMessage')}
                          </Text>
                        ))}
                      </Table.Td>
                      <Table.Td>
                        {job.allowRunNow ? (
                          <Button
                            size="xs"
                            variant="default"
                            disabled={job.running}
                            loading={run.isPending && run.variables === job.name}
                            onClick={() => setConfirming(job.name)}
                            aria-label={t('operations.jobs.runNowNamed', { job: jobName(t, job.name) })}
                          >
                            {t('operations.jobs.runNow')}
                          </Button>
                        ) : (
                          <Text size="xs" c="dimmed">
                            {t('operations.jobs.scheduleOnly')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Outbox outbox={jobs.data.outbox} />
          {keepsFeeds ? <FeedsSection /> : null}
        </>
      ) : null}
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={t('operations.jobs.confirmTitle')}>
        <Stack gap="md">
          <Text>{t('operations.jobs.confirmText', { job: confirming ? jobName(t, confirming) : '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('operations.jobs.cancel')}
            </Button>
            <Button
              onClick={() => {
                if (confirming) {
                  setResult(null);
                  run.mutate(confirming);
                }
                setConfirming(null);
              }}
            >
              {t('operations.jobs.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** The scheduled jobs and the outbox, for the co-ordinator: what ran, what failed, and running a job now. */
export function JobsPage() {
  const { t } = useTranslation();
  usePageTitle(t('operations.jobs.title'));
  return useCan('operations.read') ? <Jobs /> : <ForbiddenPage />;
}
