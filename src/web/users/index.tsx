import type { AnyRoute } from '@tanstack/react-router';
import { UsersIcon } from '../app/icons';
import { lazyPage } from '../app/pages';
import type { WebDomain } from '../app/web-domain';

/** The user accounts and their roles; in the navigation only for those the server lets read them. */
export const usersDomain: WebDomain = {
  name: 'users',
  routes: (root: AnyRoute) => [lazyPage(root, 'users', () => import('./UsersPage'), 'UsersPage', 'signed_in')],
  nav: [{ to: '/users', label: 'nav.users', icon: <UsersIcon />, show: 'user.read' }],
};
