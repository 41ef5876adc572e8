import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { WebDomain } from '../app/domains';
import { requireSignIn } from '../app/guards';
import de from './i18n/de.json';
import en from './i18n/en.json';
import es from './i18n/es.json';
import fr from './i18n/fr.json';
import it from './i18n/it.json';
import ru from './i18n/ru.json';

// Decorative, hidden from screen readers: a route with two stops.
const RouteIcon = () => (
  <svg
    width={18}
    height={18}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={2}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    <circle cx="6" cy="18" r="2.5" />
    <circle cx="18" cy="6" r="2.5" />
    <path d="M8.5 18H15a3 3 0 0 0 0-6H9a3 3 0 0 1 0-6h6.5" />
  </svg>
);

/** Roving fact-finding missions: list, map and calendar, the mission page, the team composer and the balance view. */
export const missionsDomain: WebDomain = {
  name: 'missions',
  routes: (root: AnyRoute) => [
    createRoute({
      getParentRoute: () => root,
      path: 'missions',
      beforeLoad: requireSignIn,
      component: lazyRouteComponent(() => import('./MissionsPage'), 'MissionsPage'),
    }),
    createRoute({
      getParentRoute: () => root,
      path: 'missions/balance',
      beforeLoad: requireSignIn,
      component: lazyRouteComponent(() => import('./BalancePage'), 'BalancePage'),
    }),
    createRoute({
      getParentRoute: () => root,
      path: 'missions/$id',
      beforeLoad: requireSignIn,
      component: lazyRouteComponent(() => import('./MissionPage'), 'MissionPage'),
    }),
    createRoute({
      getParentRoute: () => root,
      path: 'missions/$id/team',
      beforeLoad: requireSignIn,
      component: lazyRouteComponent(() => import('./ComposerPage'), 'ComposerPage'),
    }),
  ],
  nav: [
    { to: '/missions', label: 'missions.nav.list', icon: <RouteIcon />, show: 'signed_in' },
    { to: '/missions/balance', label: 'missions.nav.balance', icon: <RouteIcon />, show: 'signed_in' },
  ],
  translations: { en, fr, de, it, ru, es },
};
