import type { AnyRoute } from '@tanstack/react-router';
import { Icon } from '../app/icons';
import { lazyPage } from '../app/pages';
import type { WebDomain } from '../app/web-domain';
import { NotificationBell } from './NotificationBell';

// Decorative, hidden from screen readers: an envelope with a cross.
const FailedMailIcon = () => (
  <Icon>
    <rect x="3" y="6" width="18" height="12" rx="2" />
    <path d="M3 8l9 6 9-6" />
  </Icon>
);

/** Notifications: the bell, the list of one's notices, email preferences, unsubscribe links, failed emails. */
export const notificationsDomain: WebDomain = {
  name: 'notifications',
  routes: (root: AnyRoute) => [
    lazyPage(root, 'notifications', () => import('./NoticesPage'), 'NoticesPage', 'signed_in'),
    lazyPage(root, 'notifications/preferences', () => import('./PreferencesPage'), 'PreferencesPage', 'signed_in'),
    lazyPage(root, 'notifications/failed', () => import('./FailedPage'), 'FailedPage', 'signed_in'),
    lazyPage(root, 'notifications/unsubscribe/$token', () => import('./UnsubscribePage'), 'UnsubscribePage', 'public'),
  ],
  nav: [
    { to: '/notifications/failed', label: 'notifications.nav.failed', icon: <FailedMailIcon />, show: 'notification.oversee' },
  ],
  headerItem: NotificationBell,
};
