import type { AnyRoute } from '@tanstack/react-router';
import { Icon } from '../app/icons';
import { lazyPage } from '../app/pages';
import type { WebDomain } from '../app/web-domain';

// Decorative, hidden from screen readers: books on a shelf, and three linked points.
const LibraryIcon = () => (
  <Icon>
    <path d="M4 4h4v16H4zM10 4h4v16h-4zM16 5l3.5-1 2 15.5-3.5 1z" />
  </Icon>
);
const NetworkIcon = () => (
  <Icon>
    <circle cx="6" cy="6" r="2.5" />
    <circle cx="18" cy="8" r="2.5" />
    <circle cx="10" cy="18" r="2.5" />
    <path d="M8 7l7.5 1M7 8l2.5 7.5M16.5 10l-5 6" />
  </Icon>
);

/** The border focal-point network (directory, notices, a State's focal points) and the good-practice library. */
export const networkDomain: WebDomain = {
  name: 'network',
  routes: (root: AnyRoute) => [
    lazyPage(root, 'library', () => import('./LibraryPage'), 'LibraryPage', 'public'),
    lazyPage(root, 'library/upload', () => import('./UploadPage'), 'UploadPage', 'signed_in'),
    lazyPage(root, 'library/documents/$id', () => import('./DocumentPage'), 'DocumentPage', 'public'),
    lazyPage(root, 'network', () => import('./DirectoryPage'), 'DirectoryPage', 'signed_in'),
    lazyPage(root, 'network/notices', () => import('./NoticesPage'), 'NoticesPage', 'signed_in'),
    lazyPage(root, 'network/notices/$id', () => import('./NoticePage'), 'NoticePage', 'signed_in'),
    lazyPage(root, 'network/requests', () => import('./RequestsPage'), 'RequestsPage', 'signed_in'),
    lazyPage(root, 'network/requests/ask', () => import('./AskPage'), 'AskPage', 'signed_in'),
    lazyPage(root, 'network/requests/$id', () => import('./RequestPage'), 'RequestPage', 'signed_in'),
    lazyPage(root, 'network/states/$iso2', () => import('./StatePage'), 'StatePage', 'signed_in'),
  ],
  nav: [
    { to: '/library', label: 'network.nav.library', icon: <LibraryIcon />, show: 'public' },
    { to: '/network', label: 'network.nav.network', icon: <NetworkIcon />, show: 'signed_in' },
  ],
};
