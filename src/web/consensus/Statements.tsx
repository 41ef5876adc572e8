import { Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { useCountryNames } from '../reference/pickers';
import { type DocumentView, documentQuery } from './queries';

/** Interpretative statements, numbered attachments of the adopted decision; a delegation makes or joins one for its State. */
export function Statements({ doc, readOnly = false }: { doc: DocumentView; readOnly?: boolean }) {
  const { t } = useTranslation();
  const names = useCountryNames();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const save = (view: DocumentView) => client.setQueryData(documentQuery(doc.id).queryKey, view);
  const make = useMutation({
    mutationFn: () => api.post<DocumentView>(`/consensus/documents/${doc.id}/statements`, { text }),
    onSuccess: (view) => {
      setText('');
      save(view);
    },
  });
  const join = useMutation({
    mutationFn: (statementId: string) =>
      api.post<DocumentView>(`/consensus/documents/${doc.id}/statements/${statementId}/joiners`, {}),
    onSuccess: save,
  });
  const errorOf = useFieldErrors(make.error);
  const canState = !readOnly && doc.actions.includes('state');
  if (doc.stage !== 'adopted') return null;
  return (
    <Stack gap="sm">
      <Title order={2}>{t('consensus.statement.title')}</Title>
      {doc.statements.length === 0 ? <Text c="dimmed">{t('consensus.statement.none')}</Text> : null}
      {doc.statements.map((s) => (
        <Paper key={s.id} withBorder p="sm" data-testid="statement">
          <Text fw={600}>
            {t('consensus.statement.heading', { number: s.number, states: [s.country, ...s.joiners].map(names.name).join(', ') })}
          </Text>
          <Text>{s.text}</Text>
          {canState && !doc.ownStates.some((o) => o === s.country || s.joiners.includes(o)) ? (
            <Button size="xs" variant="light" mt="xs" onClick={() => join.mutate(s.id)}>
              {t('consensus.statement.join')}
            </Button>
          ) : null}
        </Paper>
      ))}
      <ProblemAlert error={join.error} />
      {canState ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            make.mutate();
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t('consensus.statement.text')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={errorOf('/text')}
              required
            />
            <ProblemAlert error={make.error} />
            <Button type="submit" w="fit-content" loading={make.isPending}>
              {t('consensus.statement.make')}
            </Button>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
