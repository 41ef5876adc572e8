import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { GlobeIcon } from '../app/icons';
import type { WebDomain } from '../app/web-domain';

/** The reference data: countries and OSCE structures, open to everyone. */
export const referenceDomain: WebDomain = {
  name: 'reference',
  routes: (root: AnyRoute) => [
    createRoute({
      getParentRoute: () => root,
      path: 'reference',
      validateSearch: (search: Record<string, unknown>): { view?: 'countries' | 'structures' } =>
        search.view === 'structures' || search.view === 'countries' ? { view: search.view } : {},
      component: lazyRouteComponent(() => import('./ReferencePage'), 'ReferencePage'),
    }),
  ],
  nav: [{ to: '/reference', label: 'nav.reference', icon: <GlobeIcon />, show: 'public' }],
};
