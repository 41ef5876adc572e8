import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { WebDomain } from '../app/domains';
import { requireSignIn } from '../app/guards';
import de from './i18n/de.json';
import en from './i18n/en.json';
import es from './i18n/es.json';
import fr from './i18n/fr.json';
import it from './i18n/it.json';
import ru from './i18n/ru.json';

// Decorative, hidden from screen readers: two people.
const PeopleIcon = () => (
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
    <circle cx="9" cy="8" r="3" />
    <circle cx="17" cy="9" r="2.5" />
    <path d="M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6M15 20c0-2.5 1.5-4.5 4-4.5" />
  </svg>
);

/** The expert roster: search, and each expert's profile and calendar. */
export const rosterDomain: WebDomain = {
  name: 'roster',
  routes: (root: AnyRoute) => [
    createRoute({
      getParentRoute: () => root,
      path: 'roster',
      beforeLoad: requireSignIn,
      component: lazyRouteComponent(() => import('./RosterPage'), 'RosterPage'),
    }),
    createRoute({
      getParentRoute: () => root,
      path: 'roster/me',
      beforeLoad: requireSignIn,
      component: lazyRouteComponent(() => import('./ProfilePage'), 'MyProfilePage'),
    }),
    createRoute({
      getParentRoute: () => root,
      path: 'roster/experts/$id',
      beforeLoad: requireSignIn,
      component: lazyRouteComponent(() => import('./ProfilePage'), 'ExpertPage'),
    }),
  ],
  nav: [
    { to: '/roster', label: 'roster.nav.search', icon: <PeopleIcon />, show: 'expert.search' },
    { to: '/roster/me', label: 'roster.nav.me', icon: <PeopleIcon />, show: 'signed_in' },
  ],
  translations: { en, fr, de, it, ru, es },
};
