import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import type { UserView } from '../app/types';
import { type UserWithPassword, useResetPassword } from './queries';

function ResetPasswordConfirm({
  user,
  onClose,
  onReset,
}: {
  user: UserView;
  onClose: () => void;
  onReset: (r: UserWithPassword) => void;
}) {
  const { t } = useTranslation();
  const reset = useResetPassword(user.id);
  return (
    <Stack>
      <ProblemAlert error={reset.error} />
      <Text>{t('users.reset.confirm', { name: user.name, email: user.email })}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button color="red.8" loading={reset.isPending} onClick={() => reset.mutate(undefined, { onSuccess: onReset })}>
          {t('users.reset.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

export function ResetPasswordModal({
  user,
  onClose,
  onReset,
}: {
  user: UserView | null;
  onClose: () => void;
  onReset: (result: UserWithPassword) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={user !== null} onClose={onClose} title={t('users.reset.title')}>
      {user ? <ResetPasswordConfirm key={user.id} user={user} onClose={onClose} onReset={onReset} /> : null}
    </Modal>
  );
}
