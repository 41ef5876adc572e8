import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, api } from '../app/api';
import { fieldError, ProblemAlert } from '../app/ProblemAlert';
import { SESSION_KEY, sessionQuery, useSession } from '../app/session';
import { usePageTitle } from '../app/usePageTitle';

const MIN_LENGTH = 12;

/** A refused password field in the reader's language when the server named the reason, else its own words. */
function passwordError(t: TFunction, error: unknown, pointer: string): string | undefined {
  const code = error instanceof ApiProblem ? error.fieldCode(pointer) : undefined;
  const message = fieldError(error, pointer);
  if (!code) return message;
  return t(`changePassword.weakness.${code}`, { count: MIN_LENGTH, defaultValue: message ?? '' });
}

/** Required at first sign-in and after a reset; also open to anyone who wants a new password. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const session = useSession();
  const required = session?.mustChangePassword ?? false;
  usePageTitle(t(required ? 'changePassword.requiredTitle' : 'changePassword.title'));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [missing, setMissing] = useState(false);

  const change = useMutation({
    // The forced change does not ask again for the one-time password the person just signed in with.
    mutationFn: () => api.post<void>('/auth/password', required ? { newPassword } : { currentPassword, newPassword }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      await queryClient.ensureQueryData(sessionQuery);
      void navigate({ to: '/', search: {} });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const absent = (!required && currentPassword === '') || newPassword === '';
    const differs = newPassword !== confirmation;
    setMissing(absent);
    setMismatch(differs);
    if (!absent && !differs) change.mutate();
  }

  return (
    <Stack maw={480} mx="auto" mt="lg">
      <Title order={1}>{t(required ? 'changePassword.requiredTitle' : 'changePassword.title')}</Title>
      <Text c="dimmed">{t(required ? 'changePassword.requiredIntro' : 'changePassword.intro')}</Text>
      {change.isSuccess ? (
        <Alert color="green" role="status">
          {t('changePassword.done')}
        </Alert>
      ) : null}
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <ProblemAlert error={change.error} />
            {/* Lets password managers file the new password under the right account. */}
            <input type="text" name="username" autoComplete="username" value={session?.user.email ?? ''} readOnly hidden />
            {required ? null : (
              <PasswordInput
                label={t('changePassword.current')}
                autoComplete="current-password"
                required
                value={currentPassword}
                onChange={(event) => setCurrentPassword(event.currentTarget.value)}
                error={
                  passwordError(t, change.error, '/currentPassword') ??
                  (missing && !currentPassword ? t('form.required') : undefined)
                }
              />
            )}
            <PasswordInput
              label={t('changePassword.new')}
              description={t('changePassword.rules', { count: MIN_LENGTH })}
              autoComplete="new-password"
              required
              minLength={MIN_LENGTH}
              value={newPassword}
              onChange={(event) => setNewPassword(event.currentTarget.value)}
              error={passwordError(t, change.error, '/newPassword') ?? (missing && !newPassword ? t('form.required') : undefined)}
            />
            <PasswordInput
              label={t('changePassword.confirm')}
              autoComplete="new-password"
              required
              value={confirmation}
              onChange={(event) => setConfirmation(event.currentTarget.value)}
              error={mismatch ? t('changePassword.mismatch') : undefined}
            />
            <Button type="submit" loading={change.isPending}>
              {t('changePassword.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
