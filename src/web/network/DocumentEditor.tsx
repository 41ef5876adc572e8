import { Button, Card, FileInput, Group, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, api, queryString } from '../app/api';
import { useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { useSession } from '../app/session';
import { DocumentFields, detailsOf, UploadProgress, useDocumentDetails } from './DocumentFields';
import { type LibraryDocument, uploadDocument } from './queries';

/** Changes a document's details and who may open it (its uploader or the co-ordinator). */
export function DocumentEditor({ doc, manages, onDone }: { doc: LibraryDocument; manages: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [details, set] = useDocumentDetails(detailsOf(doc));
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      api.patch<LibraryDocument>(`/library/documents/${doc.id}`, {
        title: details.title.trim(),
        summary: details.summary.trim(),
        type: details.type,
        language: details.language,
        country: details.country,
        keyAreas: details.keyAreas,
        issuedOn: details.issuedOn || null,
        sourceOrganisation: details.source.trim(),
        licence: details.licence.trim(),
        access: details.access,
        ...(details.access === 'groups' ? { groups: details.groups } : {}),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['library'] });
      onDone();
    },
  });
  const errorOf = useFieldErrors(save.error, tried ? { '/title': !details.title.trim() } : {});

  return (
    <Card withBorder padding="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (details.title.trim()) save.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('network.edit.title')}
          </Title>
          <DocumentFields details={details} set={set} errorOf={errorOf} manages={manages} />
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
      setError(failure);
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
        <UploadProgress share={share} />
        <Group>
          <Button type="submit" variant="default" loading={share !== null}>
            {t('network.edit.addVersion')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
