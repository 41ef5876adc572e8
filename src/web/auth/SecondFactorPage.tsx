import { Alert, Anchor, Button, Code, Image, List, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { fieldError, ProblemAlert } from '../app/ProblemAlert';
import { rememberSession, SESSION_KEY, sessionQuery, useSession } from '../app/session';
import type { EnrolmentView, RecoveryCodes, SecondFactorStatus, SessionView } from '../app/types';
import { usePageTitle } from '../app/usePageTitle';

const STATUS_KEY = ['second-factor'] as const;

/** After the second step: the forced password change if one is pending, else the home page. */
function useContinue() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (session?: SessionView) => {
    if (session) rememberSession(queryClient, session);
    else await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    const current = session ?? (await queryClient.ensureQueryData(sessionQuery));
    void navigate({ to: current?.mustChangePassword ? '/change-password' : '/' });
  };
}

/** The second step of signing in: a code from the authenticator app, or one of the recovery codes. */
function VerifyStep() {
  const { t } = useTranslation();
  const proceed = useContinue();
  const [recovery, setRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [missing, setMissing] = useState(false);
  const verify = useMutation({
    mutationFn: () => api.post<SessionView>('/auth/second-factor/verify', recovery ? { recoveryCode: value } : { code: value }),
    onSuccess: (session) => proceed(session),
    onError: () => setValue(''),
  });
  const pointer = recovery ? '/recoveryCode' : '/code';

  function submit(event: FormEvent) {
    event.preventDefault();
    setMissing(value.trim() === '');
    if (value.trim() !== '') verify.mutate();
  }

  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text>{t(recovery ? 'secondFactor.verify.recoveryIntro' : 'secondFactor.verify.intro')}</Text>
          <ProblemAlert error={verify.error && !fieldError(verify.error, pointer) ? verify.error : null} />
          <TextInput
            label={t(recovery ? 'secondFactor.verify.recoveryCode' : 'secondFactor.code')}
            autoComplete="one-time-code"
            inputMode={recovery ? 'text' : 'numeric'}
            required
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
            error={
              missing
                ? t('form.required')
                : fieldError(verify.error, pointer)
                  ? t(recovery ? 'secondFactor.wrongRecoveryCode' : 'secondFactor.wrongCode')
                  : undefined
            }
          />
          <Button type="submit" loading={verify.isPending} fullWidth>
            {t('secondFactor.verify.submit')}
          </Button>
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => {
              setRecovery(!recovery);
              setValue('');
              verify.reset();
            }}
          >
            {t(recovery ? 'secondFactor.verify.useApp' : 'secondFactor.verify.useRecovery')}
          </Anchor>
        </Stack>
      </form>
    </Paper>
  );
}

/** The ten recovery codes, shown once after enrolment. */
function RecoveryCodesShown({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <Alert color="green" role="status" title={t('secondFactor.enrol.done')}>
          {t('secondFactor.enrol.recoveryIntro')}
        </Alert>
        <List aria-label={t('secondFactor.enrol.recoveryLabel')} spacing={4} ff="monospace">
          {codes.map((code) => (
            <List.Item key={code}>{code}</List.Item>
          ))}
        </List>
        <Button onClick={onDone}>{t('secondFactor.enrol.continue')}</Button>
      </Stack>
    </Paper>
  );
}

/** Setting up the authenticator: the QR code and its secret as text, then a code to confirm it. */
function EnrolStep({ onEnrolled }: { onEnrolled: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  const start = useMutation({ mutationFn: () => api.post<EnrolmentView>('/auth/second-factor/enrolment') });
  const confirm = useMutation({
    mutationFn: () => api.post<RecoveryCodes>('/auth/second-factor/enrolment/confirm', { code }),
    onError: () => setCode(''),
  });

  if (confirm.data) return <RecoveryCodesShown codes={confirm.data.recoveryCodes} onDone={onEnrolled} />;

  function submit(event: FormEvent) {
    event.preventDefault();
    setMissing(code.trim() === '');
    if (code.trim() !== '') confirm.mutate();
  }

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <Text>{t('secondFactor.enrol.intro')}</Text>
        <ProblemAlert error={start.error} />
        {start.data ? (
          <form onSubmit={submit} noValidate>
            <Stack>
              <Image src={start.data.qrCode} alt={t('secondFactor.enrol.qrAlt')} w={220} h={220} />
              <Text size="sm">{t('secondFactor.enrol.secretIntro')}</Text>
              <Code block aria-label={t('secondFactor.enrol.secret')}>
                {start.data.secret.replace(/(.{4})/g, '$1 ').trim()}
              </Code>
              <ProblemAlert error={confirm.error && !fieldError(confirm.error, '/code') ? confirm.error : null} />
              <TextInput
                label={t('secondFactor.code')}
                autoComplete="one-time-code"
                inputMode="numeric"
                required
                value={code}
                onChange={(event) => setCode(event.currentTarget.value)}
                error={
                  missing ? t('form.required') : fieldError(confirm.error, '/code') ? t('secondFactor.wrongCode') : undefined
                }
              />
              <Button type="submit" loading={confirm.isPending}>
                {t('secondFactor.enrol.confirm')}
              </Button>
            </Stack>
          </form>
        ) : (
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            {t('secondFactor.enrol.start')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

/** For a full session: whether the factor is on, its recovery codes left, and its removal when optional. */
function ManageFactor() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: () => api.get<SecondFactorStatus>('/auth/second-factor') });
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.delete<void>('/auth/second-factor', { password }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: STATUS_KEY }),
    onError: () => setPassword(''),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: STATUS_KEY });

  if (status.error) return <ProblemAlert error={status.error} />;
  if (!status.data) return null;
  if (!status.data.enrolled) return <EnrolStep onEnrolled={refresh} />;

  function submit(event: FormEvent) {
    event.preventDefault();
    setMissing(password === '');
    if (password !== '') remove.mutate();
  }

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <Text fw={600}>{t('secondFactor.manage.on')}</Text>
        <Text size="sm">{t('secondFactor.manage.codesLeft', { count: status.data.recoveryCodesLeft })}</Text>
        {status.data.required ? (
          <Text size="sm" c="dimmed">
            {t('secondFactor.manage.required')}
          </Text>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              <ProblemAlert error={remove.error && !fieldError(remove.error, '/password') ? remove.error : null} />
              <PasswordInput
                label={t('secondFactor.manage.password')}
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={
                  missing
                    ? t('form.required')
                    : fieldError(remove.error, '/password')
                      ? t('secondFactor.manage.wrongPassword')
                      : undefined
                }
              />
              <Button type="submit" color="red.8" variant="light" loading={remove.isPending}>
                {t('secondFactor.manage.remove')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

/** Two-factor sign-in: the second step of a sign-in, the enrolment a role requires, or one's own settings. */
export function SecondFactorPage() {
  const { t } = useTranslation();
  const session = useSession();
  const proceed = useContinue();
  const step = session?.secondFactorStep ?? null;
  const title =
    step === 'verify' ? 'secondFactor.verify.title' : step === 'enrol' ? 'secondFactor.enrol.title' : 'secondFactor.title';
  usePageTitle(t(title));
  return (
    <Stack maw={480} mx="auto" mt="lg">
      <Title order={1}>{t(title)}</Title>
      {step === 'enrol' ? <Text c="dimmed">{t('secondFactor.enrol.required')}</Text> : null}
      {step === 'verify' ? <VerifyStep /> : step === 'enrol' ? <EnrolStep onEnrolled={() => void proceed()} /> : <ManageFactor />}
    </Stack>
  );
}
