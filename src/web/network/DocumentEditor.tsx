import {
  Button,
  Card,
  FileInput,
  Group,
  MultiSelect,
  Progress,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, api, queryString } from '../app/api';
import { useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { useSession } from '../app/session';
import { CountryPicker, KeyAreasPicker, LanguagePicker } from '../reference/pickers';
import { ACCESS_LEVELS, DOCUMENT_TYPES, groupsQuery, type LibraryDocument, uploadDocument } from './queries';

/** The access levels a person may give a document: named groups only for whom may list the groups (the co-ordinator). */
export function useAccessOptions(manages: boolean) {
  const { t } = useTranslation();
  const groups = useQuery({ ...groupsQuery(), enabled: manages });
  return {
    levels: ACCESS_LEVELS.filter((a) => a !== 'groups' || manages).map((value) => ({
      value,
      label: t(`network.access.${value}`),
    })),
    groups: (groups.data ?? []).map((g) => ({ value: g.id, label: g.name })),
  };
}

/** Changes a document's details and who may open it (its uploader or the co-ordinator). */
export function DocumentEditor({ doc, manages, onDone }: { doc: LibraryDocument; manages: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const options = useAccessOptions(manages);
  const [title, setTitle] = useState(doc.title);
  const [summary, setSummary] = useState(doc.summary);
  const [type, setType] = useState<string | null>(doc.type);
  const [language, setLanguage] = useState<string | null>(doc.language);
  const [country, setCountry] = useState<string | null>(doc.country);
  const [keyAreas, setKeyAreas] = useState<string[]>(doc.keyAreas);
  const [issuedOn, setIssuedOn] = useState(doc.issuedOn ?? '');
  const [source, setSource] = useState(doc.sourceOrganisation);
  const [licence, setLicence] = useState(doc.licence);
  const [access, setAccess] = useState<string | null>(doc.access);
  const [groups, setGroups] = useState<string[]>(doc.groups.map((g) => g.id));
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      api.patch<LibraryDocument>(`/library/documents/${doc.id}`, {
        title: title.trim(),
        summary: summary.trim(),
        type,
        language,
        country,
        keyAreas,
        issuedOn: issuedOn || null,
        sourceOrganisation: source.trim(),
        licence: licence.trim(),
        access,
        ...(access === 'groups' ? { groups } : {}),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['library'] });
      onDone();
    },
  });
  const errorOf = useFieldErrors(save.error, tried ? { '/title': !title.trim() } : {});

  return (
    <Card withBorder padding="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (title.trim()) save.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('network.edit.title')}
          </Title>
          <TextInput
            label={t('network.upload.docTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errorOf('/title')}
            required
          />
          <Textarea
            label={t('network.upload.summary')}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group grow wrap="wrap">
            <Select
              label={t('network.library.type')}
              data={DOCUMENT_TYPES.map((value) => ({ value, label: t(`network.type.${value}`) }))}
              value={type}
              onChange={setType}
              error={errorOf('/type')}
              allowDeselect={false}
            />
            <LanguagePicker
              label={t('network.upload.language')}
              value={language}
              onChange={setLanguage}
              error={errorOf('/language')}
              required
            />
          </Group>
          <Group grow wrap="wrap">
            <CountryPicker
              label={t('network.library.country')}
              value={country}
              onChange={setCountry}
              error={errorOf('/country')}
            />
            <TextInput
              type="date"
              label={t('network.document.issuedOn')}
              value={issuedOn}
              onChange={(e) => setIssuedOn(e.currentTarget.value)}
              error={errorOf('/issuedOn')}
            />
          </Group>
          <KeyAreasPicker
            label={t('network.document.keyAreas')}
            value={keyAreas}
            onChange={setKeyAreas}
            error={errorOf('/keyAreas')}
          />
          <Group grow wrap="wrap">
            <TextInput label={t('network.document.source')} value={source} onChange={(e) => setSource(e.currentTarget.value)} />
            <TextInput
              label={t('network.document.licence')}
              value={licence}
              onChange={(e) => setLicence(e.currentTarget.value)}
            />
          </Group>
          <Select
            label={t('network.upload.access')}
            data={options.levels}
            value={access}
            onChange={setAccess}
            allowDeselect={false}
          />
          {access === 'groups' ? (
            <MultiSelect
              label={t('network.upload.groups')}
              description={t('network.upload.groupsHint')}
              data={options.groups}
              value={groups}
              onChange={setGroups}
              error={errorOf('/groups')}
              searchable
            />
          ) : null}
          <ProblemAlert error={save.error instanceof ApiProblem && save.error.errors.length > 0 ? null : save.error} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('network.edit.save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('network.edit.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Adds a new version of the document's file, with the upload's progress. */
export function NewVersion({ doc }: { doc: LibraryDocument }) {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [share, setShare] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tried, setTried] = useState(false);
  const errorOf = useFieldErrors(error, tried ? { '/file': !file } : {});
  const submit = async () => {
    setTried(true);
    if (!file || !session) return;
    setError(null);
    setShare(0);
    try {
      await uploadDocument(
        `/library/documents/${doc.id}/versions${queryString({ fileName: file.name })}`,
        file,
        session.csrfToken,
        setShare,
      );
      setFile(null);
      setTried(false);
      await queryClient.invalidateQueries({ queryKey: ['library'] });
    } catch (failure) {
      const { status, body } = failure as { status: number; body: ConstructorParameters<typeof ApiProblem>[1] };
      setError(new ApiProblem(status, body));
    } finally {
      setShare(null);
    }
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="xs" maw={560}>
        <FileInput
          label={t('network.edit.newVersion')}
          description={t('network.upload.fileHint')}
          accept=".pdf,.docx,.odt,.txt,application/pdf,text/plain"
          value={file}
          onChange={setFile}
          error={errorOf('/file')}
        />
        <ProblemAlert error={error} />
        {share !== null ? (
          <Stack gap={4} role="status">
            <Text size="sm">
              {share < 1 ? t('network.upload.sending', { percent: Math.round(share * 100) }) : t('network.upload.checking')}
            </Text>
            <Progress value={share * 100} aria-label={t('network.upload.progress')} />
          </Stack>
        ) : null}
        <Group>
          <Button type="submit" variant="default" loading={share !== null}>
            {t('network.edit.addVersion')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
