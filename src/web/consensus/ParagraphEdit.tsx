import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { type DocumentView, documentQuery, type ParagraphView } from './queries';

/** The chair rewords or deletes a paragraph of the working text; the next revision freezes the change. */
export function ParagraphEdit({ doc, paragraph }: { doc: DocumentView; paragraph: ParagraphView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [text, setText] = useState(paragraph.text);
  const url = `/consensus/documents/${doc.id}/paragraphs/${paragraph.id}`;
  const saved = (view: DocumentView) => {
    setEditing(false);
    setConfirming(false);
    client.setQueryData(documentQuery(doc.id).queryKey, view);
  };
  const edit = useMutation({ mutationFn: () => api.patch<DocumentView>(url, { text }), onSuccess: saved });
  const remove = useMutation({ mutationFn: () => api.delete<DocumentView>(url), onSuccess: saved });
  const missing = { '/text': text.trim() === '' };
  const errorOf = useFieldErrors(edit.error, editing ? missing : {});
  if (editing) {
    return (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!missing['/text']) edit.mutate();
        }}
      >
        <Stack gap="xs">
          <Textarea
            label={t('consensus.paragraph.reword', { number: paragraph.number })}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errorOf('/text')}
            autosize
            minRows={2}
          />
          <ProblemAlert error={edit.error} />
          <Group gap="xs">
            <Button type="submit" size="xs" loading={edit.isPending}>
              {t('consensus.paragraph.saveWords')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  }
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Button
          size="xs"
          variant="subtle"
          aria-label={t('consensus.paragraph.editNamed', { number: paragraph.number })}
          onClick={() => {
            setText(paragraph.text);
            setEditing(true);
          }}
        >
          {t('consensus.paragraph.edit')}
        </Button>
        {confirming ? (
          <>
            <Button size="xs" color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
              {t('consensus.paragraph.confirmDelete', { number: paragraph.number })}
            </Button>
            <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </>
        ) : (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            aria-label={t('consensus.paragraph.deleteNamed', { number: paragraph.number })}
            onClick={() => setConfirming(true)}
          >
            {t('consensus.paragraph.delete')}
          </Button>
        )}
      </Group>
      <ProblemAlert error={remove.error} />
    </Stack>
  );
}
