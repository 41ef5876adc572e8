import { Button, Group, Paper, Stack, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { fieldError, ProblemAlert } from '../app/ProblemAlert';
import { type ReportView, reportQuery } from './queries';
import { RichText } from './RichText';

/** The co-ordinator's review: return with a comment, adopt, distribute, and the public summary. */
export function ReviewPanel({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [comment, setComment] = useState('');
  const [summary, setSummary] = useState(report.publicSummary ?? '');
  const done = (next: ReportView) => {
    client.setQueryData(reportQuery(report.id).queryKey, next);
    void client.invalidateQueries({ queryKey: ['reports'] });
    void client.invalidateQueries({ queryKey: ['recommendations'] });
  };
  const move = useMutation({
    mutationFn: (action: string) => api.post<ReportView>(`/reports/${report.id}/transitions`, { action, comment }),
    onSuccess: (next) => {
      setComment('');
      done(next);
    },
  });
  const publish = useMutation({
    mutationFn: () => api.put<ReportView>(`/reports/${report.id}/public-summary`, { summary: summary.trim() ? summary : null }),
    onSuccess: done,
  });
  const reviewing = report.actions.includes('adopt') || report.actions.includes('return');
  if (!reviewing && !report.actions.includes('distribute') && !report.actions.includes('summarise')) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2}>{t('reports.review.title')}</Title>
        {reviewing ? (
          <>
            <Textarea
              label={t('reports.review.comment')}
              description={t('reports.review.commentHelp')}
              autosize
              minRows={3}
              value={comment}
              error={fieldError(move.error, '/comment')}
              onChange={(e) => setComment(e.currentTarget.value)}
            />
            <Group>
              <Button variant="outline" color="orange" loading={move.isPending} onClick={() => move.mutate('return')}>
                {t('reports.action.return')}
              </Button>
              <Button loading={move.isPending} onClick={() => move.mutate('adopt')}>
                {t('reports.action.adopt')}
              </Button>
            </Group>
          </>
        ) : null}
        {report.actions.includes('distribute') ? (
          <Group>
            <Button loading={move.isPending} onClick={() => move.mutate('distribute')}>
              {t('reports.action.distribute')}
            </Button>
          </Group>
        ) : null}
        <ProblemAlert error={move.error} />
        {report.actions.includes('summarise') ? (
          <>
            <RichText label={t('reports.review.summary')} value={summary} onChange={setSummary} />
            <Group>
              <Button variant="light" loading={publish.isPending} onClick={() => publish.mutate()}>
                {t('reports.review.publish')}
              </Button>
            </Group>
            <ProblemAlert error={publish.error} />
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
