import { Button, Checkbox, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, ProblemAlert } from '../app/ProblemAlert';
import type { UpdateUserBody, UserView } from '../app/types';
import { isLanguage, LANGUAGES } from '../i18n';
import { useUpdateUser } from './queries';

function EditUserForm({ user, onClose }: { user: UserView; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const [name, setName] = useState(user.name);
  const [language, setLanguage] = useState<UserView['language']>(user.language);
  const [disabled, setDisabled] = useState(user.disabled);
  const [attempted, setAttempted] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!name.trim()) return;
    // Only what changed is sent, so that the audit log records what was actually done.
    const body: UpdateUserBody = {
      ...(name.trim() !== user.name ? { name: name.trim() } : {}),
      ...(language !== user.language ? { language } : {}),
      ...(disabled !== user.disabled ? { disabled } : {}),
    };
    if (Object.keys(body).length === 0) return onClose();
    update.mutate(body, { onSuccess: onClose });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={update.error} />
        <TextInput label={t('users.email')} value={user.email} readOnly variant="filled" />
        <TextInput
          label={t('users.name')}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldError(update.error, '/name') ?? (attempted && !name.trim() ? t('form.required') : undefined)}
          data-autofocus
        />
        <NativeSelect
          label={t('users.language')}
          value={language}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isLanguage(value)) setLanguage(value);
          }}
        >
          {LANGUAGES.map((option) => (
            <option key={option.code} value={option.code} lang={option.code}>
              {option.name}
            </option>
          ))}
        </NativeSelect>
        <Checkbox
          label={t('users.disable')}
          description={t('users.disableHint')}
          checked={disabled}
          onChange={(event) => setDisabled(event.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function EditUserModal({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={user !== null} onClose={onClose} title={t('users.editTitle', { name: user?.name ?? '' })}>
      {user ? <EditUserForm key={user.id} user={user} onClose={onClose} /> : null}
    </Modal>
  );
}
