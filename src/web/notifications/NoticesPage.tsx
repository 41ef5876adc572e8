import { Anchor, Badge, Button, Card, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { Pager } from '../app/Pager';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { NOTICES_PAGE_SIZE, type NoticeView, noticesQuery } from './queries';

/** The signed-in person's notifications, newest first: opening one marks it read and goes to its record. */
export function NoticesPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('notifications.list.title'));
  const [offset, setOffset] = useState(0);
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const notices = useQuery(noticesQuery(offset, filter === 'unread'));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const markRead = useMutation({ mutationFn: (id: string) => api.post(`/notifications/${id}/read`), onSettled: refresh });
  const markAll = useMutation({ mutationFn: () => api.post('/notifications/read-all'), onSuccess: refresh });
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const open = async (notice: NoticeView) => {
    if (!notice.readAt) await markRead.mutateAsync(notice.id).catch(() => {});
    await navigate({ to: notice.link });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('notifications.list.title')}</Title>
          <Text c="dimmed" mt={4}>
            {t('notifications.list.intro')}{' '}
            <Anchor component={Link} to="/notifications/preferences" underline="always">
              {t('notifications.list.preferences')}
            </Anchor>
          </Text>
        </div>
        <Button variant="default" onClick={() => markAll.mutate()} loading={markAll.isPending} disabled={!notices.data?.unread}>
          {t('notifications.list.markAll')}
        </Button>
      </Group>
      <SegmentedControl
        value={filter}
        onChange={(value) => {
          setFilter(value as 'all' | 'unread');
          setOffset(0);
        }}
        data={[
          { value: 'all', label: t('notifications.list.all') },
          { value: 'unread', label: t('notifications.list.unread', { count: notices.data?.unread ?? 0 }) },
        ]}
        aria-label={t('notifications.list.filter')}
        style={{ alignSelf: 'flex-start' }}
      />
      <ProblemAlert error={notices.error ?? markAll.error} />
      {notices.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {notices.data ? (
        notices.data.items.length === 0 ? (
          <Text role="status">{t(filter === 'unread' ? 'notifications.list.noneUnread' : 'notifications.list.none')}</Text>
        ) : (
          <>
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {notices.data.items.map((notice) => (
                <Card
                  key={notice.id}
                  component="li"
                  withBorder
                  padding="sm"
                  bg={notice.readAt ? undefined : 'var(--mantine-color-gray-0)'}
                >
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    <div>
                      <Anchor
                        href={notice.link}
                        fw={notice.readAt ? 400 : 700}
                        onClick={(event) => {
                          event.preventDefault();
                          void open(notice);
                        }}
                      >
                        {notice.subject}
                      </Anchor>
                      <Text size="sm">{notice.body}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`notifications.category.${notice.category}`)} · {when.format(new Date(notice.createdAt))}
                      </Text>
                    </div>
                    {notice.readAt ? null : <Badge variant="filled">{t('notifications.list.new')}</Badge>}
                  </Group>
                </Card>
              ))}
            </Stack>
            <Pager
              total={notices.data.total}
              limit={NOTICES_PAGE_SIZE}
              offset={offset}
              onChange={setOffset}
              label={t('notifications.list.pages')}
            />
          </>
        )
      ) : null}
    </Stack>
  );
}
