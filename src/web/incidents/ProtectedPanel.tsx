import { Alert, Button, Image, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProtectedView } from '../../server/incidents/protected/schemas.js';
import { api } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { openItem, unsealPrivateKey } from './crypto';

export interface OpenedData {
  contact: string | null;
  description: string | null;
  photos: string[];
}

class WrongPassphrase extends Error {}

/**
 * The audited "show protected data" action: asks a reason (written to the audit log with the
 * fetch) and the passphrase, which never leaves the browser; the data is decrypted here and kept
 * only in this page's memory.
 */
export function ProtectedPanel({ caseId, onOpened }: { caseId: string; onOpened: (data: OpenedData) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [opened, setOpened] = useState<OpenedData | null>(null);
  useEffect(
    () => () => {
      for (const url of opened?.photos ?? []) URL.revokeObjectURL(url);
    },
    [opened],
  );

  const open = useMutation({
    mutationFn: async (): Promise<OpenedData> => {
      const view = await api.post<ProtectedView>(`/incidents/reports/${caseId}/protected`, { reason });
      let key: CryptoKey;
      try {
        key = await unsealPrivateKey(view.key, passphrase);
      } catch {
        throw new WrongPassphrase();
      }
      const decoder = new TextDecoder();
      const result: OpenedData = { contact: null, description: null, photos: [] };
      for (const item of view.items) {
        const bytes = await openItem(key, item);
        if (item.kind === 'contact') result.contact = decoder.decode(bytes);
        else if (item.kind === 'description') result.description = decoder.decode(bytes);
        else result.photos.push(URL.createObjectURL(new Blob([bytes], { type: item.mediaType ?? 'image/jpeg' })));
      }
      return result;
    },
    onSuccess: (data) => {
      setPassphrase('');
      setOpened(data);
      onOpened(data);
    },
  });

  if (opened) {
    return (
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('incidents.protected.title')}
          </Title>
          <Text fw={600}>{t('incidents.fields.contact')}</Text>
          <Text data-testid="protected-contact">{opened.contact ?? t('incidents.protected.noContact')}</Text>
          <Text fw={600}>{t('incidents.protected.original')}</Text>
          <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="protected-description">
            {opened.description ?? '–'}
          </Text>
          {opened.photos.length > 0 ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {opened.photos.map((url, i) => (
                <Image key={url} src={url} alt={t('incidents.protected.photo', { n: i + 1 })} radius="sm" />
              ))}
            </SimpleGrid>
          ) : null}
        </Stack>
      </Paper>
    );
  }

  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          open.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('incidents.protected.title')}
          </Title>
          <Text size="sm">{t('incidents.protected.intro')}</Text>
          <TextInput
            label={t('incidents.protected.reason')}
            required
            minLength={5}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('incidents.protected.passphrase')}
            required
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            autoComplete="off"
          />
          {open.error instanceof WrongPassphrase ? (
            <Alert color="red">{t('incidents.protected.wrongPassphrase')}</Alert>
          ) : (
            <ProblemAlert error={open.error} />
          )}
          <Button type="submit" color="red" variant="light" loading={open.isPending}>
            {t('incidents.protected.show')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
