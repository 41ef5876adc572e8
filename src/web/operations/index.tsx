import type { AnyRoute } from '@tanstack/react-router';
import { Icon } from '../app/icons';
import { lazyPage } from '../app/pages';
import type { WebDomain } from '../app/web-domain';

// Decorative, hidden from screen readers: a clock.
const ClockIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3 2" />
  </Icon>
);

/** Operations: the scheduled jobs and the notification outbox, for the co-ordinator. */
export const operationsDomain: WebDomain = {
  name: 'operations',
  routes: (root: AnyRoute) => [lazyPage(root, 'operations/jobs', () => import('./JobsPage'), 'JobsPage', 'signed_in')],
  nav: [{ to: '/operations/jobs', label: 'operations.nav.jobs', icon: <ClockIcon />, show: 'operations.read' }],
};
