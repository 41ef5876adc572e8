import type { AnyRoute } from '@tanstack/react-router';
import { Icon } from '../app/icons';
import { lazyPage } from '../app/pages';
import type { WebDomain } from '../app/web-domain';

// Decorative, hidden from screen readers: an address card and a telephone handset.
const CardIcon = () => (
  <Icon>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <circle cx="9" cy="11" r="2.5" />
    <path d="M5.5 17c.8-1.8 2-2.6 3.5-2.6s2.7.8 3.5 2.6M15 9h3M15 13h3" />
  </Icon>
);
const PhoneIcon = () => (
  <Icon>
    <path d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2" />
  </Icon>
);
const GlobeIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="9" />
    <path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18" />
  </Icon>
);

/** The directory: search, "whom do I call?", organisations, contacts, activities, the public map and the 3W matrix. */
export const directoryDomain: WebDomain = {
  name: 'directory',
  routes: (root: AnyRoute) => [
    lazyPage(root, 'directory', () => import('./SearchPage'), 'SearchPage', 'public'),
    lazyPage(root, 'directory/whom-to-call', () => import('./WhomToCallPage'), 'WhomToCallPage', 'public'),
    lazyPage(root, 'directory/public', () => import('./PublicPage'), 'PublicPage', 'public'),
    lazyPage(
      root,
      'directory/organisations/new',
      () => import('./OrganisationEditorPage'),
      'OrganisationEditorPage',
      'signed_in',
    ),
    lazyPage(root, 'directory/organisations/$id', () => import('./OrganisationPage'), 'OrganisationPage', 'public'),
    lazyPage(
      root,
      'directory/organisations/$id/edit',
      () => import('./OrganisationEditorPage'),
      'OrganisationEditorPage',
      'signed_in',
    ),
    lazyPage(root, 'directory/contacts/new', () => import('./ContactEditorPage'), 'ContactEditorPage', 'signed_in'),
    lazyPage(root, 'directory/contacts/$id', () => import('./ContactPage'), 'ContactPage', 'public'),
    lazyPage(root, 'directory/contacts/$id/edit', () => import('./ContactEditorPage'), 'ContactEditorPage', 'signed_in'),
    lazyPage(root, 'directory/activities/new', () => import('./ActivityEditorPage'), 'ActivityEditorPage', 'signed_in'),
    lazyPage(root, 'directory/activities/$id/edit', () => import('./ActivityEditorPage'), 'ActivityEditorPage', 'signed_in'),
    lazyPage(root, 'directory/import', () => import('./ImportPage'), 'ImportPage', 'signed_in'),
  ],
  nav: [
    { to: '/directory/whom-to-call', label: 'directory.nav.whom', icon: <PhoneIcon />, show: 'public' },
    { to: '/directory', label: 'directory.nav.search', icon: <CardIcon />, show: 'public' },
    { to: '/directory/public', label: 'directory.nav.public', icon: <GlobeIcon />, show: 'public' },
    { to: '/directory/import', label: 'directory.nav.import', icon: <CardIcon />, show: 'directory.import' },
  ],
};
