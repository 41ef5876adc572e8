import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { useCountryNames } from '../reference/pickers';
import type { CheckInView } from './queries';

/** The entrance: the organiser opens the address of a ticket's QR code (or types its token) and checks the participant in, once. */
export function CheckInPage() {
  const { t } = useTranslation();
  const params = useParams({ strict: false }) as { token?: string };
  const countries = useCountryNames();
  usePageTitle(t('conferences.checkIn.title'));
  const [token, setToken] = useState(params.token ?? '');
  const checkIn = useMutation({ mutationFn: () => api.post<CheckInView>('/conferences/check-in', { token: token.trim() }) });
  const done = checkIn.data;
  return (
    <Stack gap="sm" maw={520}>
      <Title order={1}>{t('conferences.checkIn.title')}</Title>
      <Text>{t('conferences.checkIn.intro')}</Text>
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          if (token.trim()) checkIn.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput label={t('conferences.checkIn.token')} value={token} onChange={(ev) => setToken(ev.currentTarget.value)} />
          <Button type="submit" fullWidth loading={checkIn.isPending}>
            {t('conferences.checkIn.submit')}
          </Button>
        </Stack>
      </form>
      <ProblemAlert error={checkIn.error} />
      {done ? (
        <Alert role="status" color="green">
          {t('conferences.checkIn.done', {
            name: done.name,
            organisation: done.organisation,
            country: done.countryIso2 ? countries.name(done.countryIso2) : '—',
            event: done.eventTitle,
          })}
        </Alert>
      ) : null}
    </Stack>
  );
}
