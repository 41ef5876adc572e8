import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { WebDomain } from '../app/domains';
import { requireSignIn } from '../app/guards';
import de from './i18n/de.json';
import en from './i18n/en.json';
import es from './i18n/es.json';
import fr from './i18n/fr.json';
import it from './i18n/it.json';
import ru from './i18n/ru.json';

// Decorative, hidden from screen readers like the shell's icons: two hands of a scale.
const ScaleIcon = () => (
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
    <path d="M12 3v18M5 21h14M4 7h16" />
    <path d="M4 7l-3 7a3 3 0 0 0 6 0zM20 7l-3 7a3 3 0 0 0 6 0z" />
  </svg>
);

const LedgerIcon = () => (
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
    <path d="M5 3h14v18H5z" />
    <path d="M9 7h6M9 11h6M9 15h3" />
  </svg>
);

/** Solidarity and relocation: distribution keys, their comparison, fulfilment, burden indicators and the pledge ledger. */
export const solidarityDomain: WebDomain = {
  name: 'solidarity',
  routes: (root: AnyRoute) => [
    createRoute({
      getParentRoute: () => root,
      path: 'solidarity',
      component: lazyRouteComponent(() => import('./KeysPage'), 'KeysPage'),
    }),
    createRoute({
      getParentRoute: () => root,
      path: 'solidarity/keys/$key',
      component: lazyRouteComponent(() => import('./KeyEditorPage'), 'KeyEditorPage'),
    }),
    createRoute({
      getParentRoute: () => root,
      path: 'solidarity/compare',
      component: lazyRouteComponent(() => import('./ComparePage'), 'ComparePage'),
    }),
    createRoute({
      getParentRoute: () => root,
      path: 'solidarity/fulfilment',
      component: lazyRouteComponent(() => import('./FulfilmentPage'), 'FulfilmentPage'),
    }),
    createRoute({
      getParentRoute: () => root,
      path: 'solidarity/burden',
      component: lazyRouteComponent(() => import('./BurdenPage'), 'BurdenPage'),
    }),
    createRoute({
      getParentRoute: () => root,
      path: 'solidarity/pledges',
      beforeLoad: requireSignIn,
      component: lazyRouteComponent(() => import('./LedgerPage'), 'LedgerPage'),
    }),
  ],
  nav: [
    { to: '/solidarity', label: 'solidarity.nav.keys', icon: <ScaleIcon />, show: 'public' },
    { to: '/solidarity/pledges', label: 'solidarity.nav.ledger', icon: <LedgerIcon />, show: 'signed_in' },
  ],
  translations: { en, fr, de, it, ru, es },
};
