import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyStatus, RotationMaterial, RotationResult } from '../../server/incidents/keys/schemas.js';
import { ApiProblem, api } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { canEncrypt, MIN_PASSPHRASE_LENGTH, makeKeyPair, opensWith, rewrapKey, unsealPrivateKey } from './crypto';
import { keyStatusQuery } from './queries';

/** A refusal of the passphrases, shown on the field it concerns; nothing was sent. */
class PassphraseProblem extends Error {
  constructor(
    readonly field: string,
    readonly key: string,
  ) {
    super(key);
  }
}

function checkNew(passphrase: string, repeated: string, field: string, repeatField: string) {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new PassphraseProblem(field, 'incidents.key.tooShort');
  if (passphrase !== repeated) throw new PassphraseProblem(repeatField, 'incidents.key.mismatch');
}

function useFieldError() {
  const { t } = useTranslation();
  return (error: unknown, field: string) =>
    error instanceof PassphraseProblem && error.field === field ? t(error.key, { n: MIN_PASSPHRASE_LENGTH }) : undefined;
}

/**
 * One passphrase field of the key forms: what is typed stays in the page, the refusal that names
 * this field (`field`) is shown on it, and the browser is told whether it is a new passphrase.
 */
function PassphraseField({
  label,
  value,
  onChange,
  error,
  field,
  current = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: unknown;
  field: string;
  current?: boolean;
}) {
  const fieldError = useFieldError();
  return (
    <PasswordInput
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={fieldError(error, field)}
      autoComplete={current ? 'current-password' : 'new-password'}
    />
  );
}

/**
 * The organisation key of hate-incident reports, for the co-ordinator: created, or replaced, here
 * in the browser. The passphrase is typed here, the private key generated and sealed here; the
 * server receives the public key and the sealed private key only.
 */
export function KeyPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('incidents.key.title'));
  const status = useQuery(keyStatusQuery);
  const s = status.data;
  return (
    <Stack gap="md" maw={720}>
      <Title order={1}>{t('incidents.key.title')}</Title>
      <Text>{t('incidents.key.intro')}</Text>
      <ProblemAlert error={status.error} />
      {s ? (
        <Text fw={600} data-testid="key-status">
          {s.key
            ? t('incidents.key.inPlace', {
                date: new Date(s.key.createdAt).toLocaleDateString(i18n.resolvedLanguage),
                count: s.sealedItems,
              })
            : t('incidents.key.none')}
        </Text>
      ) : null}
      {!canEncrypt() ? (
        <Alert color="red" variant="light">
          {t('incidents.key.insecure')}
        </Alert>
      ) : null}
      {s?.actions.includes('create') ? <CreateForm /> : null}
      {s?.actions.includes('rotate') ? <RotateForm /> : null}
    </Stack>
  );
}

function CreateForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const create = useMutation({
    mutationFn: async () => {
      checkNew(passphrase, repeated, 'passphrase', 'repeated');
      const { body } = await makeKeyPair(passphrase);
      return api.post<KeyStatus>('/incidents/key', body);
    },
    onSuccess: (next) => {
      setPassphrase('');
      setRepeated('');
      client.setQueryData(keyStatusQuery.queryKey, next);
      void client.invalidateQueries({ queryKey: ['incidents'] });
    },
  });
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <Stack gap="sm">
        <Title order={2}>{t('incidents.key.createTitle')}</Title>
        <Text size="sm">{t('incidents.key.createHelp', { n: MIN_PASSPHRASE_LENGTH })}</Text>
        <PassphraseField
          label={t('incidents.key.passphrase')}
          value={passphrase}
          onChange={setPassphrase}
          error={create.error}
          field="passphrase"
        />
        <PassphraseField
          label={t('incidents.key.repeat')}
          value={repeated}
          onChange={setRepeated}
          error={create.error}
          field="repeated"
        />
        {create.error instanceof PassphraseProblem ? null : <ProblemAlert error={create.error} />}
        <Button type="submit" loading={create.isPending} w="fit-content" disabled={!canEncrypt()}>
          {t('incidents.key.create')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** One attempt at replacing the key; a report arriving meanwhile makes the server refuse it (409). */
async function rotateOnce(current: string, next: string): Promise<RotationResult> {
  const material = await api.get<RotationMaterial>('/incidents/key/rotation');
  let oldPrivate: CryptoKey;
  try {
    oldPrivate = await unsealPrivateKey(material.key, current);
  } catch {
    throw new PassphraseProblem('current', 'incidents.key.wrongPassphrase');
  }
  const made = await makeKeyPair(next);
  const items = [];
  for (const item of material.items) {
    items.push({ id: item.id, wrappedKey: await rewrapKey(oldPrivate, made.publicKey, item.wrappedKey) });
  }
  if (items[0] && !(await opensWith(made.privateKey, items[0].wrappedKey))) throw new Error('rewrapping failed');
  return api.post<RotationResult>('/incidents/key/rotation', { retiringKeyId: material.key.keyId, key: made.body, items });
}

function RotateForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeated, setRepeated] = useState('');
  const rotate = useMutation({
    mutationFn: async () => {
      checkNew(next, repeated, 'next', 'repeated');
      for (let attempt = 1; ; attempt++) {
        try {
          return await rotateOnce(current, next);
        } catch (error) {
          if (!(error instanceof ApiProblem && error.status === 409 && attempt < 3)) throw error;
        }
      }
    },
    onSuccess: (result) => {
      setCurrent('');
      setNext('');
      setRepeated('');
      client.setQueryData(keyStatusQuery.queryKey, result.status);
      void client.invalidateQueries({ queryKey: ['incidents'] });
    },
  });
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        rotate.mutate();
      }}
    >
      <Stack gap="sm">
        <Title order={2}>{t('incidents.key.rotateTitle')}</Title>
        <Text size="sm">{t('incidents.key.rotateHelp')}</Text>
        {rotate.data ? (
          <Alert color="teal" variant="light" data-testid="key-result">
            {t('incidents.key.replaced', { count: rotate.data.rewrapped })}
          </Alert>
        ) : null}
        <PassphraseField
          label={t('incidents.key.current')}
          value={current}
          onChange={setCurrent}
          error={rotate.error}
          field="current"
          current
        />
        <PassphraseField label={t('incidents.key.next')} value={next} onChange={setNext} error={rotate.error} field="next" />
        <PassphraseField
          label={t('incidents.key.repeatNext')}
          value={repeated}
          onChange={setRepeated}
          error={rotate.error}
          field="repeated"
        />
        {rotate.error instanceof PassphraseProblem ? null : <ProblemAlert error={rotate.error} />}
        <Button type="submit" loading={rotate.isPending} w="fit-content" disabled={!canEncrypt()}>
          {t('incidents.key.rotate')}
        </Button>
      </Stack>
    </Paper>
  );
}
