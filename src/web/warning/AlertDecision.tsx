import { Badge, Button, Group, MultiSelect, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertDriversView, DriverView } from '../../server/warning/flows/schemas.js';
import { api, queryString } from '../app/api';
import { fieldErrorWithin } from '../app/field-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { useApiLanguage } from '../reference/queries';
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

/**
 * The drivers of displacement named for an alert: chosen from the classification in the reader's
 * language by those who may decide on the alert's country, shown as labels to everyone else.
 */
export function AlertDrivers({ alert }: { alert: AlertView }) {
  const { t } = useTranslation();
  const lang = useApiLanguage();
  const client = useQueryClient();
  const all = useQuery({
    queryKey: ['warning', 'drivers', lang],
    queryFn: () => api.get<DriverView[]>(`/warning/drivers${queryString({ lang })}`),
    enabled: alert.mayClassify || alert.drivers.length > 0,
  });
  const save = useMutation({
    mutationFn: (drivers: string[]) => api.put<AlertDriversView>(`/warning/alerts/${alert.id}/drivers`, { drivers }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['warning'] }),
  });
  const name = (code: string) => all.data?.find((d) => d.code === code)?.name ?? '';
  if (alert.mayClassify) {
    return (
      <>
        <MultiSelect
          size="xs"
          mt="xs"
          label={t('warning.alerts.drivers')}
          placeholder={alert.drivers.length === 0 ? t('warning.alerts.noDrivers') : undefined}
          data={(all.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
          value={alert.drivers}
          onChange={(next) => save.mutate(next)}
          searchable
          clearable
          error={fieldErrorWithin(save.error, '/drivers')}
          disabled={save.isPending}
        />
        <ProblemAlert error={save.error} />
      </>
    );
  }
  if (alert.drivers.length === 0) return null;
  return (
    <Group gap="xs" mt="xs" aria-label={t('warning.alerts.drivers')} role="group">
      {alert.drivers.map((code) => (
        <Badge key={code} variant="light">
          {name(code)}
        </Badge>
      ))}
    </Group>
  );
}
