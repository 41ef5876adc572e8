import { Button, Group, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { type DocumentView, documentQuery } from './queries';

function useSave(id: string) {
  const client = useQueryClient();
  return (view: DocumentView) => {
    client.setQueryData(documentQuery(id).queryKey, view);
    void client.invalidateQueries({ queryKey: ['consensus', 'documents'] });
  };
}

/** The chair records adoption by consensus in a meeting; the server refuses it, naming the blocked paragraphs, while an objection stands. */
export function AdoptionForm({ doc }: { doc: DocumentView }) {
  const { t } = useTranslation();
  const save = useSave(doc.id);
  const [meeting, setMeeting] = useState('');
  const adopt = useMutation({
    mutationFn: () =>
      api.post<DocumentView>(`/consensus/documents/${doc.id}/adoption`, meeting.trim() ? { meeting: meeting.trim() } : {}),
    onSuccess: save,
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        adopt.mutate();
      }}
    >
      <Stack gap="xs">
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t('consensus.room.meeting')}
            placeholder={t('consensus.room.meetingHint')}
            value={meeting}
            onChange={(e) => setMeeting(e.currentTarget.value)}
            maxLength={200}
          />
          <Button type="submit" color="green" variant="light" loading={adopt.isPending}>
            {t('consensus.room.adopt')}
          </Button>
        </Group>
        <ProblemAlert error={adopt.error} />
      </Stack>
    </form>
  );
}

/** The chair withdraws a draft that will not be adopted, after confirming. */
export function WithdrawButton({ doc }: { doc: DocumentView }) {
  const { t } = useTranslation();
  const save = useSave(doc.id);
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => api.post<DocumentView>(`/consensus/documents/${doc.id}/withdrawal`, undefined),
    onSuccess: save,
  });
  return (
    <Stack gap={4}>
      {confirming ? (
        <Group gap="xs">
          <Text size="sm">{t('consensus.room.withdrawWarning')}</Text>
          <Button color="red" size="xs" onClick={() => withdraw.mutate()} loading={withdraw.isPending}>
            {t('consensus.room.confirmWithdraw')}
          </Button>
          <Button variant="default" size="xs" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      ) : (
        <Button variant="subtle" color="red" w="fit-content" onClick={() => setConfirming(true)}>
          {t('consensus.room.withdraw')}
        </Button>
      )}
      <ProblemAlert error={withdraw.error} />
    </Stack>
  );
}

/** The Secretariat corrects the symbol of a draft (council, number, year) before adoption. */
export function SymbolForm({ doc }: { doc: DocumentView }) {
  const { t } = useTranslation();
  const save = useSave(doc.id);
  const [council, setCouncil] = useState<string | null>(doc.council);
  const [number, setNumber] = useState<number | string>(doc.number);
  const [year, setYear] = useState<number | string>(doc.year);
  const change = useMutation({
    mutationFn: () =>
      api.put<DocumentView>(`/consensus/documents/${doc.id}/symbol`, { council, number: Number(number), year: Number(year) }),
    onSuccess: save,
  });
  const missing = { '/number': number === '', '/year': year === '' };
  const errorOf = useFieldErrors(change.error, missing);
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (number !== '' && year !== '') change.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2}>{t('consensus.symbol.title')}</Title>
          <Group grow align="flex-start">
            <Select
              label={t('consensus.fields.council')}
              data={['MC', 'PC'].map((c) => ({ value: c, label: t(`consensus.council.${c}`) }))}
              value={council}
              onChange={setCouncil}
              allowDeselect={false}
            />
            <NumberInput
              label={t('consensus.fields.number')}
              value={number}
              onChange={setNumber}
              min={1}
              max={999}
              error={errorOf('/number')}
            />
            <NumberInput
              label={t('consensus.fields.year')}
              value={year}
              onChange={setYear}
              min={0}
              max={99}
              error={errorOf('/year')}
            />
          </Group>
          <ProblemAlert error={change.error} />
          <Button type="submit" w="fit-content" loading={change.isPending}>
            {t('consensus.symbol.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
