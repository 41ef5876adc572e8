import { Alert, Button, Container, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../app/api';
import { usePageTitle } from '../app/usePageTitle';
import { verifyQuery } from './queries';

/** The public verification page a certificate's QR code opens: on a phone, whether the certificate is genuine and still valid. */
export function VerifyPage() {
  const { t } = useTranslation();
  usePageTitle(t('training.verify.title'));
  const { code } = useParams({ strict: false }) as { code?: string };
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code ?? '');
  const check = useQuery({ ...verifyQuery(code ?? ''), enabled: Boolean(code) });
  const c = check.data;
  return (
    <Container size="xs" px="xs">
      <Stack gap="md">
        <Title order={1}>{t('training.verify.title')}</Title>
        <Text size="sm">{t('training.verify.intro')}</Text>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void navigate({ to: '/training/verify/$code', params: { code: typed.trim().toUpperCase() } });
          }}
        >
          <Group align="end" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={t('training.verify.code')}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              placeholder="XXXX-XXXX-XXXX"
            />
            <Button type="submit">{t('training.verify.check')}</Button>
          </Group>
        </form>
        {check.error instanceof ApiProblem && check.error.status === 404 ? (
          <Alert color="red" title={t('training.verify.unknown')}>
            {t('training.verify.unknownText')}
          </Alert>
        ) : null}
        {check.error instanceof ApiProblem && check.error.status !== 404 ? (
          <Alert color="red">{check.error.message}</Alert>
        ) : null}
        {c ? (
          <Alert
            color={c.status === 'revoked' || !c.signatureValid ? 'red' : 'green'}
            title={
              c.status === 'revoked'
                ? t('training.verify.revoked')
                : c.signatureValid
                  ? t('training.verify.valid')
                  : t('training.verify.badSignature')
            }
            data-status={c.status}
          >
            <Stack gap={4}>
              <Text fw={600}>{c.participant}</Text>
              <Text>{c.course}</Text>
              <Text size="sm">{c.provider}</Text>
              <Text size="sm">
                {c.startsOn} – {c.endsOn} · {t('training.fields.hours', { count: c.hours })}
              </Text>
              <Text size="sm">{t('training.verify.issued', { date: c.issuedOn, code: c.code })}</Text>
              {c.status === 'revoked' ? (
                <Text size="sm">{t('training.verify.revokedOn', { date: c.revokedOn, reason: c.revokedReason ?? '' })}</Text>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('training.verify.offline')}
        </Text>
      </Stack>
    </Container>
  );
}
