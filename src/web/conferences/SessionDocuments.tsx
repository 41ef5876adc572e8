import { Anchor, Badge, Button, CloseButton, FileInput, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../app/api';
import { anyMissing, useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import type { EventView, SessionDocument, SessionView } from './queries';

const VISIBILITIES = ['public', 'participants', 'organisers'] as const;

export function Documents({ event, session, manages }: { event: EventView; session: SessionView; manages: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: (doc: SessionDocument) => api.delete(`/conferences/events/${event.id}/documents/${doc.id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['conferences'] }),
  });
  if (session.documents.length === 0) return null;
  return (
    <Stack gap={2}>
      <ProblemAlert error={remove.error} />
      <Text size="sm" fw={500}>
        {t('conferences.agenda.documents')}
      </Text>
      <ul aria-label={t('conferences.agenda.documentsOf', { title: session.title })} style={{ margin: 0 }}>
        {session.documents.map((doc) => (
          <li key={doc.id}>
            <Group gap="xs">
              <Anchor href={doc.url} download={doc.fileName} size="sm">
                {doc.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {doc.fileName} · {t('conferences.agenda.size', { kb: Math.max(1, Math.round(doc.byteSize / 1024)) })}
              </Text>
              {manages ? (
                <>
                  <Badge size="xs" variant="light">
                    {t(`conferences.agenda.visibility.${doc.visibility}`)}
                  </Badge>
                  <CloseButton
                    size="sm"
                    aria-label={t('conferences.agenda.removeDocument', { title: doc.title })}
                    onClick={() => remove.mutate(doc)}
                  />
                </>
              ) : null}
            </Group>
          </li>
        ))}
      </ul>
    </Stack>
  );
}

/** Attaches a file to a session; the server reads it as the library does and refuses what it cannot. */
export function AttachDocument({ event, session }: { event: EventView; session: SessionView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [visibility, setVisibility] = useState<(typeof VISIBILITIES)[number]>(event.public ? 'public' : 'participants');
  const [tried, setTried] = useState(false);
  const upload = useMutation({
    mutationFn: (chosen: File) =>
      api.upload(
        `/conferences/events/${event.id}/sessions/${session.id}/documents${queryString({ title: title.trim(), visibility, fileName: chosen.name })}`,
        chosen,
        'application/octet-stream',
      ),
    onSuccess: async () => {
      setFile(null);
      setTitle('');
      setTried(false);
      await client.invalidateQueries({ queryKey: ['conferences'] });
    },
  });
  const missing = { '/file': !file, '/title': !title.trim() };
  const errorOf = useFieldErrors(upload.error, tried ? missing : {});
  return (
    <Stack
      gap="xs"
      component="form"
      aria-label={t('conferences.agenda.attachTo', { title: session.title })}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (file && !anyMissing(missing)) upload.mutate(file);
      }}
    >
      {upload.error && !errorOf('/title') && !errorOf('/file') ? <ProblemAlert error={upload.error} /> : null}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('conferences.agenda.documentTitle')}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errorOf('/title')}
        />
        <FileInput
          label={t('conferences.agenda.file')}
          description={t('conferences.agenda.fileTypes')}
          required
          accept=".pdf,.docx,.odt,.txt,application/pdf,text/plain"
          value={file}
          onChange={setFile}
          clearable
          error={errorOf('/file')}
        />
        <Select
          label={t('conferences.agenda.openTo')}
          data={VISIBILITIES.map((v) => ({ value: v, label: t(`conferences.agenda.visibility.${v}`) }))}
          value={visibility}
          allowDeselect={false}
          onChange={(v) => v && setVisibility(v as (typeof VISIBILITIES)[number])}
        />
      </SimpleGrid>
      <Button type="submit" size="xs" w="fit-content" variant="light" loading={upload.isPending}>
        {t('conferences.agenda.attach')}
      </Button>
    </Stack>
  );
}

/** Adds a session, or changes one: its title, times, room, and its moderators and speakers. */
