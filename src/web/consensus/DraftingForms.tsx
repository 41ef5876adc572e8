import { Button, Group, Paper, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitmentView } from '../../server/consensus/schemas';
import { api } from '../app/api';
import { anyMissing, useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { CountriesPicker } from '../reference/pickers';
import { type DocumentView, documentQuery } from './queries';

/** The chair adds a paragraph: preambular or operative, after another, optionally recalling a commitment. */
export function ParagraphForm({ doc }: { doc: DocumentView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const commitments = useQuery({
    queryKey: ['consensus', 'commitments'],
    queryFn: () => api.get<CommitmentView[]>('/consensus/commitments'),
  });
  const [part, setPart] = useState<string | null>('operative');
  const [after, setAfter] = useState<string | null>(null);
  const [commitment, setCommitment] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const add = useMutation({
    mutationFn: () =>
      api.post<DocumentView>(`/consensus/documents/${doc.id}/paragraphs`, {
        part,
        text,
        afterId: after,
        commitmentId: commitment,
      }),
    onSuccess: (view) => {
      setText('');
      setAfter(null);
      setTried(false);
      client.setQueryData(documentQuery(doc.id).queryKey, view);
    },
  });
  const missing = { '/text': text.trim() === '' };
  const errorOf = useFieldErrors(add.error, tried ? missing : {});
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (!anyMissing(missing)) add.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2}>{t('consensus.paragraph.add')}</Title>
          <Group grow>
            <Select
              label={t('consensus.paragraph.part')}
              data={['preambular', 'operative'].map((p) => ({ value: p, label: t(`consensus.part.${p}`) }))}
              value={part}
              onChange={setPart}
              allowDeselect={false}
            />
            <Select
              label={t('consensus.paragraph.after')}
              clearable
              placeholder={t('consensus.paragraph.atEnd')}
              data={doc.paragraphs.filter((p) => p.part === part && !p.parentId).map((p) => ({ value: p.id, label: p.number }))}
              value={after}
              onChange={setAfter}
              error={errorOf('/afterId')}
            />
            <Select
              label={t('consensus.paragraph.recalls')}
              clearable
              data={(commitments.data ?? []).map((c) => ({ value: c.id, label: `${c.title} (${c.year})` }))}
              value={commitment}
              onChange={setCommitment}
            />
          </Group>
          <Textarea
            label={t('consensus.paragraph.text')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errorOf('/text')}
            autosize
            minRows={2}
          />
          <ProblemAlert error={add.error} />
          <Button type="submit" w="fit-content" loading={add.isPending}>
            {t('consensus.paragraph.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** A delegation tables an amendment for its State: insert, delete or replace words, with co-sponsors and a justification. */
export function AmendmentForm({ doc }: { doc: DocumentView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [kind, setKind] = useState<string | null>('replace');
  const [paragraph, setParagraph] = useState<string | null>(null);
  const [oldWords, setOldWords] = useState('');
  const [newWords, setNewWords] = useState('');
  const [justification, setJustification] = useState('');
  const [cosponsors, setCosponsors] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const target = doc.paragraphs.find((p) => p.id === paragraph);
  const table = useMutation({
    mutationFn: () =>
      api.post<DocumentView>(`/consensus/documents/${doc.id}/amendments`, {
        kind,
        ...(kind === 'insert'
          ? { afterParagraphId: paragraph, part: target?.part ?? 'operative', newWords }
          : { paragraphId: paragraph ?? undefined }),
        ...(kind === 'replace' ? { oldWords, newWords } : {}),
        justification,
        cosponsors,
      }),
    onSuccess: (view) => {
      setOldWords('');
      setNewWords('');
      setJustification('');
      setCosponsors([]);
      setTried(false);
      client.setQueryData(documentQuery(doc.id).queryKey, view);
    },
  });
  const missing = {
    '/paragraphId': !paragraph,
    '/oldWords': kind === 'replace' && !oldWords,
    '/newWords': kind !== 'delete' && !newWords,
  };
  const errorOf = useFieldErrors(table.error, tried ? missing : {});
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (!anyMissing(missing)) table.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2}>{t('consensus.amendment.table')}</Title>
          <Group grow>
            <Select
              label={t('consensus.amendment.kindLabel')}
              data={['replace', 'insert', 'delete'].map((k) => ({ value: k, label: t(`consensus.amendment.kind.${k}`) }))}
              value={kind}
              onChange={setKind}
              allowDeselect={false}
            />
            <Select
              label={kind === 'insert' ? t('consensus.amendment.after') : t('consensus.amendment.paragraph')}
              data={doc.paragraphs.map((p) => ({ value: p.id, label: p.number }))}
              value={paragraph}
              onChange={setParagraph}
              error={errorOf('/paragraphId') ?? errorOf('/afterParagraphId')}
            />
          </Group>
          {kind === 'replace' ? (
            <TextInput
              label={t('consensus.amendment.oldWords')}
              value={oldWords}
              onChange={(e) => setOldWords(e.currentTarget.value)}
              error={errorOf('/oldWords')}
            />
          ) : null}
          {kind !== 'delete' ? (
            <Textarea
              label={t('consensus.amendment.newWords')}
              value={newWords}
              onChange={(e) => setNewWords(e.currentTarget.value)}
              error={errorOf('/newWords')}
            />
          ) : null}
          <Textarea
            label={t('consensus.amendment.justification')}
            value={justification}
            onChange={(e) => setJustification(e.currentTarget.value)}
          />
          <CountriesPicker
            label={t('consensus.amendment.cosponsors')}
            value={cosponsors}
            onChange={setCosponsors}
            error={errorOf('/cosponsors')}
          />
          <ProblemAlert error={table.error} />
          <Button type="submit" w="fit-content" loading={table.isPending}>
            {t('consensus.amendment.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
