import { Anchor, Badge, CloseButton, Group, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../app/api';
import { DocumentUpload } from '../app/DocumentUpload';
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
  const [visibility, setVisibility] = useState<(typeof VISIBILITIES)[number]>(event.public ? 'public' : 'participants');
  return (
    <DocumentUpload
      name={t('conferences.agenda.attachTo', { title: session.title })}
      address={(title, fileName) =>
        `/conferences/events/${event.id}/sessions/${session.id}/documents${queryString({ title, visibility, fileName })}`
      }
      words={{
        title: t('conferences.agenda.documentTitle'),
        file: t('conferences.agenda.file'),
        fileTypes: t('conferences.agenda.fileTypes'),
        submit: t('conferences.agenda.attach'),
      }}
      compact
      onUploaded={() => client.invalidateQueries({ queryKey: ['conferences'] })}
    >
      <Select
        label={t('conferences.agenda.openTo')}
        data={VISIBILITIES.map((v) => ({ value: v, label: t(`conferences.agenda.visibility.${v}`) }))}
        value={visibility}
        allowDeselect={false}
        onChange={(v) => v && setVisibility(v as (typeof VISIBILITIES)[number])}
      />
    </DocumentUpload>
  );
}

/** Adds a session, or changes one: its title, times, room, and its moderators and speakers. */
