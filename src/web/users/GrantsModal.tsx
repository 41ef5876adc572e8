import { Button, Group, Modal, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import type { UserView } from '../app/types';
import { GrantsEditor } from './GrantsEditor';
import { draftProblem, draftsOf, grantsOf } from './grants';
import { useSetGrants } from './queries';

function GrantsForm({ user, onClose }: { user: UserView; onClose: () => void }) {
  const { t } = useTranslation();
  const setGrants = useSetGrants(user.id);
  const [drafts, setDrafts] = useState(() => draftsOf(user.grants));
  const [attempted, setAttempted] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (drafts.some((draft) => draftProblem(draft))) return;
    setGrants.mutate(grantsOf(drafts), { onSuccess: onClose });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={setGrants.error} />
        <GrantsEditor drafts={drafts} onChange={setDrafts} showMissing={attempted} error={setGrants.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={setGrants.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function GrantsModal({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={user !== null} onClose={onClose} title={t('users.grantsTitle', { name: user?.name ?? '' })} size="xl">
      {user ? <GrantsForm key={user.id} user={user} onClose={onClose} /> : null}
    </Modal>
  );
}
