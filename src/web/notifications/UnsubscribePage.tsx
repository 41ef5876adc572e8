import { Alert, Button, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { type UnsubscribeView, unsubscribeQuery } from './queries';

/**
 * Where an email's unsubscribe link leads. It asks before it acts: a mail scanner that follows the
 * link must not unsubscribe anyone (mail clients use the one-click POST of RFC 8058 instead).
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.unsubscribe.title'));
  const { token } = useParams({ strict: false }) as { token: string };
  const described = useQuery(unsubscribeQuery(token));
  const confirm = useMutation({ mutationFn: () => api.post<UnsubscribeView>(`/notifications/unsubscribe/${token}`) });
  const category = described.data ? t(`notifications.category.${described.data.category}`) : '';

  return (
    <Stack gap="md" maw={560}>
      <Title order={1}>{t('notifications.unsubscribe.title')}</Title>
      <ProblemAlert error={described.error ?? confirm.error} />
      {described.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {confirm.isSuccess ? (
        <Alert color="green" role="status">
          {t('notifications.unsubscribe.done', { category })}
        </Alert>
      ) : described.data ? (
        described.data.mode === 'off' ? (
          <Text role="status">{t('notifications.unsubscribe.already', { category })}</Text>
        ) : (
          <>
            <Text>{t('notifications.unsubscribe.question', { category })}</Text>
            <Button onClick={() => confirm.mutate()} loading={confirm.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('notifications.unsubscribe.confirm')}
            </Button>
          </>
        )
      ) : null}
    </Stack>
  );
}
