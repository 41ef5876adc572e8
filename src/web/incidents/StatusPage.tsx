import { Badge, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptStatusView } from '../../server/incidents/submission/schemas.js';
import { api } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { STATUS_COLOURS } from './queries';

/** The reporter checks a report's status with the receipt code; they learn nothing else. */
export function StatusPage() {
  const { t } = useTranslation();
  usePageTitle(t('incidents.status.title'));
  const [code, setCode] = useState('');
  const check = useMutation({
    mutationFn: () => api.post<ReceiptStatusView>('/incidents/receipts/status', { code: code.trim().toUpperCase() }),
  });
  return (
    <Stack gap="md" maw={520}>
      <Title order={1}>{t('incidents.status.title')}</Title>
      <Text>{t('incidents.status.intro')}</Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          check.mutate();
        }}
      >
        <Group align="end">
          <TextInput
            label={t('incidents.status.code')}
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            autoComplete="off"
            style={{ flex: 1 }}
          />
          <Button type="submit" loading={check.isPending}>
            {t('incidents.status.check')}
          </Button>
        </Group>
      </form>
      <ProblemAlert error={check.error} />
      {check.data ? (
        <Stack gap={4} aria-live="polite">
          <Group>
            <Text>{t('incidents.status.current')}</Text>
            <Badge color={STATUS_COLOURS[check.data.status]} data-testid="receipt-status">
              {t(`incidents.statusName.${check.data.status}`)}
            </Badge>
          </Group>
          <Text size="sm">{t('incidents.status.dates', { received: check.data.receivedAt, updated: check.data.updatedAt })}</Text>
          <Text size="sm">{t(`incidents.statusHelp.${check.data.status}`)}</Text>
        </Stack>
      ) : null}
    </Stack>
  );
}
