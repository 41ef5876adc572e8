import type { AnyRoute } from '@tanstack/react-router';
import { Icon } from '../app/icons';
import { lazyPage } from '../app/pages';
import type { WebDomain } from '../app/web-domain';

// Decorative, hidden from screen readers: two people.
const PeopleIcon = () => (
  <Icon>
    <circle cx="9" cy="8" r="3" />
    <circle cx="17" cy="9" r="2.5" />
    <path d="M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6M15 20c0-2.5 1.5-4.5 4-4.5" />
  </Icon>
);

/** The expert roster: search, and each expert's profile and calendar. */
export const rosterDomain: WebDomain = {
  name: 'roster',
  routes: (root: AnyRoute) => [
    lazyPage(root, 'roster', () => import('./RosterPage'), 'RosterPage', 'signed_in'),
    lazyPage(root, 'roster/me', () => import('./ProfilePage'), 'MyProfilePage', 'signed_in'),
    lazyPage(root, 'roster/experts/$id', () => import('./ProfilePage'), 'ExpertPage', 'signed_in'),
  ],
  nav: [
    { to: '/roster', label: 'roster.nav.search', icon: <PeopleIcon />, show: 'expert.search' },
    { to: '/roster/me', label: 'roster.nav.me', icon: <PeopleIcon />, show: 'signed_in' },
  ],
};
