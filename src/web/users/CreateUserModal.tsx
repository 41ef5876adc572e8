import { Button, Group, Modal, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, ProblemAlert } from '../app/ProblemAlert';
import { isLanguage, LANGUAGES, type Language } from '../i18n';
import { GrantReasonInput, GrantsEditor } from './GrantsEditor';
import { addsSensitiveRole, draftProblem, type GrantDraft, grantsOf } from './grants';
import { type UserWithPassword, useCreateUser } from './queries';

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (result: UserWithPassword) => void;
}

function CreateUserForm({ onClose, onCreated }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [language, setLanguage] = useState<Language>('en');
  const [drafts, setDrafts] = useState<GrantDraft[]>([]);
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const needsReason = addsSensitiveRole(grantsOf(drafts));

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!email.trim() || !name.trim() || drafts.some((draft) => draftProblem(draft))) return;
    if (needsReason && !reason.trim()) return;
    create.mutate(
      {
        email: email.trim(),
        name: name.trim(),
        language,
        grants: grantsOf(drafts),
        ...(needsReason ? { reason: reason.trim() } : {}),
      },
      { onSuccess: (result) => onCreated(result) },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={create.error} />
        <TextInput
          label={t('users.email')}
          type="email"
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={fieldError(create.error, '/email') ?? (attempted && !email.trim() ? t('form.required') : undefined)}
          data-autofocus
        />
        <TextInput
          label={t('users.name')}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldError(create.error, '/name') ?? (attempted && !name.trim() ? t('form.required') : undefined)}
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
        <Title order={3} size="h5">
          {t('users.grants.title')}
        </Title>
        <GrantsEditor drafts={drafts} onChange={setDrafts} showMissing={attempted} error={create.error} />
        {needsReason ? (
          <GrantReasonInput value={reason} onChange={setReason} missing={attempted && !reason.trim()} error={create.error} />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('users.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CreateUserModal({ opened, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('users.createTitle')} size="lg">
      {opened ? <CreateUserForm onClose={onClose} onCreated={onCreated} /> : null}
    </Modal>
  );
}
