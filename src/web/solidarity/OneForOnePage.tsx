import { Anchor, Badge, Button, FileInput, Group, List, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OneForOneImportReport, OneForOneView } from '../../server/solidarity/one-for-one/schemas.js';
import { ApiProblem, api, queryString } from '../app/api';
import { EmptyState } from '../app/EmptyState';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { BarChartView } from './Chart';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ONE_FOR_ONE = ['solidarity', 'one-for-one'] as const;

/** The month a row covers, in the reader's language (e.g. “March 2018”). */
function useMonthName() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (month: string) => format.format(new Date(`${month}-01T00:00:00Z`));
}

/** Row-level errors of a refused import, each with its row and column. */
function RowErrors({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiProblem) || error.errors.length === 0) return null;
  return (
    <List size="sm" aria-label={t('solidarity.oneForOne.rowErrors')}>
      {error.errors.map((e) => {
        const [, part, where, column] = e.pointer.split('/');
        const place =
          part === 'rows'
            ? t('solidarity.oneForOne.atCell', { row: where, column })
            : t('solidarity.oneForOne.atColumn', { column: where });
        return (
          <List.Item key={e.pointer}>
            {place}: {e.message}
          </List.Item>
        );
      })}
    </List>
  );
}

function ImportForm() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) =>
      api.upload<OneForOneImportReport>(
        `/solidarity/one-for-one/import${queryString({ fileName: chosen.name })}`,
        chosen,
        chosen.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv',
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ONE_FOR_ONE }),
  });
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('solidarity.oneForOne.import')}
        </Title>
        <Text size="sm">{t('solidarity.oneForOne.importHelp')}</Text>
        <Group align="flex-end">
          <FileInput
            label={t('solidarity.oneForOne.file')}
            accept=".csv,.xlsx,text/csv"
            value={file}
            onChange={setFile}
            clearable
            w={360}
          />
          <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
            {t('solidarity.oneForOne.importButton')}
          </Button>
        </Group>
        <ProblemAlert error={upload.error} />
        <RowErrors error={upload.error} />
        {upload.data ? (
          <Text role="status" c="green.8">
            {t('solidarity.oneForOne.imported', {
              reports: upload.data.reports,
              months: upload.data.months,
              returns: number.format(upload.data.returns),
              resettled: number.format(upload.data.resettled),
            })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The 1:1 scheme of the EU-Turkey statement: returns to Turkey against Syrians resettled from Turkey, month by month. */
export function OneForOnePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('solidarity.oneForOne.title'));
  const scheme = useQuery({ queryKey: ONE_FOR_ONE, queryFn: () => api.get<OneForOneView>('/solidarity/one-for-one') });
  const monthName = useMonthName();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const months = scheme.data?.months ?? [];
  const series = useMemo(
    () => [
      { name: t('solidarity.oneForOne.returns'), values: months.map((m) => m.returns) },
      { name: t('solidarity.oneForOne.resettled'), values: months.map((m) => m.resettled) },
    ],
    [months, t],
  );
  const tableLabel = t('solidarity.oneForOne.table');
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('solidarity.oneForOne.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('solidarity.oneForOne.intro')}
        </Text>
      </div>
      {scheme.data?.actions.includes('import') ? <ImportForm /> : null}
      <ProblemAlert error={scheme.error} />
      {scheme.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {scheme.data && months.length === 0 ? <EmptyState message={t('solidarity.oneForOne.empty')} /> : null}
      {months.length > 0 ? (
        <>
          <BarChartView
            label={t('solidarity.oneForOne.chart')}
            categories={months.map((m) => monthName(m.month))}
            series={series}
            format={(v) => number.format(v)}
          />
          <Text size="sm" c="dimmed">
            {t('solidarity.oneForOne.method')}
          </Text>
          <Table.ScrollContainer minWidth={860}>
            <Table striped fz="sm" aria-label={tableLabel}>
              <Table.Caption>{tableLabel}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('solidarity.oneForOne.month')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('solidarity.oneForOne.returns')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('solidarity.oneForOne.resettled')}
                  </Table.Th>
                  <Table.Th scope="col">{t('solidarity.oneForOne.period')}</Table.Th>
                  <Table.Th scope="col">{t('solidarity.oneForOne.source')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {months.map((m) => (
                  <Table.Tr key={m.month}>
                    <Table.Th scope="row" fw={500}>
                      {monthName(m.month)}{' '}
                      {m.approximate ? (
                        <Badge size="xs" color="yellow" variant="light">
                          {t('solidarity.oneForOne.approximate')}
                        </Badge>
                      ) : null}
                    </Table.Th>
                    <Table.Td ta="right">{number.format(m.returns)}</Table.Td>
                    <Table.Td ta="right">{number.format(m.resettled)}</Table.Td>
                    <Table.Td>
                      {m.coversFrom} – {m.reportedOn}
                    </Table.Td>
                    <Table.Td>
                      {m.sourceUrl ? (
                        <Anchor href={m.sourceUrl} target="_blank" rel="noreferrer">
                          {m.source}
                        </Anchor>
                      ) : (
                        m.source
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Th scope="row">{t('solidarity.oneForOne.total')}</Table.Th>
                  <Table.Td ta="right" fw={600}>
                    {number.format(scheme.data?.totals.returns ?? 0)}
                  </Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {number.format(scheme.data?.totals.resettled ?? 0)}
                  </Table.Td>
                  <Table.Td colSpan={2} />
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      ) : null}
    </Stack>
  );
}
