import { Anchor, Badge, Button, Card, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { Pager } from '../app/Pager';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { useKeyAreaNames } from '../reference/pickers';
import { PAGE_SIZE, requestsQuery, SUBREGIONS } from './queries';

const STATUSES = ['open', 'resolved'] as const;

/** The network's requests for assistance ("who has experience with …?"), filtered and paged. */
export function RequestsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('network.requests.title'));
  const [keyArea, setKeyArea] = useState<string | null>(null);
  const [subregion, setSubregion] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const requests = useQuery(requestsQuery({ keyArea, subregion, status, offset }));
  const keyAreas = useKeyAreaNames();
  const filtered = Boolean(keyArea || subregion || status);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const filter = (set: (v: string | null) => void) => (value: string | null) => {
    set(value);
    setOffset(0);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Title order={1}>{t('network.requests.title')}</Title>
        <Button component={Link} to="/network/requests/ask">
          {t('network.requests.ask')}
        </Button>
      </Group>
      <Text c="dimmed">{t('network.requests.intro')}</Text>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('network.facet.keyArea')}
          data={keyAreas.options}
          value={keyArea}
          onChange={filter(setKeyArea)}
          clearable
        />
        <Select
          label={t('network.requests.subregion')}
          data={SUBREGIONS.map((value) => ({ value, label: t(`network.subregion.${value}`) }))}
          value={subregion}
          onChange={filter(setSubregion)}
          clearable
        />
        <Select
          label={t('network.requests.status')}
          data={STATUSES.map((value) => ({ value, label: t(`network.requests.statuses.${value}`) }))}
          value={status}
          onChange={filter(setStatus)}
          clearable
        />
      </Group>
      <ProblemAlert error={requests.error} />
      {requests.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {requests.data && requests.data.items.length === 0 ? (
        filtered ? (
          <Text role="status">{t('network.requests.noMatch')}</Text>
        ) : (
          <EmptyState
            message={t('network.requests.empty')}
            actions={[{ label: t('network.requests.ask'), to: '/network/requests/ask' }]}
          />
        )
      ) : null}
      {requests.data && requests.data.items.length > 0 ? (
        <>
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {requests.data.items.map((r) => (
              <Card component="li" key={r.id} withBorder padding="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div>
                    <Anchor component={Link} to={`/network/requests/${r.id}`} fw={600}>
                      {r.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {r.author ?? '—'} · {when.format(new Date(r.createdAt))}
                      {r.keyAreas.length > 0 ? ` · ${r.keyAreas.map((k) => keyAreas.name(k)).join(', ')}` : ''}
                    </Text>
                  </div>
                  <Group gap={4} wrap="nowrap">
                    <Badge variant="outline">{t('network.requests.answers', { count: r.answers })}</Badge>
                    <Badge color={r.status === 'resolved' ? 'green' : 'blue'}>{t(`network.requests.statuses.${r.status}`)}</Badge>
                  </Group>
                </Group>
              </Card>
            ))}
          </Stack>
          <Pager
            total={requests.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={setOffset}
            label={t('network.requests.pages')}
          />
        </>
      ) : null}
    </Stack>
  );
}
