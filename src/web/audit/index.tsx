import type { AnyRoute } from '@tanstack/react-router';
import { LogIcon } from '../app/icons';
import { lazyPage } from '../app/pages';
import type { WebDomain } from '../app/web-domain';

/** The audit log; in the navigation only for those the server lets read it. */
export const auditDomain: WebDomain = {
  name: 'audit',
  routes: (root: AnyRoute) => [lazyPage(root, 'audit', () => import('./AuditPage'), 'AuditPage', 'signed_in')],
  nav: [{ to: '/audit', label: 'nav.audit', icon: <LogIcon />, show: 'audit.read' }],
};
