import { Button, Group, Modal, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import type { UserView } from '../app/types';
import { GrantReasonInput, GrantsEditor } from './GrantsEditor';
import { addsSensitiveRole, draftProblem, draftsOf, grantsOf } from './grants';
import { useSetGrants } from './queries';

function GrantsForm({ user, onClose }: { user: UserView; onClose: () => void }) {
  const { t } = useTranslation();
  const setGrants = useSetGrants(user.id);
  const [drafts, setDrafts] = useState(() => draftsOf(user.grants));
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const needsReason = addsSensitiveRole(grantsOf(drafts), user.grants);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (drafts.some((draft) => draftProblem(draft)) || (needsReason && !reason.trim())) return;
    const body = needsReason ? { grants: grantsOf(drafts), reason: reason.trim() } : { grants: grantsOf(drafts) };
    setGrants.mutate(body, { onSuccess: onClose });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={setGrants.error} />
        <GrantsEditor
          drafts={drafts}
          onChange={setDrafts}
          showMissing={attempted}
          error={setGrants.error}
          grantableRoles={user.grantableRoles}
        />
        {needsReason ? (
          <GrantReasonInput value={reason} onChange={setReason} missing={attempted && !reason.trim()} error={setGrants.error} />
        ) : null}
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
