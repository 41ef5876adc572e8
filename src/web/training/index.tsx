import type { AnyRoute } from '@tanstack/react-router';
import { Icon } from '../app/icons';
import { lazyPage } from '../app/pages';
import type { WebDomain } from '../app/web-domain';

// Decorative, hidden from screen readers: a mortarboard.
const CapIcon = () => (
  <Icon>
    <path d="M2 9l10-5 10 5-10 5z" />
    <path d="M6 11v5c3 2 9 2 12 0v-5" />
  </Icon>
);

/** Training: the catalogue, sessions (nominations, selection, attendance), one's own tests and certificates, public verification and statistics. */
export const trainingDomain: WebDomain = {
  name: 'training',
  routes: (root: AnyRoute) => [
    lazyPage(root, 'training', () => import('./CataloguePage'), 'CataloguePage', 'signed_in'),
    lazyPage(root, 'training/sessions/$id', () => import('./SessionPage'), 'SessionPage', 'signed_in'),
    lazyPage(root, 'training/me', () => import('./MyTrainingPage'), 'MyTrainingPage', 'signed_in'),
    lazyPage(root, 'training/statistics', () => import('./StatisticsPage'), 'StatisticsPage', 'signed_in'),
    lazyPage(root, 'training/verify', () => import('./VerifyPage'), 'VerifyPage', 'public'),
    lazyPage(root, 'training/verify/$code', () => import('./VerifyPage'), 'VerifyPage', 'public'),
  ],
  nav: [
    { to: '/training', label: 'training.nav.catalogue', icon: <CapIcon />, show: 'signed_in' },
    { to: '/training/me', label: 'training.nav.mine', icon: <CapIcon />, show: 'signed_in' },
    { to: '/training/statistics', label: 'training.nav.statistics', icon: <CapIcon />, show: 'training.statistics' },
  ],
};
