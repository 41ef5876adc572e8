import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { HomeIcon } from '../app/icons';
import type { WebDomain } from '../app/web-domain';
import { HomePage } from './HomePage';

/** The home page: what the platform offers and, for a signed-in person, their roles. */
export const homeDomain: WebDomain = {
  name: 'home',
  routes: (root: AnyRoute) => [createRoute({ getParentRoute: () => root, path: '/', component: HomePage })],
  nav: [{ to: '/', label: 'nav.home', icon: <HomeIcon />, show: 'public' }],
};
