import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { useCountryNames } from '../reference/pickers';
import { Comparison } from './Comparison';
import { Compilation } from './Compilation';
import { AdoptionForm, SymbolForm, WithdrawButton } from './DocumentTools';
import { AmendmentForm, ParagraphForm } from './DraftingForms';
import { Paragraphs } from './Paragraphs';
import { type DocumentView, documentQuery, STAGE_COLOURS, useLiveDocument } from './queries';
import { SilencePanel } from './SilencePanel';
import { Statements } from './Statements';

/** The drafting room: the numbered text, each paragraph's state, positions and amendments, silence, comparison and statements. */
export function DocumentPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const doc = useQuery(documentQuery(id));
  const live = useLiveDocument(id);
  const names = useCountryNames();
  const client = useQueryClient();
  const d = doc.data;
  usePageTitle(d ? (d.decisionSymbol ?? d.symbol) : t('consensus.room.title'));
  const act = useMutation({
    mutationFn: (path: string) => api.post<DocumentView>(`/consensus/documents/${id}${path}`, undefined),
    onSuccess: (view) => client.setQueryData(documentQuery(id).queryKey, view),
  });
  if (!d) return <ProblemAlert error={doc.error} />;
  const can = (action: string) => d.actions.includes(action);
  const revision = d.currentRevision > 0 ? `?revision=${d.currentRevision}` : '';
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Text c="dimmed" data-testid="symbol">
            {d.symbol}
            {d.decisionSymbol ? ` → ${d.decisionSymbol}` : ''}
          </Text>
          <Title order={1}>{d.title}</Title>
          <Group gap="xs">
            <Badge color={STAGE_COLOURS[d.stage]} data-testid="stage">
              {t(`consensus.stage.${d.stage}`)}
            </Badge>
            <Badge variant="outline">{t(`consensus.body.${d.body}`)}</Badge>
            <Badge variant="dot" color={live ? 'green' : 'gray'}>
              {live ? t('consensus.room.live') : t('consensus.room.offline')}
            </Badge>
          </Group>
          {d.ownStates.length > 0 ? (
            <Text size="sm">{t('consensus.room.actingFor', { state: d.ownStates.map(names.name).join(', ') })}</Text>
          ) : null}
        </Stack>
        <Stack gap={4} align="flex-end">
          <Anchor component={Link} to={`/consensus/${id}/matrix`}>
            {t('consensus.matrix.title')}
          </Anchor>
          {d.currentRevision > 0 ? (
            <Group gap="xs">
              <Anchor href={`/api/consensus/documents/${id}/text.xml${revision}`}>{t('consensus.export.akn')}</Anchor>
              <Anchor href={`/api/consensus/documents/${id}/text.pdf${revision}`}>{t('consensus.export.pdf')}</Anchor>
              <Anchor href={`/api/consensus/documents/${id}/text.docx${revision}`}>{t('consensus.export.docx')}</Anchor>
            </Group>
          ) : null}
        </Stack>
      </Group>
      <ProblemAlert error={act.error} />
      {can('issue') ? (
        <Group>
          <Button onClick={() => act.mutate('/revisions')} loading={act.isPending}>
            {t('consensus.room.issue', { number: d.currentRevision + 1 })}
          </Button>
        </Group>
      ) : null}
      {can('adopt') ? <AdoptionForm doc={d} /> : null}
      <SilencePanel doc={d} />
      <Paragraphs doc={d} />
      {can('edit') ? <ParagraphForm doc={d} /> : null}
      {can('amend') && d.paragraphs.length > 0 ? <AmendmentForm doc={d} /> : null}
      {d.stage === 'drafting' && d.currentRevision > 0 ? (
        <Paper withBorder p="md">
          <Compilation doc={d} />
        </Paper>
      ) : null}
      {d.revisions.length > 0 ? (
        <Paper withBorder p="md">
          <Comparison doc={d} />
        </Paper>
      ) : null}
      <Statements doc={d} />
      {can('symbol') ? <SymbolForm doc={d} /> : null}
      {can('withdraw') ? <WithdrawButton doc={d} /> : null}
    </Stack>
  );
}
