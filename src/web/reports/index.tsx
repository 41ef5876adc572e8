import type { AnyRoute } from '@tanstack/react-router';
import { Icon } from '../app/icons';
import { lazyPage } from '../app/pages';
import type { WebDomain } from '../app/web-domain';

// Decorative, hidden from screen readers: a page with lines of text.
const ReportIcon = () => (
  <Icon>
    <path d="M6 3h9l3 3v15H6z" />
    <path d="M9 9h6M9 13h6M9 17h4" />
  </Icon>
);

/** Mission reports: list, editor with history and review, public summaries, recommendation tracker, projects and dashboard. */
export const reportsDomain: WebDomain = {
  name: 'reports',
  routes: (root: AnyRoute) => [
    lazyPage(root, 'reports', () => import('./ReportsPage'), 'ReportsPage', 'signed_in'),
    lazyPage(root, 'report-summaries', () => import('./PublicPage'), 'PublicPage', 'public'),
    lazyPage(root, 'recommendations', () => import('./TrackerPage'), 'TrackerPage', 'signed_in'),
    lazyPage(root, 'implementation', () => import('./DashboardPage'), 'DashboardPage', 'signed_in'),
    lazyPage(root, 'recommendations/$id', () => import('./RecommendationPage'), 'RecommendationPage', 'signed_in'),
    lazyPage(root, 'recommendations/$id/projects/$projectId', () => import('./ProjectPage'), 'ProjectPage', 'signed_in'),
    lazyPage(root, 'reports/$id', () => import('./ReportPage'), 'ReportPage', 'signed_in'),
  ],
  nav: [
    { to: '/reports', label: 'reports.nav.list', icon: <ReportIcon />, show: 'signed_in' },
    { to: '/recommendations', label: 'reports.nav.tracker', icon: <ReportIcon />, show: 'signed_in' },
    { to: '/implementation', label: 'reports.nav.dashboard', icon: <ReportIcon />, show: 'signed_in' },
    { to: '/report-summaries', label: 'reports.nav.public', icon: <ReportIcon />, show: 'public' },
  ],
};
