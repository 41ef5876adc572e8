import { Anchor, Button, CloseButton, Group, List, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterPage } from '../../server/roster/schemas.js';
import { api, queryString } from '../app/api';
import { DocumentUpload } from '../app/DocumentUpload';
import { anyMissing, useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import type { SessionView } from './queries';

type Trainer = { expertId: string } | { externalName: string };

const asBody = (trainers: SessionView['trainers']): Trainer[] =>
  trainers.map((tr) => (tr.expertId ? { expertId: tr.expertId } : { externalName: tr.name }));

/** The provider chooses a session's trainers: experts of the roster, found by name, or external people. */
export function TrainerPanel({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [external, setExternal] = useState('');
  const [tried, setTried] = useState(false);
  const experts = useQuery({
    queryKey: ['training', 'trainer-search', q],
    queryFn: () => api.get<RosterPage>(`/roster/experts${queryString({ q: q || undefined, limit: 20 })}`),
  });
  const save = useMutation({
    mutationFn: (trainers: Trainer[]) => api.put<SessionView>(`/training/sessions/${session.id}/trainers`, { trainers }),
    onSuccess: async (saved) => {
      client.setQueryData(['training', 'session', session.id], saved);
      await client.invalidateQueries({ queryKey: ['training'] });
      setSearch('');
      setExternal('');
      setTried(false);
    },
  });
  const chosen = new Set(session.trainers.flatMap((tr) => (tr.expertId ? [tr.expertId] : [])));
  const options = (experts.data?.items ?? [])
    .filter((e) => !chosen.has(e.id))
    .map((e) => ({ value: e.id, label: `${e.name} · ${e.organisation.name}` }));
  const missing = { '/externalName': !external.trim() };
  const errorOf = useFieldErrors(save.error, tried ? missing : {});
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('training.trainers.title')}
        </Title>
        <ProblemAlert error={save.error} />
        {session.trainers.length === 0 ? (
          <Text c="dimmed">{t('training.trainers.empty')}</Text>
        ) : (
          <List aria-label={t('training.trainers.title')}>
            {session.trainers.map((tr, i) => (
              <List.Item key={`${tr.expertId ?? 'external'}-${tr.name}`}>
                <Group gap="xs">
                  <Text>
                    {tr.name} · {tr.expertId ? t('training.trainers.fromRoster') : t('training.trainers.external')}
                  </Text>
                  <CloseButton
                    size="sm"
                    aria-label={t('training.trainers.remove', { name: tr.name })}
                    onClick={() => save.mutate(asBody(session.trainers.filter((_, k) => k !== i)))}
                  />
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        <Group align="end" grow>
          <Select
            label={t('training.trainers.expert')}
            placeholder={t('training.trainers.searchPlaceholder')}
            searchable
            clearable
            searchValue={search}
            onSearchChange={setSearch}
            data={options}
            value={null}
            nothingFoundMessage={experts.isFetching ? t('training.trainers.searching') : t('training.trainers.noExpert')}
            onChange={(expertId) => {
              if (expertId) save.mutate([...asBody(session.trainers), { expertId }]);
            }}
            error={errorOf('/trainers')}
          />
        </Group>
        <Group
          align="end"
          component="form"
          aria-label={t('training.trainers.addExternal')}
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
            if (!anyMissing(missing)) save.mutate([...asBody(session.trainers), { externalName: external.trim() }]);
          }}
        >
          <TextInput
            label={t('training.fields.externalTrainer')}
            value={external}
            onChange={(e) => setExternal(e.currentTarget.value)}
            error={errorOf('/externalName')}
          />
          <Button type="submit" variant="light" loading={save.isPending}>
            {t('training.trainers.addExternal')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A session's materials: listed and downloaded by its participants and staff; uploaded and removed by its provider. */
export function MaterialsPanel({ session, manage }: { session: SessionView; manage: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['training', 'session', session.id] });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/training/materials/${id}`),
    onSuccess: refresh,
  });
  if (!manage && session.documents.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('training.materials.title')}
        </Title>
        <ProblemAlert error={remove.error} />
        {session.documents.length === 0 ? (
          <Text c="dimmed">{t('training.materials.empty')}</Text>
        ) : (
          <List aria-label={t('training.materials.title')}>
            {session.documents.map((doc) => (
              <List.Item key={doc.id}>
                <Group gap="xs">
                  <Anchor href={`/api/training/materials/${doc.id}/file`} download={doc.fileName}>
                    {doc.title}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {doc.fileName} · {t('training.materials.size', { kb: Math.max(1, Math.round(doc.byteSize / 1024)) })}
                  </Text>
                  {manage ? (
                    <CloseButton
                      size="sm"
                      aria-label={t('training.materials.remove', { title: doc.title })}
                      onClick={() => remove.mutate(doc.id)}
                    />
                  ) : null}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {manage ? (
          <DocumentUpload
            name={t('training.materials.add')}
            address={(title, fileName) => `/training/sessions/${session.id}/materials${queryString({ title, fileName })}`}
            words={{
              title: t('training.materials.name'),
              file: t('training.materials.file'),
              submit: t('training.materials.upload'),
            }}
            intro={<Text size="sm">{t('training.materials.intro')}</Text>}
            onUploaded={refresh}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}
