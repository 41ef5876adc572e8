import { Alert, Button, Checkbox, FileInput, Group, NativeSelect, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryString } from '../app/api';
import { useSession } from '../app/session';
import { type UploadProgress, uploadWithProgress } from '../app/upload';
import { usePageTitle } from '../app/usePageTitle';
import { currentLanguage } from '../i18n';
import { ColumnMapping, type Mapping } from './ColumnMapping';
import { IndicatorsPanel } from './IndicatorsPanel';
import { type ImportReport, indicatorsQuery } from './queries';
import { RulesPanel } from './RulesPanel';

/** Import indicator data (with a dry run and a row-level report), then tune the rules. */
export function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('warning.import.title'));
  const session = useSession();
  const client = useQueryClient();
  const indicators = useQuery(indicatorsQuery(currentLanguage()));
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [indicator, setIndicator] = useState('');
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Mapping | undefined>();
  const onMapping = useCallback((m: Mapping | undefined) => setMapping(m), []);

  const start = async () => {
    if (!file || !session) return;
    setReport(null);
    setError(null);
    setProgress({ phase: 'uploading', share: 0 });
    try {
      const query = queryString({
        dryRun,
        fileName: file.name,
        indicator: indicator || undefined,
        mapping: mapping ? JSON.stringify(mapping) : undefined,
      });
      setReport(await uploadWithProgress<ImportReport>(`/warning/imports${query}`, file, session.csrfToken, setProgress));
      await client.invalidateQueries({ queryKey: ['warning'] });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('warning.import.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('warning.import.intro')}
        </Text>
      </div>
      <FileInput
        label={t('warning.import.file')}
        accept=".csv,.xlsx,.json,text/csv,application/json"
        value={file}
        onChange={setFile}
        clearable
        clearButtonProps={{ 'aria-label': t('warning.import.clearFile') }}
      />
      <NativeSelect
        label={t('warning.import.indicator')}
        value={indicator}
        onChange={(e) => setIndicator(e.currentTarget.value)}
        data={[
          { value: '', label: t('warning.import.fromFile') },
          ...(indicators.data ?? []).map((i) => ({ value: i.code, label: i.name })),
        ]}
      />
      <ColumnMapping file={file} onChange={onMapping} />
      <Checkbox label={t('warning.import.dryRun')} checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} />
      <Group>
        <Button onClick={start} disabled={!file || progress !== null}>
          {t('warning.import.start')}
        </Button>
      </Group>
      {progress ? (
        <div>
          <Text size="sm">{t(`warning.import.phase.${progress.phase}`)}</Text>
          <Progress value={Math.round(progress.share * 100)} aria-label={t('warning.import.progress')} animated />
        </div>
      ) : null}
      {error ? (
        <Alert color="red" title={t('warning.import.failed')}>
          {error}
        </Alert>
      ) : null}
      {report ? <ReportView report={report} /> : null}
      <RulesPanel />
      <IndicatorsPanel />
    </Stack>
  );
}

function ReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const title = report.applied
    ? t('warning.import.applied')
    : report.dryRun
      ? t('warning.import.dry')
      : t('warning.import.rejected');
  return (
    <Alert color={report.applied ? 'green' : report.dryRun ? 'blue' : 'red'} title={title} data-testid="import-report">
      <Text size="sm">
        {t('warning.import.summary', {
          rows: report.rowCount,
          values: report.values,
          inserted: report.inserted,
          updated: report.updated,
          unchanged: report.unchanged,
          alerts: report.alertsFired,
          skipped: report.skippedCount,
        })}
      </Text>
      {report.method ? (
        <Text size="sm" mt="xs" data-testid="import-method">
          {t('warning.provenance.method', { method: report.method })}
        </Text>
      ) : null}
      {report.rejected.length > 0 ? (
        <Table mt="sm" aria-label={t('warning.import.rejectedRows')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('warning.import.row')}</Table.Th>
              <Table.Th>{t('warning.import.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rejected.map((r) => (
              <Table.Tr key={`${r.row}-${r.reason}`}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td>{r.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Alert>
  );
}
