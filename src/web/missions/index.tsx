import type { AnyRoute } from '@tanstack/react-router';
import { Icon } from '../app/icons';
import { lazyPage } from '../app/pages';
import type { WebDomain } from '../app/web-domain';

// Decorative, hidden from screen readers: a route with two stops.
const RouteIcon = () => (
  <Icon>
    <circle cx="6" cy="18" r="2.5" />
    <circle cx="18" cy="6" r="2.5" />
    <path d="M8.5 18H15a3 3 0 0 0 0-6H9a3 3 0 0 1 0-6h6.5" />
  </Icon>
);

/** Roving fact-finding missions: list, map and calendar, the mission page, the team composer and the balance view. */
export const missionsDomain: WebDomain = {
  name: 'missions',
  routes: (root: AnyRoute) => [
    lazyPage(root, 'missions', () => import('./MissionsPage'), 'MissionsPage', 'signed_in'),
    lazyPage(root, 'missions/balance', () => import('./BalancePage'), 'BalancePage', 'signed_in'),
    lazyPage(root, 'missions/$id', () => import('./MissionPage'), 'MissionPage', 'signed_in'),
    lazyPage(root, 'missions/$id/team', () => import('./ComposerPage'), 'ComposerPage', 'signed_in'),
  ],
  nav: [
    { to: '/missions', label: 'missions.nav.list', icon: <RouteIcon />, show: 'signed_in' },
    { to: '/missions/balance', label: 'missions.nav.balance', icon: <RouteIcon />, show: 'signed_in' },
  ],
};
