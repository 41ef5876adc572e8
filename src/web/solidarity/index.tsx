import type { AnyRoute } from '@tanstack/react-router';
import { Icon } from '../app/icons';
import { lazyPage } from '../app/pages';
import type { WebDomain } from '../app/web-domain';

// Decorative, hidden from screen readers like the shell's icons: two hands of a scale.
const ScaleIcon = () => (
  <Icon>
    <path d="M12 3v18M5 21h14M4 7h16" />
    <path d="M4 7l-3 7a3 3 0 0 0 6 0zM20 7l-3 7a3 3 0 0 0 6 0z" />
  </Icon>
);

const LedgerIcon = () => (
  <Icon>
    <path d="M5 3h14v18H5z" />
    <path d="M9 7h6M9 11h6M9 15h3" />
  </Icon>
);

/** Solidarity and relocation: distribution keys, their comparison, fulfilment, burden indicators and the pledge ledger. */
export const solidarityDomain: WebDomain = {
  name: 'solidarity',
  routes: (root: AnyRoute) => [
    lazyPage(root, 'solidarity', () => import('./KeysPage'), 'KeysPage', 'public'),
    lazyPage(root, 'solidarity/keys/$key', () => import('./KeyEditorPage'), 'KeyEditorPage', 'public'),
    lazyPage(root, 'solidarity/compare', () => import('./ComparePage'), 'ComparePage', 'public'),
    lazyPage(root, 'solidarity/fulfilment', () => import('./FulfilmentPage'), 'FulfilmentPage', 'public'),
    lazyPage(root, 'solidarity/burden', () => import('./BurdenPage'), 'BurdenPage', 'public'),
    lazyPage(root, 'solidarity/pledges', () => import('./LedgerPage'), 'LedgerPage', 'signed_in'),
    lazyPage(root, 'solidarity/one-for-one', () => import('./OneForOnePage'), 'OneForOnePage', 'signed_in'),
  ],
  nav: [
    { to: '/solidarity', label: 'solidarity.nav.keys', icon: <ScaleIcon />, show: 'public' },
    { to: '/solidarity/pledges', label: 'solidarity.nav.ledger', icon: <LedgerIcon />, show: 'signed_in' },
  ],
};
