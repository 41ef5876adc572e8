import { Alert, Anchor, Button, Checkbox, FileInput, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryString } from '../app/api';
import { useSession } from '../app/session';
import { type UploadProgress, uploadWithProgress } from '../app/upload';
import { usePageTitle } from '../app/usePageTitle';
import type { ImportReport } from './queries';

const OUTCOME_COLOURS = { applied: 'green', dry_run: 'blue', rejected: 'red' } as const;

/** Import and export of the 3W matrix, with progress for large files and every rejected row explained. */
export function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('directory.import.title'));
  const session = useSession();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || !session) return;
    setReport(null);
    setError(null);
    setProgress({ phase: 'uploading', share: 0 });
    try {
      const result = await uploadWithProgress<ImportReport>(
        `/directory/matrix/import${queryString({ dryRun, fileName: file.name })}`,
        file,
        session.csrfToken,
        setProgress,
      );
      setReport(result);
      if (result.outcome === 'applied') await queryClient.invalidateQueries({ queryKey: ['directory'] });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Stack gap="md" maw={960}>
      <Title order={1}>{t('directory.import.title')}</Title>
      <Text>{t('directory.import.intro')}</Text>
      <Group>
        <Anchor href="/api/directory/matrix?format=xlsx" download>
          {t('directory.import.exportXlsx')}
        </Anchor>
        <Anchor href="/api/directory/matrix?format=csv" download>
          {t('directory.import.exportCsv')}
        </Anchor>
      </Group>
      <Stack component="form" onSubmit={submit} gap="sm">
        <FileInput label={t('directory.import.file')} accept=".xlsx,.csv" value={file} onChange={setFile} clearable />
        <Checkbox label={t('directory.import.dryRun')} checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} />
        <Group>
          <Button type="submit" disabled={!file || progress !== null}>
            {dryRun ? t('directory.import.check') : t('directory.import.submit')}
          </Button>
        </Group>
      </Stack>
      {progress ? (
        <Stack gap={4} aria-live="polite">
          <Text size="sm">{t(`directory.import.phase.${progress.phase}`, { percent: Math.round(progress.share * 100) })}</Text>
          <Progress value={progress.share * 100} aria-label={t('directory.import.progress')} />
        </Stack>
      ) : null}
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
      {report ? (
        <Stack gap="sm" aria-live="polite">
          <Alert color={OUTCOME_COLOURS[report.outcome]} title={t(`directory.import.outcome.${report.outcome}`)} role="status">
            {t('directory.import.summary', {
              rows: report.rowsRead,
              created: report.created,
              updated: report.updated,
              unchanged: report.unchanged,
              rejected: report.rejected,
            })}
          </Alert>
          {report.rejections.length > 0 ? (
            <Table striped aria-label={t('directory.import.rejections')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('directory.import.row')}</Table.Th>
                  <Table.Th>{t('directory.import.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rejections.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.reasons.join(' ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
