import { AppShell, Burger, Group, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { adoptAccountLanguage } from '../i18n';
import { AccountMenu } from './AccountMenu';
import { WEB_DOMAINS } from './domains';
import { focusFirstErrorAfterSubmit, focusNewPage } from './focus';
import { LogoMark } from './icons';
import { LanguageSwitcher } from './LanguageSwitcher';
import { Navigation } from './Navigation';
import { useSession } from './session';

const MAIN_ID = 'main-content';

function focusMain() {
  document.getElementById(MAIN_ID)?.focus();
}

/** The frame of every page: header with language and account, navigation, and the page itself. */
export function Shell() {
  const { t } = useTranslation();
  const session = useSession();
  const [navigationOpen, { toggle, close }] = useDisclosure(false);
  // The page shown, not the one asked for: while a page loads, the previous one (and its h1) stays.
  const pathname = useRouterState({ select: (state) => (state.resolvedLocation ?? state.location).pathname });
  const firstPath = useRef(pathname);

  useEffect(() => {
    if (session) adoptAccountLanguage(session.user.language);
  }, [session]);

  // After a page change, screen-reader and keyboard users start at the new page's heading, not the header.
  useEffect(() => {
    close();
    const main = document.getElementById(MAIN_ID);
    if (pathname === firstPath.current || !main) return;
    firstPath.current = '';
    return focusNewPage(main);
  }, [pathname, close]);

  useEffect(() => focusFirstErrorAfterSubmit(), []);

  return (
    <>
      <a
        className="skip-link"
        href={`#${MAIN_ID}`}
        onClick={(event) => {
          event.preventDefault();
          focusMain();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navigationOpen } }}
        padding="lg"
      >
        <AppShell.Header px="md">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={navigationOpen}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t(navigationOpen ? 'nav.close' : 'nav.open')}
                aria-expanded={navigationOpen}
              />
              <UnstyledButton component={Link} to="/" aria-label={t('nav.homeOf', { name: t('app.name') })}>
                <Group gap="xs" wrap="nowrap">
                  <LogoMark />
                  <Text fw={700} size="lg" lh={1.1} visibleFrom="xs">
                    {t('app.name')}
                  </Text>
                </Group>
              </UnstyledButton>
              {/* Beside the link, not in it: a link's visible text must be part of its name. */}
              <Text size="xs" c="dimmed" lh={1.2} maw={220} visibleFrom="md">
                {t('app.tagline')}
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitcher />
              {session && !session.mustChangePassword && !session.secondFactorStep
                ? WEB_DOMAINS.map((domain) => (domain.headerItem ? <domain.headerItem key={domain.name} /> : null))
                : null}
              <AccountMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
          <Navigation />
        </AppShell.Navbar>
        <AppShell.Main id={MAIN_ID} tabIndex={-1} data-page={pathname}>
          {WEB_DOMAINS.map((domain) => (domain.banner ? <domain.banner key={domain.name} /> : null))}
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </>
  );
}
