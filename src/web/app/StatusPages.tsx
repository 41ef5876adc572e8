import { Alert, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AlertIcon } from './icons';
import { problemMessage } from './ProblemAlert';
import { usePageTitle } from './usePageTitle';

export function PendingPage() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Loader size="md" aria-label={t('app.loading')} />
    </Center>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <Stack align="flex-start" maw={640}>
      <Title order={1}>{t('notFound.title')}</Title>
      <Text>{t('notFound.body')}</Text>
      <Button component={Link} to="/">
        {t('notFound.home')}
      </Button>
    </Stack>
  );
}

/** Shown when a page cannot be prepared at all, e.g. when the server cannot be reached. */
export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  usePageTitle(t('errorPage.title'));
  return (
    <Stack align="flex-start" maw={640} p="xl">
      <Title order={1}>{t('errorPage.title')}</Title>
      <Alert color="red" variant="light" icon={<AlertIcon />} role="alert" w="100%">
        {problemMessage(t, error)}
      </Alert>
      <Button onClick={() => window.location.reload()}>{t('errorPage.reload')}</Button>
    </Stack>
  );
}

/** Shown in place of a page the person may not open; the server refuses its data anyway. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  usePageTitle(t('forbidden.title'));
  return (
    <Stack align="flex-start" maw={640}>
      <Title order={1}>{t('forbidden.title')}</Title>
      <Text>{t('forbidden.body')}</Text>
      <Button component={Link} to="/">
        {t('notFound.home')}
      </Button>
    </Stack>
  );
}
