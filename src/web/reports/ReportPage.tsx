import { Alert, Anchor, Button, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, api } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { ContentEditor } from './ContentEditor';
import { ContentView } from './ContentView';
import { PeopleMet, ReportDrivers } from './PeopleMet';
import { type ReportContent, type ReportView, reportQuery } from './queries';
import { ReviewPanel } from './ReviewPanel';
import { LevelBadge, StatusBadge } from './StatusBadge';
import { VersionHistory } from './VersionHistory';

/**
 * One report: the editor for its team while it is a draft or returned (every save a version),
 * the co-ordinator's review, the workflow moves the viewer may make, its history and the PDF.
 */
export function ReportPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const report = useQuery(reportQuery(id));
  const r = report.data;
  usePageTitle(r ? t('reports.page.title', { code: r.missionCode }) : t('reports.list.title'));
  const client = useQueryClient();
  const [draft, setDraft] = useState<ReportContent | null>(null);
  const [base, setBase] = useState<number | null>(null);
  const [conflict, setConflict] = useState<ReportView | null>(null);

  // The editor starts from the version loaded; later loads do not overwrite unsaved edits.
  useEffect(() => {
    if (r && base === null) {
      setDraft(r.content);
      setBase(r.version);
    }
  }, [r, base]);

  const refresh = () => client.invalidateQueries({ queryKey: ['reports'] });
  const save = useMutation({
    mutationFn: () => api.put<ReportView>(`/reports/${id}`, { baseVersion: base, content: draft }),
    onSuccess: (saved) => {
      setBase(saved.version);
      setDraft(saved.content);
      setConflict(null);
      client.setQueryData(reportQuery(id).queryKey, saved);
      void refresh();
    },
    onError: async (error) => {
      if (error instanceof ApiProblem && error.code === 'conflict') setConflict(await api.get<ReportView>(`/reports/${id}`));
    },
  });
  const submit = useMutation({
    mutationFn: () => api.post<ReportView>(`/reports/${id}/transitions`, { action: 'submit' }),
    onSuccess: (next) => {
      client.setQueryData(reportQuery(id).queryKey, next);
      void refresh();
    },
  });

  if (report.error) return <ProblemAlert error={report.error} />;
  if (!r) return null;
  const editing = r.actions.includes('edit') && draft !== null;
  return (
    <Stack gap="md">
      <Title order={1}>{t('reports.page.title', { code: r.missionCode })}</Title>
      <Group gap="xs">
        <Text>{r.missionTitle}</Text>
        <StatusBadge status={r.status} />
        {r.alertLevel ? <LevelBadge level={r.alertLevel} /> : null}
        <Text c="dimmed">{t('reports.history.version', { n: r.version })}</Text>
        {r.actions.includes('pdf') ? (
          <Anchor href={`/api/reports/${r.id}/report.pdf`} download>
            {t('reports.page.pdf')}
          </Anchor>
        ) : null}
        <Anchor component={Link} to={`/missions/${r.missionId}`}>
          {t('reports.page.mission')}
        </Anchor>
      </Group>
      {r.transitions.length > 0 ? (
        <Table aria-label={t('reports.page.moves')}>
          <Table.Tbody>
            {r.transitions.map((tr) => (
              <Table.Tr key={tr.at}>
                <Table.Td>{new Date(tr.at).toLocaleString()}</Table.Td>
                <Table.Td>{t(`reports.action.${tr.action}`)}</Table.Td>
                <Table.Td>{tr.by ?? '—'}</Table.Td>
                <Table.Td>{tr.comment}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {r.readOnly ? (
        <Alert variant="light" data-testid="read-only-reason">
          {t(`reports.readOnly.${r.readOnly}`)}
        </Alert>
      ) : null}
      <ReviewPanel report={r} />
      {editing ? (
        <>
          <Title order={2}>{t('reports.page.edit')}</Title>
          {conflict ? (
            <Paper withBorder p="sm" role="region" aria-label={t('reports.conflict.title')}>
              <Title order={3}>{t('reports.conflict.title')}</Title>
              <Text>{t('reports.conflict.explain', { mine: base, theirs: conflict.version })}</Text>
              <Grid>
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <Title order={4}>{t('reports.conflict.mine')}</Title>
                  <ContentView content={draft} headingLevel={3} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <Title order={4}>{t('reports.conflict.theirs', { n: conflict.version })}</Title>
                  <ContentView content={conflict.content} headingLevel={3} />
                </Grid.Col>
              </Grid>
              <Group mt="sm">
                <Button
                  variant="default"
                  onClick={() => {
                    setDraft(conflict.content);
                    setBase(conflict.version);
                    setConflict(null);
                  }}
                >
                  {t('reports.conflict.takeTheirs')}
                </Button>
                <Button
                  onClick={() => {
                    setBase(conflict.version);
                    setConflict(null);
                  }}
                >
                  {t('reports.conflict.keepMine')}
                </Button>
              </Group>
            </Paper>
          ) : (
            <ProblemAlert error={save.error} />
          )}
          <ContentEditor content={draft} onChange={setDraft} />
          <Group>
            <Button loading={save.isPending} onClick={() => save.mutate()}>
              {t('reports.page.save')}
            </Button>
            {r.actions.includes('submit') ? (
              <Button variant="light" loading={submit.isPending} disabled={base !== r.version} onClick={() => submit.mutate()}>
                {t('reports.action.submit')}
              </Button>
            ) : null}
          </Group>
          <ProblemAlert error={submit.error} />
        </>
      ) : (
        <ContentView content={r.content} headingLevel={2} />
      )}
      <ReportDrivers reportId={r.id} />
      <PeopleMet reportId={r.id} />
      {r.actions.includes('history') ? <VersionHistory id={r.id} current={r.version} /> : null}
    </Stack>
  );
}
