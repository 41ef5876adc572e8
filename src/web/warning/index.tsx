import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { WebDomain } from '../app/domains';
import { requireSignIn } from '../app/guards';
import de from './i18n/de.json';
import en from './i18n/en.json';
import es from './i18n/es.json';
import fr from './i18n/fr.json';
import it from './i18n/it.json';
import ru from './i18n/ru.json';

// Decorative, hidden from screen readers like the shell's icons: a radar sweep.
const RadarIcon = () => (
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
    <circle cx="12" cy="12" r="9" />
    <circle cx="12" cy="12" r="4" />
    <path d="M12 12l6-6" />
  </svg>
);

const InboxIcon = () => (
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
    <path d="M3 13h5l2 3h4l2-3h5" />
    <path d="M5 5h14l2 8v6H3v-6z" />
  </svg>
);

/** Early warning: the risk map, each country's series and alerts, the alert inbox, comparisons, imports and rules. */
export const warningDomain: WebDomain = {
  name: 'warning',
  routes: (root: AnyRoute) => [
    createRoute({
      getParentRoute: () => root,
      path: 'warning',
      beforeLoad: requireSignIn,
      component: lazyRouteComponent(() => import('./MapPage'), 'MapPage'),
    }),
    createRoute({
      getParentRoute: () => root,
      path: 'warning/countries/$iso2',
      beforeLoad: requireSignIn,
      component: lazyRouteComponent(() => import('./CountryPage'), 'CountryPage'),
    }),
    createRoute({
      getParentRoute: () => root,
      path: 'warning/alerts',
      beforeLoad: requireSignIn,
      component: lazyRouteComponent(() => import('./AlertsPage'), 'AlertsPage'),
    }),
    createRoute({
      getParentRoute: () => root,
      path: 'warning/compare',
      component: lazyRouteComponent(() => import('./ComparePage'), 'ComparePage'),
    }),
    createRoute({
      getParentRoute: () => root,
      path: 'warning/import',
      beforeLoad: requireSignIn,
      component: lazyRouteComponent(() => import('./ImportPage'), 'ImportPage'),
    }),
  ],
  nav: [
    { to: '/warning', label: 'warning.nav.map', icon: <RadarIcon />, show: 'signed_in' },
    { to: '/warning/alerts', label: 'warning.nav.alerts', icon: <InboxIcon />, show: 'signed_in' },
    { to: '/warning/compare', label: 'warning.nav.compare', icon: <RadarIcon />, show: 'public' },
    { to: '/warning/import', label: 'warning.nav.import', icon: <InboxIcon />, show: 'warning.import' },
  ],
  translations: { en, fr, de, it, ru, es },
};
