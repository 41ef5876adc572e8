import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { useCountryNames } from '../reference/pickers';
import { MessageCard, ReplyForm } from './Discussion';
import { noticeQuery } from './queries';

/** One notice: acknowledge it, discuss it, and for its sender who has and has not acknowledged it. */
export function NoticePage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const notice = useQuery(noticeQuery(id));
  usePageTitle(notice.data?.title ?? t('network.notices.title'));
  const countries = useCountryNames();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['network'] });
  const acknowledge = useMutation({ mutationFn: () => api.post(`/network/notices/${id}/acknowledge`), onSuccess: refresh });
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  if (notice.isPending) return <Loader aria-label={t('app.loading')} />;
  if (!notice.data) return <ProblemAlert error={notice.error} />;
  const n = notice.data;

  return (
    <Stack gap="md">
      <Group gap="sm">
        <Title order={1}>{n.title}</Title>
        {n.urgent ? <Badge color="red">{t('network.notices.urgent')}</Badge> : null}
      </Group>
      <Text size="sm" c="dimmed">
        {n.author ?? '—'} · {when.format(new Date(n.createdAt))} ·{' '}
        {n.subregion ? t(`network.subregion.${n.subregion}`) : t('network.notices.everyone')}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{n.body}</Text>
      <ProblemAlert error={acknowledge.error} />
      {n.actions.includes('acknowledge') ? (
        <Alert color="orange" title={t('network.notices.pleaseAcknowledge')}>
          <Button onClick={() => acknowledge.mutate()} loading={acknowledge.isPending}>
            {t('network.notices.acknowledge')}
          </Button>
        </Alert>
      ) : null}
      {n.mine?.acknowledgedAt ? (
        <Text role="status" c="green">
          {t('network.notices.youAcknowledged', { when: when.format(new Date(n.mine.acknowledgedAt)) })}
        </Text>
      ) : null}
      {n.acknowledgements ? (
        <>
          <Title order={2} size="h3">
            {t('network.notices.status', { done: n.acknowledged, total: n.recipients })}
          </Title>
          <Table striped aria-label={t('network.notices.statusTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('network.directory.name')}</Table.Th>
                <Table.Th>{t('network.library.country')}</Table.Th>
                <Table.Th>{t('network.notices.acknowledgedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {n.acknowledgements.map((a) => (
                <Table.Tr key={a.userId}>
                  <Table.Td>{a.name}</Table.Td>
                  <Table.Td>{a.country ? countries.name(a.country) : '—'}</Table.Td>
                  <Table.Td>
                    {a.acknowledgedAt ? (
                      <Badge color="green">{when.format(new Date(a.acknowledgedAt))}</Badge>
                    ) : (
                      <Badge color="orange">{t('network.notices.notYet')}</Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
      <Title order={2} size="h3">
        {t('network.notices.discussion')}
      </Title>
      {n.comments.length === 0 ? <Text c="dimmed">{t('network.notices.noComments')}</Text> : null}
      {n.comments.map((c) => (
        <MessageCard key={c.id} byline={c.author ?? '—'} at={c.createdAt}>
          {c.body}
        </MessageCard>
      ))}
      {n.actions.includes('comment') ? (
        <ReplyForm
          path={`/network/notices/${id}/comments`}
          label={t('network.notices.comment')}
          submit={t('network.notices.addComment')}
        />
      ) : null}
    </Stack>
  );
}
