import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CheckIcon, CopyIcon } from '../app/icons';
import type { UserWithPassword } from './queries';

interface Props {
  result: UserWithPassword | null;
  onClose: () => void;
}

/** The one-time password, shown once: it cannot be read again after this dialog closes. */
export function OneTimePasswordModal({ result, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={result !== null} onClose={onClose} title={t('users.oneTime.title')} size="lg" closeOnClickOutside={false}>
      {result ? (
        <Stack>
          <Text>{t('users.oneTime.intro', { name: result.user.name, email: result.user.email })}</Text>
          <Group align="flex-end" wrap="nowrap">
            <TextInput
              label={t('users.oneTime.label')}
              value={result.oneTimePassword}
              readOnly
              styles={{ input: { fontFamily: 'monospace', fontSize: '1.1rem', letterSpacing: '0.05em' } }}
              onFocus={(event) => event.currentTarget.select()}
              style={{ flex: 1 }}
            />
            <CopyButton value={result.oneTimePassword}>
              {({ copied, copy }) => (
                <Button
                  onClick={copy}
                  variant={copied ? 'light' : 'filled'}
                  color={copied ? 'teal.9' : undefined}
                  leftSection={copied ? <CheckIcon /> : <CopyIcon />}
                >
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Alert color="yellow" variant="light">
            {t('users.oneTime.warning')}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
