import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../app/api';
import { DownloadIcon } from '../app/icons';
import { Pager } from '../app/Pager';
import { ProblemAlert } from '../app/ProblemAlert';
import { ForbiddenPage } from '../app/StatusPages';
import { useCan } from '../app/session';
import type { AuditEntryView, Page } from '../app/types';
import { usePageTitle } from '../app/usePageTitle';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { type AuditFilterForm, auditQueryOf, EMPTY_FILTER, rangeIsValid } from './filters';

const PAGE_SIZE = 50;

function AuditLog() {
  const { t } = useTranslation();
  const canExport = useCan('audit.export');
  const [form, setForm] = useState<AuditFilterForm>(EMPTY_FILTER);
  const [offset, setOffset] = useState(0);
  const [settled] = useDebouncedValue(form, 300);
  const valid = rangeIsValid(settled);
  const query = auditQueryOf(settled);
  const entries = useQuery({
    queryKey: ['audit', query, offset],
    queryFn: () => api.get<Page<AuditEntryView>>(`/audit${queryString({ ...query, limit: PAGE_SIZE, offset })}`),
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  // The export takes the same filters as the table, so that what is downloaded is what is shown.
  const exportHref = `/api/audit/export.csv${queryString(query)}`;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('audit.title')}</Title>
          <Text c="dimmed" mt={4}>
            {t('audit.intro')}
          </Text>
        </div>
        {canExport ? (
          <Button component="a" href={valid ? exportHref : undefined} download leftSection={<DownloadIcon />} variant="default">
            {t('audit.export')}
          </Button>
        ) : null}
      </Group>
      <AuditFilters
        value={form}
        onChange={(value) => {
          setForm(value);
          setOffset(0);
        }}
      />
      <ProblemAlert error={entries.error} />
      {entries.isPending && valid ? <Loader aria-label={t('app.loading')} /> : null}
      {valid && entries.data ? (
        entries.data.items.length === 0 ? (
          <Text role="status">{t('audit.noMatch')}</Text>
        ) : (
          <>
            <AuditTable entries={entries.data.items} />
            <Pager total={entries.data.total} limit={PAGE_SIZE} offset={offset} onChange={setOffset} label={t('audit.pages')} />
          </>
        )
      ) : null}
    </Stack>
  );
}

/** The audit log, for those the server lets read it. */
export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  return useCan('audit.read') ? <AuditLog /> : <ForbiddenPage />;
}
