import { Button, FileInput, Group, MultiSelect, Progress, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, queryString } from '../app/api';
import { useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { useSession } from '../app/session';
import { usePageTitle } from '../app/usePageTitle';
import { CountryPicker, KeyAreasPicker, LanguagePicker } from '../reference/pickers';
import { useAccessOptions } from './DocumentEditor';
import { DOCUMENT_TYPES, membershipQuery, uploadDocument } from './queries';

/** Adds a document to the library: the file, its details and who may open it, with the upload's progress. */
export function UploadPage() {
  const { t } = useTranslation();
  usePageTitle(t('network.upload.title'));
  const session = useSession();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [type, setType] = useState<string | null>('good_practice');
  const [language, setLanguage] = useState<string | null>(null);
  const [country, setCountry] = useState<string | null>(null);
  const [keyAreas, setKeyAreas] = useState<string[]>([]);
  const [issuedOn, setIssuedOn] = useState('');
  const [source, setSource] = useState('');
  const [licence, setLicence] = useState('');
  const [access, setAccess] = useState<string | null>('network');
  const [groups, setGroups] = useState<string[]>([]);
  const membership = useQuery(membershipQuery());
  const options = useAccessOptions(membership.data?.manages ?? false);
  const [share, setShare] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tried, setTried] = useState(false);
  const missing: Record<string, boolean> = tried
    ? { '/file': !file, '/title': !title.trim(), '/language': !language, '/type': !type }
    : {};
  const errorOf = useFieldErrors(error, missing);

  const submit = async () => {
    setTried(true);
    if (!file || !title.trim() || !language || !type || !session) return;
    setError(null);
    setShare(0);
    const query = queryString({
      title: title.trim(),
      summary: summary.trim(),
      type,
      language,
      country,
      keyAreas: keyAreas.join(','),
      issuedOn,
      sourceOrganisation: source.trim(),
      licence: licence.trim(),
      access,
      groups: access === 'groups' ? groups.join(',') : undefined,
      fileName: file.name,
    });
    try {
      const doc = await uploadDocument(`/library/documents${query}`, file, session.csrfToken, setShare);
      await navigate({ to: `/library/documents/${doc.id}` });
    } catch (failure) {
      const { status, body } = failure as { status: number; body: ConstructorParameters<typeof ApiProblem>[1] };
      setError(new ApiProblem(status, body));
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
              required
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
          <ProblemAlert error={error instanceof ApiProblem && error.errors.length > 0 ? null : error} />
          {share !== null ? (
            <Stack gap={4} role="status">
              <Text size="sm">
                {share < 1 ? t('network.upload.sending', { percent: Math.round(share * 100) }) : t('network.upload.checking')}
              </Text>
              <Progress value={share * 100} aria-label={t('network.upload.progress')} />
            </Stack>
          ) : null}
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
