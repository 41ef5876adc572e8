import { Anchor, Button, List, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../app/types';
import { LANGUAGES } from '../i18n';
import { useGrantLabel } from '../reference/GrantLabel';

export type UserAction = UserView['actions'][number];

interface Props {
  users: UserView[];
  onAction: (action: UserAction, user: UserView) => void;
}

const ACTION_LABELS: Record<UserAction, string> = {
  edit: 'users.actions.edit',
  grant: 'users.actions.grant',
  reset_password: 'users.actions.resetPassword',
  reset_second_factor: 'users.actions.resetSecondFactor',
};

function AccountStatus({ user }: { user: UserView }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {user.disabled ? (
        <Text size="sm" fw={600} c="gray.8">
          {t('users.status.disabled')}
        </Text>
      ) : (
        <Text size="sm" fw={600} c="teal.9">
          {t('users.status.active')}
        </Text>
      )}
      {user.secondFactor ? (
        <Text size="xs" c="dimmed">
          {t('users.status.secondFactor')}
        </Text>
      ) : null}
      {user.mustChangePassword && !user.disabled ? (
        <Text size="xs" c="red.9">
          {t('users.status.pendingPassword')}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The accounts of a page; each row offers only the actions the server listed for it. */
export function UsersTable({ users, onAction }: Props) {
  const { t, i18n } = useTranslation();
  const grantLabel = useGrantLabel(users.flatMap((user) => user.grants));
  const dateFormat = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="sm" fz="sm" aria-label={t('users.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.name')}</Table.Th>
            <Table.Th scope="col">{t('users.grants.title')}</Table.Th>
            <Table.Th scope="col">{t('users.language')}</Table.Th>
            <Table.Th scope="col">{t('users.statusColumn')}</Table.Th>
            <Table.Th scope="col">{t('users.lastSignIn')}</Table.Th>
            <Table.Th scope="col">{t('users.actionsColumn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Th scope="row" fw={400}>
                <Text fw={500}>{user.name}</Text>
                <Text size="sm" c="dimmed">
                  {user.email}
                </Text>
                {user.expert ? (
                  <Anchor component={Link} to={`/roster/experts/${user.expert.id}`} size="sm">
                    {t('users.expertProfile', { name: user.expert.name })}
                  </Anchor>
                ) : null}
              </Table.Th>
              <Table.Td>
                {user.grants.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('users.grants.none')}
                  </Text>
                ) : (
                  <List size="sm" listStyleType="none">
                    {user.grants.map((grant) => (
                      <List.Item key={`${grant.role}-${grant.organisationId}-${grant.countryIso2}`}>
                        {grantLabel(grant)}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Table.Td>
              <Table.Td>{LANGUAGES.find((language) => language.code === user.language)?.name ?? user.language}</Table.Td>
              <Table.Td>
                <AccountStatus user={user} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{user.lastLoginAt ? dateFormat.format(new Date(user.lastLoginAt)) : t('users.never')}</Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  {user.actions.map((action) => (
                    <Button key={action} size="compact-sm" variant="subtle" onClick={() => onAction(action, user)}>
                      {t(ACTION_LABELS[action])}
                      <VisuallyHidden> – {user.name}</VisuallyHidden>
                    </Button>
                  ))}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
