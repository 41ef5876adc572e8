import type { AnyRoute } from '@tanstack/react-router';
import { Icon } from '../app/icons';
import { lazyPage } from '../app/pages';
import type { WebDomain } from '../app/web-domain';

// Decorative: a gavel's round table of States.
const TableIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="5" />
    <circle cx="12" cy="3.5" r="1.5" />
    <circle cx="20.5" cy="12" r="1.5" />
    <circle cx="12" cy="20.5" r="1.5" />
    <circle cx="3.5" cy="12" r="1.5" />
  </Icon>
);

/** Consensus drafting: drafts by body and stage, the drafting room, the position matrix and the public adopted decisions. */
export const consensusDomain: WebDomain = {
  name: 'consensus',
  routes: (root: AnyRoute) => [
    lazyPage(root, 'consensus', () => import('./DocumentsPage'), 'DocumentsPage', 'signed_in'),
    lazyPage(root, 'consensus/commitments', () => import('./CommitmentsPage'), 'CommitmentsPage', 'signed_in'),
    lazyPage(root, 'consensus/$id', () => import('./DocumentPage'), 'DocumentPage', 'signed_in'),
    lazyPage(root, 'consensus/$id/matrix', () => import('./MatrixPage'), 'MatrixPage', 'signed_in'),
    lazyPage(root, 'decisions', () => import('./DecisionsPage'), 'DecisionsPage', 'public'),
    lazyPage(root, 'decisions/$id', () => import('./DecisionPage'), 'DecisionPage', 'public'),
  ],
  nav: [
    { to: '/consensus', label: 'consensus.nav.drafts', icon: <TableIcon />, show: 'consensus.follow' },
    { to: '/decisions', label: 'consensus.nav.decisions', icon: <TableIcon />, show: 'public' },
  ],
};
