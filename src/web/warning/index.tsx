import type { AnyRoute } from '@tanstack/react-router';
import { Icon } from '../app/icons';
import { lazyPage } from '../app/pages';
import type { WebDomain } from '../app/web-domain';

// Decorative, hidden from screen readers like the shell's icons: a radar sweep.
const RadarIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="9" />
    <circle cx="12" cy="12" r="4" />
    <path d="M12 12l6-6" />
  </Icon>
);

const InboxIcon = () => (
  <Icon>
    <path d="M3 13h5l2 3h4l2-3h5" />
    <path d="M5 5h14l2 8v6H3v-6z" />
  </Icon>
);

/** Early warning: the risk map, each country's series and alerts, the alert inbox, comparisons, world and origin totals, imports and rules. */
export const warningDomain: WebDomain = {
  name: 'warning',
  routes: (root: AnyRoute) => [
    lazyPage(root, 'warning', () => import('./MapPage'), 'MapPage', 'signed_in'),
    lazyPage(root, 'warning/countries/$iso2', () => import('./CountryPage'), 'CountryPage', 'signed_in'),
    lazyPage(root, 'warning/alerts', () => import('./AlertsPage'), 'AlertsPage', 'signed_in'),
    lazyPage(root, 'warning/compare', () => import('./ComparePage'), 'ComparePage', 'public'),
    lazyPage(root, 'warning/totals', () => import('./TotalsPage'), 'TotalsPage', 'public'),
    lazyPage(root, 'warning/import', () => import('./ImportPage'), 'ImportPage', 'signed_in'),
  ],
  nav: [
    { to: '/warning', label: 'warning.nav.map', icon: <RadarIcon />, show: 'signed_in' },
    { to: '/warning/alerts', label: 'warning.nav.alerts', icon: <InboxIcon />, show: 'signed_in' },
    { to: '/warning/compare', label: 'warning.nav.compare', icon: <RadarIcon />, show: 'public' },
    { to: '/warning/totals', label: 'warning.nav.totals', icon: <RadarIcon />, show: 'public' },
    { to: '/warning/import', label: 'warning.nav.import', icon: <InboxIcon />, show: 'warning.import' },
  ],
};
