import { Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session';
import { usePageTitle } from '../app/usePageTitle';
import { LANGUAGES } from '../i18n';
import { useGrantLabel } from '../reference/GrantLabel';

function PublicWelcome() {
  const { t } = useTranslation();
  return (
    <Stack maw={760} gap="lg">
      <Title order={1}>{t('home.public.title')}</Title>
      <Text size="lg">{t('home.public.intro')}</Text>
      <Text>{t('home.public.reference')}</Text>
      <Group>
        <Button component={Link} to="/reference">
          {t('home.public.browse')}
        </Button>
        <Button component={Link} to="/sign-in" variant="default">
          {t('account.signIn')}
        </Button>
      </Group>
    </Stack>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const grantLabel = useGrantLabel(session?.grants ?? []);
  usePageTitle(session ? t('home.title') : t('home.public.title'));
  if (!session) return <PublicWelcome />;

  const { user, grants, permissions } = session;
  const languageName = LANGUAGES.find((language) => language.code === user.language)?.name ?? user.language;
  return (
    <Stack gap="lg">
      <Title order={1}>{t('home.welcome', { name: user.name })}</Title>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder padding="lg" component="section" aria-labelledby="home-account">
          <Title order={2} size="h4" id="home-account" mb="sm">
            {t('home.account')}
          </Title>
          <Text fw={500}>{user.name}</Text>
          <Text size="sm">{user.email}</Text>
          <Text size="sm" c="dimmed" mt="xs">
            {t('home.language', { language: languageName })}
          </Text>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="home-roles">
          <Title order={2} size="h4" id="home-roles" mb="sm">
            {t('home.roles')}
          </Title>
          {grants.length === 0 ? (
            <Text size="sm">{t('home.noRoles')}</Text>
          ) : (
            <List size="sm" spacing={4}>
              {grants.map((grant) => (
                <List.Item key={`${grant.role}-${grant.scopeType}-${grant.organisationId}-${grant.countryIso2}`}>
                  {grantLabel(grant)}
                </List.Item>
              ))}
            </List>
          )}
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="home-abilities">
          <Title order={2} size="h4" id="home-abilities" mb="sm">
            {t('home.abilities')}
          </Title>
          <List size="sm" spacing={4}>
            <List.Item>{t('home.readReference')}</List.Item>
            {permissions.map((verb) => (
              <List.Item key={verb}>{t(`permission.${verb}`, { defaultValue: verb })}</List.Item>
            ))}
          </List>
        </Card>
      </SimpleGrid>
      <Group>
        <Button component={Link} to="/reference" variant="default">
          {t('nav.reference')}
        </Button>
        {permissions.includes('user.read') ? (
          <Button component={Link} to="/users" variant="default">
            {t('nav.users')}
          </Button>
        ) : null}
        {permissions.includes('audit.read') ? (
          <Button component={Link} to="/audit" variant="default">
            {t('nav.audit')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
