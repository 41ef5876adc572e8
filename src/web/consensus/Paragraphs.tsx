import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { useCountryNames } from '../reference/pickers';
import { ParagraphEdit } from './ParagraphEdit';
import {
  type AmendmentView,
  type DocumentView,
  documentQuery,
  type ParagraphView,
  STANCE_COLOURS,
  STATE_COLOURS,
} from './queries';

const STANCES = ['agree', 'can_live', 'reservation', 'objection', 'not_stated'] as const;

/** What an amendment proposes, in words with its sponsors' names. */
export function AmendmentLine({ a, doc }: { a: AmendmentView; doc: DocumentView }) {
  const { t } = useTranslation();
  const names = useCountryNames();
  const client = useQueryClient();
  const target = doc.paragraphs.find((p) => p.id === a.paragraphId);
  const [merging, setMerging] = useState(false);
  const [merged, setMerged] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'taken' | 'left' | 'merged') =>
      api.post<DocumentView>(`/consensus/documents/${doc.id}/amendments/${a.id}/decision`, {
        decision,
        ...(decision === 'merged' ? { text: merged } : {}),
      }),
    onSuccess: (view) => {
      setMerging(false);
      client.setQueryData(documentQuery(doc.id).queryKey, view);
    },
  });
  const mergeError = useFieldErrors(decide.error, merging ? { '/text': merged.trim() === '' } : {});
  const cosponsor = useMutation({
    mutationFn: () => api.post<DocumentView>(`/consensus/documents/${doc.id}/amendments/${a.id}/cosponsors`, {}),
    onSuccess: (view) => client.setQueryData(documentQuery(doc.id).queryKey, view),
  });
  const sponsors = [a.sponsor, ...a.cosponsors].map(names.name).join(', ');
  const own = doc.ownStates.some((s) => s === a.sponsor || a.cosponsors.includes(s));
  return (
    <Paper withBorder p="xs" data-testid="amendment">
      <Stack gap={4}>
        <Group gap="xs">
          <Badge variant="light">{t(`consensus.amendment.kind.${a.kind}`)}</Badge>
          <Badge color={a.status === 'tabled' ? 'blue' : a.status === 'left' ? 'gray' : 'green'}>
            {t(`consensus.amendment.status.${a.status}`)}
          </Badge>
          {a.flagged ? <Badge color="orange">{t('consensus.amendment.flagged')}</Badge> : null}
          <Text size="sm">{sponsors}</Text>
        </Group>
        {a.kind === 'replace' ? (
          <Text size="sm">
            <s>{a.oldWords}</s> → <b>{a.newWords}</b>
          </Text>
        ) : null}
        {a.kind === 'insert' ? <Text size="sm">{a.newWords}</Text> : null}
        {a.justification ? (
          <Text size="sm" c="dimmed">
            {a.justification}
          </Text>
        ) : null}
        {a.status === 'tabled' ? (
          <Group gap="xs">
            {doc.actions.includes('decide') ? (
              <>
                <Button size="xs" onClick={() => decide.mutate('taken')} disabled={a.flagged}>
                  {t('consensus.amendment.take')}
                </Button>
                {a.kind !== 'delete' && !a.flagged ? (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => {
                      setMerged(a.kind === 'insert' ? (a.newWords ?? '') : (target?.text ?? ''));
                      setMerging(true);
                    }}
                  >
                    {t('consensus.amendment.merge')}
                  </Button>
                ) : null}
                <Button size="xs" variant="default" onClick={() => decide.mutate('left')}>
                  {t('consensus.amendment.leave')}
                </Button>
              </>
            ) : null}
            {doc.actions.includes('amend') && !own ? (
              <Button size="xs" variant="light" onClick={() => cosponsor.mutate()}>
                {t('consensus.amendment.cosponsor')}
              </Button>
            ) : null}
          </Group>
        ) : null}
        {merging ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (merged.trim() !== '') decide.mutate('merged');
            }}
          >
            <Stack gap="xs">
              <Textarea
                label={t('consensus.amendment.mergedWords')}
                value={merged}
                onChange={(e) => setMerged(e.currentTarget.value)}
                error={mergeError('/text')}
                autosize
                minRows={2}
              />
              <Group gap="xs">
                <Button type="submit" size="xs" loading={decide.isPending}>
                  {t('consensus.amendment.saveMerge')}
                </Button>
                <Button size="xs" variant="default" onClick={() => setMerging(false)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
        <ProblemAlert error={decide.error ?? cosponsor.error} />
      </Stack>
    </Paper>
  );
}

function PositionForm({ doc, paragraph }: { doc: DocumentView; paragraph: ParagraphView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [stance, setStance] = useState<string | null>(paragraph.own?.stance ?? null);
  const [reason, setReason] = useState(paragraph.own?.reason ?? '');
  const save = useMutation({
    mutationFn: () =>
      api.put<DocumentView>(`/consensus/documents/${doc.id}/paragraphs/${paragraph.id}/position`, { stance, reason }),
    onSuccess: (view) => client.setQueryData(documentQuery(doc.id).queryKey, view),
  });
  const errorOf = useFieldErrors(save.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (stance) save.mutate();
      }}
    >
      <Group align="flex-end" gap="xs">
        <Select
          label={t('consensus.position.label', { number: paragraph.number })}
          data={STANCES.map((s) => ({ value: s, label: t(`consensus.stance.${s}`) }))}
          value={stance}
          onChange={setStance}
          size="xs"
        />
        {stance === 'objection' || stance === 'reservation' ? (
          <TextInput
            label={t('consensus.position.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errorOf('/reason')}
            size="xs"
          />
        ) : null}
        <Button type="submit" size="xs" loading={save.isPending}>
          {t('consensus.position.save')}
        </Button>
      </Group>
      <ProblemAlert error={save.error} />
    </form>
  );
}

/** The numbered text with each paragraph's state, the reader's position and the amendments beside it. */
export function Paragraphs({ doc }: { doc: DocumentView }) {
  const { t } = useTranslation();
  const names = useCountryNames();
  const live = new Set(doc.paragraphs.map((p) => p.id));
  const orphans = doc.amendments.filter((a) => a.flagged || (a.paragraphId && !live.has(a.paragraphId)));
  if (doc.paragraphs.length === 0) {
    return <Text c="dimmed">{t('consensus.room.noText')}</Text>;
  }
  return (
    <Stack gap="sm">
      <Title order={2}>{t('consensus.room.text')}</Title>
      {doc.paragraphs.map((p) => {
        const amendments = doc.amendments.filter((a) => !a.flagged && (a.paragraphId === p.id || a.afterParagraphId === p.id));
        return (
          <Paper key={p.id} withBorder p="sm" ml={p.parentId ? 'xl' : 0} data-testid="paragraph" data-number={p.number}>
            <Group align="flex-start" wrap="nowrap" gap="md">
              <Text fw={700} w={70}>
                {p.number}
              </Text>
              <Stack gap={6} style={{ flex: 1 }}>
                <Text>{p.text}</Text>
                {doc.actions.includes('edit') ? <ParagraphEdit key={p.text} doc={doc} paragraph={p} /> : null}
                {p.commitment ? (
                  <Text size="xs" c="dimmed">
                    {t('consensus.room.recalls', { title: p.commitment.title, year: p.commitment.year })}
                  </Text>
                ) : null}
                {doc.currentRevision > 0 ? (
                  <Group gap="xs">
                    <Badge color={STATE_COLOURS[p.state]} data-testid="paragraph-state">
                      {t(`consensus.state.${p.state}`)}
                    </Badge>
                    {(['agree', 'can_live', 'reservation', 'objection'] as const).map((s) =>
                      p.counts[s] > 0 ? (
                        <Badge key={s} variant="light" color={STANCE_COLOURS[s]}>
                          {t(`consensus.stance.${s}`)}: {p.counts[s]}
                        </Badge>
                      ) : null,
                    )}
                    {p.objectors.length > 0 ? (
                      <Text size="sm" c="red" data-testid="objectors">
                        {t('consensus.room.objectors', { states: p.objectors.map(names.name).join(', ') })}
                      </Text>
                    ) : null}
                  </Group>
                ) : null}
                {doc.actions.includes('position') ? <PositionForm doc={doc} paragraph={p} /> : null}
                {amendments.map((a) => (
                  <AmendmentLine key={a.id} a={a} doc={doc} />
                ))}
              </Stack>
            </Group>
          </Paper>
        );
      })}
      {orphans.length > 0 ? (
        <Stack gap="xs">
          <Title order={3}>{t('consensus.amendment.orphans')}</Title>
          {orphans.map((a) => (
            <AmendmentLine key={a.id} a={a} doc={doc} />
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
