import { Button, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, queryString } from '../app/api';
import { useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { useSession } from '../app/session';
import { usePageTitle } from '../app/usePageTitle';
import { DocumentFields, NEW_DOCUMENT, UploadProgress, useDocumentDetails } from './DocumentFields';
import { membershipQuery, uploadDocument } from './queries';

/** Adds a document to the library: the file, its details and who may open it, with the upload's progress. */
export function UploadPage() {
  const { t } = useTranslation();
  usePageTitle(t('network.upload.title'));
  const session = useSession();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [details, set] = useDocumentDetails(NEW_DOCUMENT);
  const membership = useQuery(membershipQuery());
  const [share, setShare] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tried, setTried] = useState(false);
  const missing: Record<string, boolean> = tried
    ? { '/file': !file, '/title': !details.title.trim(), '/language': !details.language, '/type': !details.type }
    : {};
  const errorOf = useFieldErrors(error, missing);

  const submit = async () => {
    setTried(true);
    if (!file || !details.title.trim() || !details.language || !details.type || !session) return;
    setError(null);
    setShare(0);
    const query = queryString({
      title: details.title.trim(),
      summary: details.summary.trim(),
      type: details.type,
      language: details.language,
      country: details.country,
      keyAreas: details.keyAreas.join(','),
      issuedOn: details.issuedOn,
      sourceOrganisation: details.source.trim(),
      licence: details.licence.trim(),
      access: details.access,
      groups: details.access === 'groups' ? details.groups.join(',') : undefined,
      fileName: file.name,
    });
    try {
      const doc = await uploadDocument(`/library/documents${query}`, file, session.csrfToken, setShare);
      await navigate({ to: `/library/documents/${doc.id}` });
    } catch (failure) {
      setError(failure);
      setShare(null);
    }
  };

  return (
    <Stack gap="md" maw={720}>
      <Title order={1}>{t('network.upload.title')}</Title>
      <Text c="dimmed">{t('network.upload.intro')}</Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <FileInput
            label={t('network.upload.file')}
            description={t('network.upload.fileHint')}
            accept=".pdf,.docx,.odt,.txt,application/pdf,text/plain"
            value={file}
            onChange={setFile}
            error={errorOf('/file')}
            required
          />
          <DocumentFields details={details} set={set} errorOf={errorOf} manages={membership.data?.manages ?? false} />
          <ProblemAlert error={error instanceof ApiProblem && error.errors.length > 0 ? null : error} />
          <UploadProgress share={share} />
          <Group>
            <Button type="submit" loading={share !== null}>
              {t('network.upload.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
