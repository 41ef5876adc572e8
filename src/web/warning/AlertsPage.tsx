import { Anchor, Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { AlertList } from './CountryPage';
import { alertsQuery } from './queries';

/** The analysts' inbox: open alerts first, each with why it fired and what to do with it. */
export function AlertsPage() {
  const { t } = useTranslation();
  usePageTitle(t('warning.alerts.title'));
  const [status, setStatus] = useState<string>('open');
  const alerts = useQuery(alertsQuery(status === 'all' ? undefined : status));
  return (
    <Stack gap="md">
      <Title order={1}>{t('warning.alerts.title')}</Title>
      <Group align="flex-end">
        <NativeSelect
          label={t('warning.alerts.status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={['open', 'acknowledged', 'dismissed', 'all'].map((s) => ({ value: s, label: t(`warning.status.${s}`) }))}
        />
        <Anchor href={`/api/warning/alerts/export.csv?hxl=true${status === 'all' ? '' : `&status=${status}`}`}>
          {t('warning.alerts.export')}
        </Anchor>
      </Group>
      {alerts.error ? <ProblemAlert error={alerts.error} /> : null}
      {alerts.isPending ? <Loader /> : <AlertList alerts={alerts.data ?? []} showCountry />}
      <Text size="xs" c="dimmed">
        {t('warning.alerts.limit')}
      </Text>
    </Stack>
  );
}
