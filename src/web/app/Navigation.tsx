import { AppShell, Divider, NavLink, ScrollArea, Text } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { WEB_DOMAINS } from './domains';
import { BookIcon } from './icons';
import { useSession } from './session';
import { shows } from './web-domain';

interface Item {
  to: string;
  label: string;
  icon: ReactNode;
}

/** The site's sections; Users and Audit appear only to those the server says may read them. */
export function Navigation() {
  const { t } = useTranslation();
  const session = useSession();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const pending = Boolean(session?.mustChangePassword || session?.secondFactorStep);

  const items: Item[] = pending
    ? []
    : WEB_DOMAINS.flatMap((domain) => domain.nav ?? [])
        .filter((entry) => shows(entry, session?.permissions))
        .map((entry) => ({ to: entry.to, label: t(entry.label), icon: entry.icon }));

  return (
    <>
      {/* The sections scroll on their own once they outgrow the window; the footer stays in view. */}
      <AppShell.Section grow component={ScrollArea}>
        {items.map((item) => {
          const active = item.to === '/' ? pathname === '/' : pathname.startsWith(item.to);
          return (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              leftSection={item.icon}
              active={active}
              aria-current={active ? 'page' : undefined}
              variant="light"
            />
          );
        })}
      </AppShell.Section>
      <AppShell.Section>
        <Divider my="sm" />
        <NavLink href="/api/docs" component="a" label={t('nav.apiDocs')} leftSection={<BookIcon />} />
        <Text size="xs" c="dimmed" px="sm" pt="xs">
          {t('nav.footer')}
        </Text>
      </AppShell.Section>
    </>
  );
}
