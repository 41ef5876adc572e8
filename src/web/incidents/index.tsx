import type { AnyRoute } from '@tanstack/react-router';
import { Icon } from '../app/icons';
import { lazyPage } from '../app/pages';
import type { WebDomain } from '../app/web-domain';
import { KeyBanner } from './KeyBanner';

// Decorative, hidden from screen readers like the shell's icons: a megaphone and a bar chart.
const icon = (d: string) => (
  <Icon>
    <path d={d} />
  </Icon>
);
const ReportIcon = () => icon('M3 11v2a1 1 0 0 0 1 1h3l5 4V6L7 10H4a1 1 0 0 0-1 1zM16 8a5 5 0 0 1 0 8');
const ChartIcon = () => icon('M4 20V10M10 20V4M16 20v-8M22 20H2');
const QueueIcon = () => icon('M4 6h16M4 12h16M4 18h10');
const SpeechIcon = () => icon('M4 5h16v10H9l-5 4z');
const KeyIcon = () => icon('M15 7a4 4 0 1 0-3.9 5H11v3H8v3H5v-3l5.1-5.1A4 4 0 0 0 15 7z');

/**
 * Hate incidents: the public report form and receipt status, the public statistics, and the
 * reviewers' queue and cases; apart from them, xenophobic rhetoric and awareness campaigns.
 */
export const incidentsDomain: WebDomain = {
  name: 'incidents',
  routes: (root: AnyRoute) => [
    lazyPage(root, 'incidents/report', () => import('./ReportPage'), 'ReportPage', 'public'),
    lazyPage(root, 'incidents/status', () => import('./StatusPage'), 'StatusPage', 'public'),
    lazyPage(root, 'incidents/statistics', () => import('./StatisticsPage'), 'StatisticsPage', 'public'),
    lazyPage(root, 'incidents/review', () => import('./QueuePage'), 'QueuePage', 'signed_in'),
    lazyPage(root, 'incidents/review/$id', () => import('./CasePage'), 'CasePage', 'signed_in'),
    lazyPage(root, 'incidents/key', () => import('./KeyPage'), 'KeyPage', 'signed_in'),
    lazyPage(root, 'incidents/rhetoric', () => import('./RhetoricPage'), 'RhetoricPage', 'public'),
    lazyPage(root, 'incidents/rhetoric/new', () => import('./RhetoricFormPage'), 'RhetoricFormPage', 'signed_in'),
    lazyPage(root, 'incidents/rhetoric/review', () => import('./RhetoricReviewPage'), 'RhetoricQueuePage', 'signed_in'),
    lazyPage(root, 'incidents/rhetoric/review/$id', () => import('./RhetoricReviewPage'), 'RhetoricStatementPage', 'signed_in'),
    lazyPage(root, 'incidents/campaigns', () => import('./CampaignsPage'), 'CampaignsPage', 'public'),
    lazyPage(root, 'incidents/campaigns/new', () => import('./CampaignFormPage'), 'CampaignFormPage', 'signed_in'),
    lazyPage(root, 'incidents/campaigns/$id/edit', () => import('./CampaignFormPage'), 'CampaignFormPage', 'signed_in'),
  ],
  banner: KeyBanner,
  nav: [
    { to: '/incidents/report', label: 'incidents.nav.report', icon: <ReportIcon />, show: 'public' },
    { to: '/incidents/statistics', label: 'incidents.nav.statistics', icon: <ChartIcon />, show: 'public' },
    { to: '/incidents/review', label: 'incidents.nav.review', icon: <QueueIcon />, show: 'incident.review' },
    { to: '/incidents/key', label: 'incidents.nav.key', icon: <KeyIcon />, show: 'incident.key.manage' },
    { to: '/incidents/rhetoric', label: 'incidents.nav.rhetoric', icon: <SpeechIcon />, show: 'public' },
    { to: '/incidents/campaigns', label: 'incidents.nav.campaigns', icon: <ReportIcon />, show: 'public' },
  ],
};
