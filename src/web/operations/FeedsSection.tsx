import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../app/api';
import { useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { translatedDetail } from '../i18n/problems';
import { type FeedRunResult, type FeedView, feedsQuery, runFeedNow, saveFeed } from './queries';

const FORMATS = ['unhcr_population', 'unhcr_applications', 'sea_arrivals_year', 'sea_arrivals_month', 'hxl'] as const;
const OUTCOME_COLOURS = { imported: 'green', unchanged: 'gray', failed: 'red', running: 'blue' } as const;

/** The sentence of a failed run in the reader's language, from the catalogue of problem details. */
function errorOf(feed: FeedView): string | null {
  const error = feed.lastError;
  return error ? (translatedDetail(error.detailKey, error.detailParams, error.detail) ?? error.detail) : null;
}

function formatName(t: TFunction, format: FeedView['format']): string {
  return t(`operations.feeds.formatName.${format ?? 'auto'}`, { defaultValue: t('operations.feeds.formatName.other') });
}

function useFormats() {
  const { i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const hours = new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'hour', unitDisplay: 'long' });
  const count = new Intl.NumberFormat(i18n.language);
  return {
    when: (iso: string) => when.format(new Date(iso)),
    hours: (n: number) => hours.format(n),
    count: (n: number) => count.format(n),
  };
}

/** What the last import of a feed did, as the import page says it: rows read, values new, corrected, unchanged. */
function BatchSummary({ batch }: { batch: NonNullable<FeedView['lastBatch']> }) {
  const { t } = useTranslation();
  const { when, count } = useFormats();
  return (
    <>
      <Text size="sm" fw={500}>
        {t('operations.feeds.batch', { id: batch.id })}, <time dateTime={batch.importedAt}>{when(batch.importedAt)}</time>
      </Text>
      <Text size="xs" data-cell="batch-counts">
        {t('operations.feeds.counts', {
          rows: count(batch.rowCount),
          inserted: count(batch.inserted),
          updated: count(batch.updated),
          unchanged: count(batch.unchanged),
        })}
      </Text>
    </>
  );
}

interface FormState {
  name: string;
  url: string;
  format: string;
  everyHours: number | string;
  staleAfterRuns: number | string;
  enabled: boolean;
}

const EMPTY: FormState = { name: '', url: '', format: '', everyHours: 24, staleAfterRuns: 7, enabled: true };

function FeedForm({ feed, onDone }: { feed: FeedView | null; onDone: (saved: FeedView | null) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<FormState>(
    feed
      ? {
          name: feed.name,
          url: feed.url,
          format: feed.format ?? '',
          everyHours: feed.everyHours,
          staleAfterRuns: feed.staleAfterRuns,
          enabled: feed.enabled,
        }
      : EMPTY,
  );
  const [tried, setTried] = useState(false);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      saveFeed(feed?.id ?? null, {
        name: form.name.trim(),
        url: form.url.trim(),
        format: (form.format || null) as FeedView['format'],
        everyHours: Number(form.everyHours),
        staleAfterRuns: Number(form.staleAfterRuns),
        enabled: form.enabled,
      }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['warning', 'feeds'] });
      onDone(saved);
    },
  });
  const missing: Record<string, boolean> = tried ? { '/name': form.name.trim() === '', '/url': form.url.trim() === '' } : {};
  const fieldError = useFieldErrors(save.error, missing);
  const general = save.error instanceof ApiProblem && save.error.errors.length > 0 ? null : save.error;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (form.name.trim() === '' || form.url.trim() === '') return;
        save.mutate();
      }}
      noValidate
    >
      <Stack gap="sm">
        <ProblemAlert error={general} />
        <TextInput
          label={t('operations.feeds.form.name')}
          required
          value={form.name}
          maxLength={200}
          onChange={(event) => setForm({ ...form, name: event.currentTarget.value })}
          error={fieldError('/name')}
        />
        <TextInput
          label={t('operations.feeds.form.url')}
          description={t('operations.feeds.form.urlHelp')}
          required
          type="url"
          value={form.url}
          maxLength={2000}
          onChange={(event) => setForm({ ...form, url: event.currentTarget.value })}
          error={fieldError('/url')}
        />
        <NativeSelect
          label={t('operations.feeds.form.format')}
          value={form.format}
          onChange={(event) => setForm({ ...form, format: event.currentTarget.value })}
          data={[
            { value: '', label: formatName(t, null) },
            ...FORMATS.map((format) => ({ value: format, label: formatName(t, format) })),
            ...(feed?.format === 'mapping' ? [{ value: 'mapping', label: formatName(t, 'mapping') }] : []),
          ]}
          error={fieldError('/format') ?? fieldError('/mapping')}
        />
        <Group grow align="flex-start">
          <NumberInput
            label={t('operations.feeds.form.everyHours')}
            min={1}
            max={8760}
            allowDecimal={false}
            value={form.everyHours}
            onChange={(value) => setForm({ ...form, everyHours: value })}
            error={fieldError('/everyHours')}
          />
          <NumberInput
            label={t('operations.feeds.form.staleAfterRuns')}
            description={t('operations.feeds.form.staleHelp')}
            min={1}
            max={1000}
            allowDecimal={false}
            value={form.staleAfterRuns}
            onChange={(value) => setForm({ ...form, staleAfterRuns: value })}
            error={fieldError('/staleAfterRuns')}
          />
        </Group>
        <Switch
          label={t('operations.feeds.form.enabled')}
          checked={form.enabled}
          onChange={(event) => setForm({ ...form, enabled: event.currentTarget.checked })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(null)}>
            {t('operations.jobs.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('operations.feeds.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type RunAnswer = { feed: FeedView; result: FeedRunResult } | { feed: FeedView; error: unknown };

function RunAlert({ answer, onClose }: { answer: RunAnswer; onClose: () => void }) {
  const { t } = useTranslation();
  if ('error' in answer) {
    const running = answer.error instanceof ApiProblem && answer.error.status === 409;
    return running ? (
      <Alert color="yellow" role="alert" withCloseButton onClose={onClose} title={answer.feed.name}>
        {t('operations.feeds.alreadyRunning')}
      </Alert>
    ) : (
      <ProblemAlert error={answer.error} title={answer.feed.name} />
    );
  }
  const { outcome, feed } = answer.result;
  return (
    <Alert
      color={outcome === 'failed' ? 'red' : outcome === 'imported' ? 'green' : 'gray'}
      role="status"
      withCloseButton
      closeButtonLabel={t('operations.feeds.closeResult')}
      onClose={onClose}
      title={feed.name}
      data-feed-result={outcome}
    >
      <Stack gap={4}>
        <Text size="sm">
          {outcome === 'failed'
            ? t('operations.feeds.result.failed', { error: errorOf(feed) ?? '' })
            : t(`operations.feeds.result.${outcome}`)}
        </Text>
        {outcome === 'imported' && feed.lastBatch ? <BatchSummary batch={feed.lastBatch} /> : null}
      </Stack>
    </Alert>
  );
}

/** The scheduled data feeds of early warning: their last run, its import, running one now, adding and changing them. */
export function FeedsSection() {
  const { t } = useTranslation();
  const { when, hours } = useFormats();
  const feeds = useQuery(feedsQuery);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<FeedView | 'new' | null>(null);
  const [answer, setAnswer] = useState<RunAnswer | null>(null);
  const run = useMutation({
    mutationFn: (feed: FeedView) => runFeedNow(feed.id),
    onMutate: () => setAnswer(null),
    onSuccess: (result, feed) => setAnswer({ feed, result }),
    onError: (error, feed) => setAnswer({ feed, error }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['warning', 'feeds'] }),
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="feeds-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3" id="feeds-title">
              {t('operations.feeds.title')}
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              {t('operations.feeds.intro')}
            </Text>
          </div>
          <Button onClick={() => setEditing('new')}>{t('operations.feeds.add')}</Button>
        </Group>
        <ProblemAlert error={feeds.error} />
        <div aria-live="polite">{answer ? <RunAlert answer={answer} onClose={() => setAnswer(null)} /> : null}</div>
        {feeds.isPending ? <Loader aria-label={t('app.loading')} /> : null}
        {feeds.data && feeds.data.length === 0 ? <Text role="status">{t('operations.feeds.none')}</Text> : null}
        {feeds.data && feeds.data.length > 0 ? (
          <Table.ScrollContainer minWidth={900}>
            <Table striped aria-label={t('operations.feeds.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('operations.feeds.name')}</Table.Th>
                  <Table.Th scope="col">{t('operations.feeds.format')}</Table.Th>
                  <Table.Th scope="col">{t('operations.jobs.every')}</Table.Th>
                  <Table.Th scope="col">{t('operations.jobs.lastRun')}</Table.Th>
                  <Table.Th scope="col">{t('operations.jobs.outcome')}</Table.Th>
                  <Table.Th scope="col">{t('operations.feeds.lastImport')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('operations.jobs.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {feeds.data.map((feed) => {
                  const error = errorOf(feed);
                  return (
                    <Table.Tr key={feed.id} data-feed={feed.name}>
                      <Table.Th scope="row" fw={500}>
                        {feed.name}
                        {feed.enabled ? null : (
                          <Text size="xs" c="dimmed">
                            {t('operations.feeds.disabled')}
                          </Text>
                        )}
                      </Table.Th>
                      <Table.Td>{formatName(t, feed.format)}</Table.Td>
                      <Table.Td>{hours(feed.everyHours)}</Table.Td>
                      <Table.Td>
                        {feed.lastRunAt ? (
                          <time dateTime={feed.lastRunAt}>{when(feed.lastRunAt)}</time>
                        ) : (
                          t('operations.jobs.never')
                        )}
                      </Table.Td>
                      <Table.Td data-cell="outcome">
                        {feed.running || feed.lastOutcome ? (
                          <Badge
                            color={OUTCOME_COLOURS[feed.running ? 'running' : (feed.lastOutcome ?? 'running')]}
                            variant="light"
                          >
                            {t(`operations.feeds.outcome.${feed.running ? 'running' : feed.lastOutcome}`)}
                          </Badge>
                        ) : null}
                        {error ? (
                          <Text size="xs" c="red.9" style={{ wordBreak: 'break-word' }}>
                            {error}
                          </Text>
                        ) : null}
                        {feed.stale ? (
                          <Text size="xs" c="orange.9">
                            {t('operations.feeds.stale', { runs: feed.unchangedRuns })}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td data-cell="last-import">
                        {feed.lastBatch ? <BatchSummary batch={feed.lastBatch} /> : t('operations.feeds.noImport')}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            disabled={feed.running}
                            loading={run.isPending && run.variables?.id === feed.id}
                            onClick={() => run.mutate(feed)}
                            aria-label={t('operations.feeds.runNowNamed', { feed: feed.name })}
                          >
                            {t('operations.jobs.runNow')}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            onClick={() => setEditing(feed)}
                            aria-label={t('operations.feeds.editNamed', { feed: feed.name })}
                          >
                            {t('operations.feeds.edit')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('operations.feeds.form.newTitle') : t('operations.feeds.form.editTitle')}
        size="lg"
      >
        {editing !== null ? (
          <FeedForm
            key={editing === 'new' ? 'new' : editing.id}
            feed={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Modal>
    </Paper>
  );
}
