import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../app/api';
import { EmptyState } from '../app/EmptyState';
import { Pager } from '../app/Pager';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import type { DocumentSummary, Page } from './queries';

/** The public list of adopted decisions and declarations; fits a phone. */
export function DecisionsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('consensus.public.title'));
  const [offset, setOffset] = useState(0);
  const list = useQuery({
    queryKey: ['consensus', 'public', offset],
    queryFn: () => api.get<Page<DocumentSummary>>(`/consensus/public/decisions${queryString({ offset, limit: 20 })}`),
  });
  const items = list.data?.items ?? [];
  return (
    <Stack gap="md">
      <Title order={1}>{t('consensus.public.title')}</Title>
      <Text>{t('consensus.public.intro')}</Text>
      <ProblemAlert error={list.error} />
      {list.data && items.length === 0 ? <EmptyState message={t('consensus.public.empty')} /> : null}
      {items.map((d) => (
        <Paper key={d.id} withBorder p="sm">
          <Anchor component={Link} to={`/decisions/${d.id}`} fw={600}>
            {d.decisionSymbol}
          </Anchor>
          <Text>{d.title}</Text>
          {d.adoptedAt ? (
            <Text size="sm" c="dimmed">
              {t('consensus.public.adopted', {
                date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date(d.adoptedAt)),
              })}
            </Text>
          ) : null}
        </Paper>
      ))}
      {list.data ? (
        <Pager
          total={list.data.total}
          limit={list.data.limit}
          offset={offset}
          onChange={setOffset}
          label={t('consensus.public.title')}
        />
      ) : null}
    </Stack>
  );
}
