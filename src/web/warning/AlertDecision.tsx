import { Button, Group, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import type { AlertView } from './queries';

/** Acknowledge or dismiss one alert with a note, when the server says the caller may. */
export function AlertDecision({ alert }: { alert: AlertView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'acknowledged' | 'dismissed') =>
      api.post<AlertView>(`/warning/alerts/${alert.id}/decision`, { decision, note }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['warning'] }),
  });
  if (alert.actions.length === 0) return null;
  return (
    <div>
      <Group align="flex-end" gap="xs">
        <TextInput
          label={t('warning.alerts.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          size="xs"
          style={{ flex: 1, minWidth: 160 }}
        />
        <Button size="xs" onClick={() => decide.mutate('acknowledged')} loading={decide.isPending}>
          {t('warning.alerts.acknowledge')}
        </Button>
        <Button size="xs" variant="default" onClick={() => decide.mutate('dismissed')} loading={decide.isPending}>
          {t('warning.alerts.dismiss')}
        </Button>
      </Group>
      {decide.error ? <ProblemAlert error={decide.error} /> : null}
    </div>
  );
}
