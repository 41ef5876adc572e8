import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import type { UserView } from '../app/types';
import { useResetSecondFactor } from './queries';

function ResetSecondFactorConfirm({ user, onClose }: { user: UserView; onClose: () => void }) {
  const { t } = useTranslation();
  const reset = useResetSecondFactor(user.id);
  return (
    <Stack>
      <ProblemAlert error={reset.error} />
      <Text>{t('users.resetSecondFactor.confirm', { name: user.name, email: user.email })}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button color="red.8" loading={reset.isPending} onClick={() => reset.mutate(undefined, { onSuccess: onClose })}>
          {t('users.resetSecondFactor.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Asks the co-ordinator to confirm removing a person's second factor and ending their sessions. */
export function ResetSecondFactorModal({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={user !== null} onClose={onClose} title={t('users.resetSecondFactor.title')}>
      {user ? <ResetSecondFactorConfirm key={user.id} user={user} onClose={onClose} /> : null}
    </Modal>
  );
}
