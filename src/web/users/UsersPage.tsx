import { Button, Group, Loader, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlusIcon, SearchIcon } from '../app/icons';
import { Pager } from '../app/Pager';
import { ProblemAlert } from '../app/ProblemAlert';
import { ForbiddenPage } from '../app/StatusPages';
import { useCan } from '../app/session';
import type { UserView } from '../app/types';
import { usePageTitle } from '../app/usePageTitle';
import { oneOf } from '../reference/options';
import { CreateUserModal } from './CreateUserModal';
import { EditUserModal } from './EditUserModal';
import { GrantsModal } from './GrantsModal';
import { ROLES } from './grants';
import { OneTimePasswordModal } from './OneTimePasswordModal';
import { USERS_PAGE_SIZE, type UserWithPassword, usersQuery } from './queries';
import { ResetPasswordModal } from './ResetPasswordModal';
import { ResetSecondFactorModal } from './ResetSecondFactorModal';
import { type UserAction, UsersTable } from './UsersTable';

type Dialog = { kind: 'create' } | { kind: UserAction; user: UserView } | { kind: 'password'; result: UserWithPassword } | null;

function UserAdministration() {
  const { t } = useTranslation();
  const canManage = useCan('user.manage');
  const [text, setText] = useState('');
  const [role, setRole] = useState('');
  const [offset, setOffset] = useState(0);
  const [q] = useDebouncedValue(text.trim(), 250);
  const [dialog, setDialog] = useState<Dialog>(null);
  const users = useQuery(usersQuery({ q: q || undefined, role: oneOf(ROLES, role), offset }));
  const close = () => setDialog(null);
  const showPassword = (result: UserWithPassword) => setDialog({ kind: 'password', result });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('users.title')}</Title>
          <Text c="dimmed" mt={4}>
            {t('users.intro')}
          </Text>
        </div>
        {canManage ? (
          <Button leftSection={<PlusIcon />} onClick={() => setDialog({ kind: 'create' })}>
            {t('users.create')}
          </Button>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} style={{ alignItems: 'end' }} role="search" aria-label={t('users.filters')}>
        <TextInput
          label={t('users.search')}
          type="search"
          leftSection={<SearchIcon />}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setOffset(0);
          }}
        />
        <NativeSelect
          label={t('users.roleFilter')}
          value={role}
          onChange={(event) => {
            setRole(event.currentTarget.value);
            setOffset(0);
          }}
        >
          <option value="">{t('common.all')}</option>
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {t(`role.${value}`)}
            </option>
          ))}
        </NativeSelect>
      </SimpleGrid>
      <ProblemAlert error={users.error} />
      {users.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {users.data ? (
        users.data.items.length === 0 ? (
          <Text role="status">{t('users.noMatch')}</Text>
        ) : (
          <>
            <UsersTable users={users.data.items} onAction={(kind, user) => setDialog({ kind, user })} />
            <Pager
              total={users.data.total}
              limit={USERS_PAGE_SIZE}
              offset={offset}
              onChange={setOffset}
              label={t('users.pages')}
            />
          </>
        )
      ) : null}
      <CreateUserModal opened={dialog?.kind === 'create'} onClose={close} onCreated={showPassword} />
      <EditUserModal user={dialog?.kind === 'edit' ? dialog.user : null} onClose={close} />
      <GrantsModal user={dialog?.kind === 'grant' ? dialog.user : null} onClose={close} />
      <ResetPasswordModal user={dialog?.kind === 'reset_password' ? dialog.user : null} onClose={close} onReset={showPassword} />
      <ResetSecondFactorModal user={dialog?.kind === 'reset_second_factor' ? dialog.user : null} onClose={close} />
      <OneTimePasswordModal result={dialog?.kind === 'password' ? dialog.result : null} onClose={close} />
    </Stack>
  );
}

/** User administration, for those the server lets read accounts. */
export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('users.title'));
  return useCan('user.read') ? <UserAdministration /> : <ForbiddenPage />;
}
