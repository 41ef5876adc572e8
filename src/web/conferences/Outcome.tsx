import { Anchor, Button, Group, List, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { linesOf } from '../app/field-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { DIMENSIONS, KEY_AREAS } from '../reports/queries';
import type { EventView } from './queries';

/**
 * The chair's summary and its recommendations: the organiser records them, then publishes them,
 * and from then the recommendations are followed in the tracker with this conference as source.
 */
export function Outcome({ event, manages }: { event: EventView; manages: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [summary, setSummary] = useState(event.summary);
  const [recommendations, setRecommendations] = useState(event.recommendations.join('\n'));
  const [filing, setFiling] = useState({ keyArea: 'protection', dimension: 'human' });
  const save = useMutation({
    mutationFn: () => api.put(`/conferences/events/${event.id}/outcome`, { summary, recommendations: linesOf(recommendations) }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['conferences'] }),
  });
  const publish = useMutation({
    mutationFn: () => api.post(`/conferences/events/${event.id}/outcome/publish`, filing),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['recommendations'] });
      return client.invalidateQueries({ queryKey: ['conferences'] });
    },
  });
  const published = event.outcomePublishedAt !== null;
  if (!manages && !event.summary && event.recommendations.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2}>{t('conferences.outcome.title')}</Title>
      {event.summary ? <Text style={{ whiteSpace: 'pre-wrap' }}>{event.summary}</Text> : null}
      {event.recommendations.length ? (
        <List type="ordered">
          {event.recommendations.map((r) => (
            <List.Item key={r}>{r}</List.Item>
          ))}
        </List>
      ) : null}
      {published ? (
        <Text>
          {t('conferences.outcome.published', { date: event.outcomePublishedAt?.slice(0, 10) })}{' '}
          <Anchor component={Link} to="/recommendations">
            {t('conferences.outcome.tracker')}
          </Anchor>
        </Text>
      ) : null}
      {manages && !published ? (
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <ProblemAlert error={save.error} />
            <Textarea
              label={t('conferences.outcome.summary')}
              autosize
              minRows={3}
              value={summary}
              onChange={(ev) => setSummary(ev.currentTarget.value)}
            />
            <Textarea
              label={t('conferences.outcome.recommendations')}
              description={t('conferences.onePerLine')}
              autosize
              minRows={3}
              value={recommendations}
              onChange={(ev) => setRecommendations(ev.currentTarget.value)}
            />
            <Button w="fit-content" onClick={() => save.mutate()} loading={save.isPending}>
              {t('conferences.outcome.save')}
            </Button>
          </Stack>
        </Paper>
      ) : null}
      {manages && !published && event.summary ? (
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <Title order={3}>{t('conferences.outcome.publishTitle')}</Title>
            <Text size="sm">{t('conferences.outcome.publishHelp')}</Text>
            <ProblemAlert error={publish.error} />
            <Group align="flex-end">
              <NativeSelect
                label={t('reports.fields.keyArea')}
                value={filing.keyArea}
                data={KEY_AREAS.map((k) => ({ value: k, label: t(`reports.keyArea.${k}`) }))}
                onChange={(e) => setFiling({ ...filing, keyArea: e.currentTarget.value })}
              />
              <NativeSelect
                label={t('reports.fields.dimension')}
                value={filing.dimension}
                data={DIMENSIONS.map((d) => ({ value: d, label: t(`reports.dimension.${d}`) }))}
                onChange={(e) => setFiling({ ...filing, dimension: e.currentTarget.value })}
              />
              <Button onClick={() => publish.mutate()} loading={publish.isPending}>
                {t('conferences.outcome.publish')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
