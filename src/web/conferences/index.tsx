import type { AnyRoute } from '@tanstack/react-router';
import { Icon } from '../app/icons';
import { lazyPage } from '../app/pages';
import type { WebDomain } from '../app/web-domain';

// Decorative, hidden from screen readers: a lectern with a microphone.
const LecternIcon = () => (
  <Icon>
    <path d="M6 10h12l-2 10H8z" />
    <path d="M12 10V5" />
    <circle cx="12" cy="4" r="1.5" />
  </Icon>
);

/** Conferences: events, invitation lists, public registration on a phone, tickets with a QR code, check-in. */
export const conferencesDomain: WebDomain = {
  name: 'conferences',
  routes: (root: AnyRoute) => [
    lazyPage(root, 'conferences', () => import('./EventsPage'), 'EventsPage', 'public'),
    lazyPage(root, 'conferences/events/$id', () => import('./EventPage'), 'EventPage', 'public'),
    lazyPage(root, 'conferences/events/$id/invitation', () => import('./InvitationPage'), 'InvitationPage', 'signed_in'),
    lazyPage(root, 'conferences/events/$id/register', () => import('./RegisterPage'), 'RegisterPage', 'public'),
    lazyPage(root, 'conferences/tickets/$token', () => import('./TicketPage'), 'TicketPage', 'public'),
    lazyPage(root, 'conferences/check-in', () => import('./CheckInPage'), 'CheckInPage', 'signed_in'),
    lazyPage(root, 'conferences/check-in/$token', () => import('./CheckInPage'), 'CheckInPage', 'signed_in'),
  ],
  nav: [
    { to: '/conferences', label: 'conferences.nav.events', icon: <LecternIcon />, show: 'public' },
    { to: '/conferences/check-in', label: 'conferences.nav.checkIn', icon: <LecternIcon />, show: 'conference.manage' },
  ],
};
