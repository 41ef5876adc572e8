import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { EmptyState } from '../app/EmptyState';
import { useFieldErrors } from '../app/form-errors';
import { Pager } from '../app/Pager';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { type NoticeDetail, noticesQuery, PAGE_SIZE, SUBREGIONS } from './queries';

/** The notices board: notices sent and received, with acknowledgement status, and a form to post one. */
export function NoticesPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('network.notices.title'));
  const [offset, setOffset] = useState(0);
  const notices = useQuery(noticesQuery(offset));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [subregion, setSubregion] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const post = useMutation({
    mutationFn: () =>
      api.post<NoticeDetail>('/network/notices', {
        title: title.trim(),
        body: body.trim(),
        urgent,
        ...(subregion ? { subregion } : {}),
      }),
    onSuccess: async (notice) => {
      await queryClient.invalidateQueries({ queryKey: ['network'] });
      await navigate({ to: `/network/notices/${notice.id}` });
    },
  });
  const missing: Record<string, boolean> = tried ? { '/title': !title.trim(), '/body': !body.trim() } : {};
  const errorOf = useFieldErrors(post.error, missing);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <Stack gap="md">
      <Title order={1}>{t('network.notices.title')}</Title>
      <Text c="dimmed">{t('network.notices.intro')}</Text>
      <ProblemAlert error={notices.error} />
      {notices.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {notices.data && notices.data.items.length === 0 ? <EmptyState message={t('network.notices.empty')} /> : null}
      {notices.data && notices.data.items.length > 0 ? (
        <>
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {notices.data.items.map((n) => (
              <Card component="li" key={n.id} withBorder padding="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div>
                    <Anchor component={Link} to={`/network/notices/${n.id}`} fw={600}>
                      {n.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {n.author ?? '—'} · {when.format(new Date(n.createdAt))} ·{' '}
                      {n.subregion ? t(`network.subregion.${n.subregion}`) : t('network.notices.everyone')}
                    </Text>
                  </div>
                  <Group gap={4}>
                    {n.urgent ? <Badge color="red">{t('network.notices.urgent')}</Badge> : null}
                    {n.mine && n.urgent ? (
                      <Badge color={n.mine.acknowledgedAt ? 'green' : 'orange'}>
                        {t(n.mine.acknowledgedAt ? 'network.notices.acknowledged' : 'network.notices.toAcknowledge')}
                      </Badge>
                    ) : null}
                    {n.urgent && !n.mine ? (
                      <Badge variant="outline">{t('network.notices.count', { done: n.acknowledged, total: n.recipients })}</Badge>
                    ) : null}
                  </Group>
                </Group>
              </Card>
            ))}
          </Stack>
          <Pager
            total={notices.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={setOffset}
            label={t('network.notices.pages')}
          />
        </>
      ) : null}
      <Title order={2} size="h3">
        {t('network.notices.post')}
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (title.trim() && body.trim()) post.mutate();
        }}
      >
        <Stack gap="sm" maw={640}>
          <TextInput
            label={t('network.notices.noticeTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errorOf('/title')}
            required
          />
          <Textarea
            label={t('network.notices.body')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={errorOf('/body')}
            autosize
            minRows={3}
            required
          />
          <Select
            label={t('network.notices.to')}
            placeholder={t('network.notices.everyone')}
            data={SUBREGIONS.map((value) => ({ value, label: t(`network.subregion.${value}`) }))}
            value={subregion}
            onChange={setSubregion}
            clearable
          />
          <Checkbox
            label={t('network.notices.urgentLabel')}
            checked={urgent}
            onChange={(e) => setUrgent(e.currentTarget.checked)}
          />
          <ProblemAlert error={post.error && (post.error as { errors?: unknown[] }).errors?.length ? null : post.error} />
          <Group>
            <Button type="submit" loading={post.isPending}>
              {t('network.notices.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
