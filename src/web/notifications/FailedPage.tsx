import { Button, Loader, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { Pager } from '../app/Pager';
import { ProblemAlert } from '../app/ProblemAlert';
import { ForbiddenPage } from '../app/StatusPages';
import { useCan } from '../app/session';
import { usePageTitle } from '../app/usePageTitle';
import { failedQuery, NOTICES_PAGE_SIZE } from './queries';

function FailedEmails() {
  const { t, i18n } = useTranslation();
  const [offset, setOffset] = useState(0);
  const failed = useQuery(failedQuery(offset));
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: (id: number) => api.post(`/notifications/failed/${id}/retry`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications', 'failed'] }),
  });
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('notifications.failed.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('notifications.failed.intro')}
        </Text>
      </div>
      <ProblemAlert error={failed.error ?? retry.error} />
      {failed.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {failed.data ? (
        failed.data.items.length === 0 ? (
          <Text role="status">{t('notifications.failed.none')}</Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={720}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('notifications.failed.recipient')}</Table.Th>
                    <Table.Th scope="col">{t('notifications.failed.about')}</Table.Th>
                    <Table.Th scope="col">{t('notifications.failed.attempts')}</Table.Th>
                    <Table.Th scope="col">{t('notifications.failed.error')}</Table.Th>
                    <Table.Th scope="col">{t('notifications.failed.created')}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('notifications.failed.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {failed.data.items.map((email) => (
                    <Table.Tr key={email.id}>
                      <Table.Td>
                        {email.recipient.name}
                        <Text size="xs" c="dimmed">
                          {email.recipient.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {email.kinds.length === 1
                          ? t(`notifications.kind.${email.kinds[0]}`)
                          : t('notifications.failed.digest', { count: email.kinds.length })}
                      </Table.Td>
                      <Table.Td>{email.attempts}</Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ wordBreak: 'break-word' }}>
                          {email.lastError}
                        </Text>
                      </Table.Td>
                      <Table.Td>{when.format(new Date(email.createdAt))}</Table.Td>
                      <Table.Td>
                        {email.actions.includes('retry') ? (
                          <Button
                            size="xs"
                            variant="default"
                            loading={retry.isPending && retry.variables === email.id}
                            onClick={() => retry.mutate(email.id)}
                          >
                            {t('notifications.failed.retry')}
                          </Button>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager
              total={failed.data.total}
              limit={NOTICES_PAGE_SIZE}
              offset={offset}
              onChange={setOffset}
              label={t('notifications.failed.pages')}
            />
          </>
        )
      ) : null}
    </Stack>
  );
}

/** Emails that could not be sent after every attempt, for the co-ordinator to put right and send again. */
export function FailedPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.failed.title'));
  return useCan('notification.oversee') ? <FailedEmails /> : <ForbiddenPage />;
}
