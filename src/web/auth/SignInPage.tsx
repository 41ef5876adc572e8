import { Alert, Button, Divider, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { AlertIcon } from '../app/icons';
import { ProblemAlert } from '../app/ProblemAlert';
import { rememberSession } from '../app/session';
import type { SessionView, SsoSettingsView } from '../app/types';
import { usePageTitle } from '../app/usePageTitle';
import { adoptAccountLanguage } from '../i18n';

/** Why the server sent the browser back from single sign-on (the problem's code, in the address). */
export const SSO_REFUSALS = ['sso_failed', 'sso_email_unverified', 'account_disabled', 'unavailable'] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];

/** The organisation's single sign-on, when the server offers it: a link that leaves for the provider. */
function SingleSignOn({ redirect, refusal }: { redirect: string | undefined; refusal: SsoRefusal | undefined }) {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: ['auth', 'oidc'], queryFn: () => api.get<SsoSettingsView>('/auth/oidc') });
  const refused = refusal ? (
    <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
      {t(`problem.${refusal}`)}
    </Alert>
  ) : null;
  if (!settings.data?.enabled) return refused;
  const href = `/api/auth/oidc/start${redirect ? `?redirect=${encodeURIComponent(redirect)}` : ''}`;
  return (
    <Stack>
      {refused}
      {/* A plain link: the browser leaves for the provider's page and comes back signed in. */}
      <Button component="a" href={href} size="md" fullWidth>
        {settings.data.name ? t('signIn.sso', { name: settings.data.name }) : t('signIn.ssoGeneric')}
      </Button>
      <Divider label={t('signIn.orPassword')} labelPosition="center" />
    </Stack>
  );
}

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { redirect, sso } = useSearch({ from: '/sign-in' });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});

  const signIn = useMutation({
    mutationFn: () => api.post<SessionView>('/auth/login', { email: email.trim(), password }),
    onSuccess: (session) => {
      rememberSession(queryClient, session);
      adoptAccountLanguage(session.user.language);
      if (session.secondFactorStep) void navigate({ to: '/second-factor' });
      else if (session.mustChangePassword) void navigate({ to: '/change-password' });
      else if (redirect) void navigate({ href: redirect });
      else void navigate({ to: '/' });
    },
    onError: () => setPassword(''),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const absent = { email: email.trim() === '', password: password === '' };
    setMissing(absent);
    if (!absent.email && !absent.password) signIn.mutate();
  }

  return (
    <Stack maw={440} mx="auto" mt="xl">
      <Title order={1}>{t('signIn.title')}</Title>
      <Text c="dimmed">{t('signIn.intro')}</Text>
      <SingleSignOn redirect={redirect} refusal={sso} />
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <ProblemAlert error={signIn.error} />
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={missing.email ? t('form.required') : undefined}
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={missing.password ? t('form.required') : undefined}
            />
            <Button type="submit" loading={signIn.isPending} fullWidth>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text size="sm" c="dimmed">
        {t('signIn.help')}
      </Text>
    </Stack>
  );
}
