import { Avatar, Button, Menu, Text, UnstyledButton } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from './api';
import { ChevronIcon } from './icons';
import { rememberSession, useSession } from './session';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');
}

/** Who is signed in, with sign-out; or, for a visitor, the way to sign in. */
export function AccountMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const signOut = useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    // Whatever the server answers, this browser forgets the session.
    onSettled: () => {
      rememberSession(queryClient, null);
      void navigate({ to: '/sign-in' });
    },
  });

  if (!session) {
    if (pathname === '/sign-in') return null;
    return (
      <Button component={Link} to="/sign-in" variant="filled">
        {t('account.signIn')}
      </Button>
    );
  }

  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton
          px="xs"
          py={4}
          style={{ borderRadius: 'var(--mantine-radius-sm)', display: 'flex', alignItems: 'center', gap: 8 }}
        >
          <Avatar size="sm" color="blue" radius="xl" aria-hidden="true">
            {initials(session.user.name)}
          </Avatar>
          <Text size="sm" fw={500} truncate maw={160}>
            {session.user.name}
          </Text>
          <ChevronIcon />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('account.signedInAs', { email: session.user.email })}</Menu.Label>
        {session.mustChangePassword || session.secondFactorStep ? null : (
          <>
            <Menu.Item component={Link} to="/change-password">
              {t('account.changePassword')}
            </Menu.Item>
            <Menu.Item component={Link} to="/second-factor">
              {t('account.secondFactor')}
            </Menu.Item>
          </>
        )}
        <Menu.Item onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {t('account.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
