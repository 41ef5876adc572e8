import { Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { useCountryNames } from '../reference/pickers';
import { HtmlBlock } from './ContentView';
import { publicSummariesQuery } from './queries';

/** The public summaries of distributed mission reports, for everyone. */
export function PublicPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.public.title'));
  const summaries = useQuery(publicSummariesQuery);
  const countries = useCountryNames();
  return (
    <Stack gap="md">
      <Title order={1}>{t('reports.public.title')}</Title>
      <Text>{t('reports.public.intro')}</Text>
      <ProblemAlert error={summaries.error} />
      {summaries.data?.length === 0 ? <Text c="dimmed">{t('reports.public.none')}</Text> : null}
      {summaries.data?.map((s) => (
        <Card key={s.id} withBorder>
          <Title order={2} size="h4">
            {s.missionCode} {s.missionTitle}
          </Title>
          <Text size="sm" c="dimmed">
            {s.countries.map(countries.name).join(', ')} · {s.distributedAt?.slice(0, 10)}
          </Text>
          <HtmlBlock html={s.summary} />
        </Card>
      ))}
    </Stack>
  );
}
