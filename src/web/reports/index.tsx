import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { WebDomain } from '../app/domains';
import { requireSignIn } from '../app/guards';
import de from './i18n/de.json';
import en from './i18n/en.json';
import es from './i18n/es.json';
import fr from './i18n/fr.json';
import it from './i18n/it.json';
import ru from './i18n/ru.json';

// Decorative, hidden from screen readers: a page with lines of text.
const ReportIcon = () => (
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
    <path d="M6 3h9l3 3v15H6z" />
    <path d="M9 9h6M9 13h6M9 17h4" />
  </svg>
);

const page = (root: AnyRoute, path: string, load: () => Promise<Record<string, unknown>>, name: string, signedIn = true) =>
  createRoute({
    getParentRoute: () => root,
    path,
    ...(signedIn ? { beforeLoad: requireSignIn } : {}),
    component: lazyRouteComponent(load as never, name as never),
  });

/** Mission reports: list, editor with history and review, public summaries, recommendation tracker, projects and dashboard. */
export const reportsDomain: WebDomain = {
  name: 'reports',
  routes: (root: AnyRoute) => [
    page(root, 'reports', () => import('./ReportsPage'), 'ReportsPage'),
    page(root, 'report-summaries', () => import('./PublicPage'), 'PublicPage', false),
    page(root, 'recommendations', () => import('./TrackerPage'), 'TrackerPage'),
    page(root, 'implementation', () => import('./DashboardPage'), 'DashboardPage'),
    page(root, 'recommendations/$id', () => import('./RecommendationPage'), 'RecommendationPage'),
    page(root, 'recommendations/$id/projects/$projectId', () => import('./ProjectPage'), 'ProjectPage'),
    page(root, 'reports/$id', () => import('./ReportPage'), 'ReportPage'),
  ],
  nav: [
    { to: '/reports', label: 'reports.nav.list', icon: <ReportIcon />, show: 'signed_in' },
    { to: '/recommendations', label: 'reports.nav.tracker', icon: <ReportIcon />, show: 'signed_in' },
    { to: '/implementation', label: 'reports.nav.dashboard', icon: <ReportIcon />, show: 'signed_in' },
    { to: '/report-summaries', label: 'reports.nav.public', icon: <ReportIcon />, show: 'public' },
  ],
  translations: { en, fr, de, it, ru, es },
};
