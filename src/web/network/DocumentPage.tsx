import { Alert, Anchor, Badge, Button, Group, Loader, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { useCountryNames, useKeyAreaNames, useLanguageNames } from '../reference/pickers';
import { DocumentEditor, NewVersion } from './DocumentEditor';
import { documentQuery, membershipQuery } from './queries';

/** One document: its details, the reading of its text, its versions, and a preview of a PDF. */
export function DocumentPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const doc = useQuery(documentQuery(id));
  const [editing, setEditing] = useState(false);
  const canEdit = doc.data?.actions.includes('edit') ?? false;
  const membership = useQuery({ ...membershipQuery(), enabled: canEdit });
  usePageTitle(doc.data?.title ?? t('network.library.title'));
  const countries = useCountryNames();
  const keyAreas = useKeyAreaNames();
  const languages = useLanguageNames();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  if (doc.isPending) return <Loader aria-label={t('app.loading')} />;
  if (!doc.data) return <ProblemAlert error={doc.error} />;
  const d = doc.data;
  const current = d.versions.find((v) => v.version === d.currentVersion) ?? d.versions[0];
  const reading = current && (current.extraction === 'pending' || current.extraction === 'running');
  const fileUrl = (version: number, disposition: 'inline' | 'attachment') =>
    `/api/library/documents/${d.id}/file?version=${version}&disposition=${disposition}`;

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{d.title}</Title>
        <Group gap={6} mt={6}>
          <Badge variant="light">{t(`network.type.${d.type}`)}</Badge>
          <Badge variant="outline">{languages.name(d.language)}</Badge>
          {d.country ? <Badge variant="outline">{countries.name(d.country)}</Badge> : null}
          <Badge color={d.access === 'public' ? 'green' : 'orange'}>{t(`network.access.${d.access}`)}</Badge>
        </Group>
      </div>
      {canEdit && !editing ? (
        <Group>
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('network.edit.open')}
          </Button>
        </Group>
      ) : null}
      {editing ? <DocumentEditor doc={d} manages={membership.data?.manages ?? false} onDone={() => setEditing(false)} /> : null}
      {d.summary ? <Text>{d.summary}</Text> : null}
      <Table>
        <Table.Tbody>
          {d.keyAreas.length > 0 ? (
            <Table.Tr>
              <Table.Th>{t('network.document.keyAreas')}</Table.Th>
              <Table.Td>{d.keyAreas.map((k) => keyAreas.name(k)).join(', ')}</Table.Td>
            </Table.Tr>
          ) : null}
          {d.issuedOn ? (
            <Table.Tr>
              <Table.Th>{t('network.document.issuedOn')}</Table.Th>
              <Table.Td>{when.format(new Date(d.issuedOn))}</Table.Td>
            </Table.Tr>
          ) : null}
          {d.sourceOrganisation ? (
            <Table.Tr>
              <Table.Th>{t('network.document.source')}</Table.Th>
              <Table.Td>{d.sourceOrganisation}</Table.Td>
            </Table.Tr>
          ) : null}
          {d.licence ? (
            <Table.Tr>
              <Table.Th>{t('network.document.licence')}</Table.Th>
              <Table.Td>{d.licence}</Table.Td>
            </Table.Tr>
          ) : null}
          {d.groups.length > 0 ? (
            <Table.Tr>
              <Table.Th>{t('network.document.groups')}</Table.Th>
              <Table.Td>{d.groups.map((g) => g.name).join(', ')}</Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
      {reading && current ? (
        <Stack gap={4} role="status">
          <Text size="sm">
            {current.pageCount
              ? t('network.document.readingPages', { done: current.pagesDone, total: current.pageCount })
              : t('network.document.reading')}
          </Text>
          <Progress
            value={current.pageCount ? (100 * current.pagesDone) / current.pageCount : 10}
            animated
            aria-label={t('network.document.reading')}
          />
        </Stack>
      ) : null}
      {current?.extraction === 'done' ? (
        <Text size="sm" c="dimmed" data-extraction="done">
          {t('network.document.searchable')}
        </Text>
      ) : null}
      {current?.extraction === 'failed' ? <Alert color="red">{t('network.document.failed')}</Alert> : null}
      {current?.hasTextLayer === false ? <Alert color="yellow">{t('network.document.noTextLayer')}</Alert> : null}
      <Title order={2} size="h3">
        {t('network.document.versions')}
      </Title>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('network.document.version')}</Table.Th>
            <Table.Th>{t('network.document.file')}</Table.Th>
            <Table.Th>{t('network.document.uploaded')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.versions.map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td>{v.version}</Table.Td>
              <Table.Td>
                <Anchor href={fileUrl(v.version, 'attachment')} download>
                  {v.fileName}
                </Anchor>{' '}
                <Text span size="xs" c="dimmed">
                  ({Math.max(1, Math.round(v.byteSize / 1024))} KB
                  {v.pageCount ? `, ${t('network.document.pages', { count: v.pageCount })}` : ''})
                </Text>
              </Table.Td>
              <Table.Td>{when.format(new Date(v.uploadedAt))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {d.actions.includes('add_version') ? <NewVersion doc={d} /> : null}
      {current?.mediaType === 'application/pdf' ? (
        <iframe
          title={t('network.document.preview')}
          src={fileUrl(current.version, 'inline')}
          style={{ width: '100%', height: '70vh', border: '1px solid var(--mantine-color-gray-4)' }}
        />
      ) : null}
    </Stack>
  );
}
