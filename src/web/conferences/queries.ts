import { queryOptions } from '@tanstack/react-query';
import type { SessionDocument } from '../../server/conferences/agenda/documents/schemas.js';
import type { PersonChoice, SessionPerson, SessionPersonInput } from '../../server/conferences/agenda/people/schemas.js';
import type { EventPage, EventSummary, EventView, SessionView } from '../../server/conferences/events/schemas.js';
import type { InvitationView } from '../../server/conferences/invitations/schemas.js';
import type { PublicParticipantList, RegistrationList, StatisticsView } from '../../server/conferences/participants/schemas.js';
import type { CheckInView, TicketView } from '../../server/conferences/registrations/schemas.js';
import { api, queryString } from '../app/api';

export type {
  CheckInView,
  EventPage,
  EventSummary,
  EventView,
  InvitationView,
  PersonChoice,
  PublicParticipantList,
  RegistrationList,
  SessionDocument,
  SessionPerson,
  SessionPersonInput,
  SessionView,
  StatisticsView,
  TicketView,
};

export const EVENT_KINDS = ['expert_conference', 'meeting', 'workshop', 'webinar'] as const;
/** What a registrant may say of their gender (the server's GENDERS). */
export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];

export function eventsQuery(filter: { kind: string | null; when: string | null; q: string; offset: number }) {
  return queryOptions({
    queryKey: ['conferences', 'events', filter],
    queryFn: () =>
      api.get<EventPage>(
        `/conferences/events${queryString({ kind: filter.kind ?? undefined, when: filter.when ?? undefined, q: filter.q || undefined, offset: filter.offset, limit: 20 })}`,
      ),
  });
}

export function eventQuery(id: string) {
  return queryOptions({ queryKey: ['conferences', 'event', id], queryFn: () => api.get<EventView>(`/conferences/events/${id}`) });
}

/** The contacts and experts the organiser may name in the agenda, by words of their name. */
export function peopleQuery(eventId: string, q: string) {
  return queryOptions({
    queryKey: ['conferences', 'people', eventId, q],
    queryFn: () => api.get<{ items: PersonChoice[] }>(`/conferences/events/${eventId}/people${queryString({ q })}`),
  });
}

export function invitationQuery(id: string) {
  return queryOptions({
    queryKey: ['conferences', 'invitation', id],
    queryFn: () => api.get<InvitationView>(`/conferences/events/${id}/invitation`),
  });
}

export function participantsQuery(id: string) {
  return queryOptions({
    queryKey: ['conferences', 'participants', id],
    queryFn: () => api.get<PublicParticipantList>(`/conferences/events/${id}/participants`),
  });
}

export function registrationsQuery(id: string) {
  return queryOptions({
    queryKey: ['conferences', 'registrations', id],
    queryFn: () => api.get<RegistrationList>(`/conferences/events/${id}/registrations`),
  });
}

export function statisticsQuery(id: string) {
  return queryOptions({
    queryKey: ['conferences', 'statistics', id],
    queryFn: () => api.get<StatisticsView>(`/conferences/events/${id}/statistics`),
  });
}

export function ticketQuery(token: string) {
  return queryOptions({
    queryKey: ['conferences', 'ticket', token],
    queryFn: () => api.get<TicketView>(`/conferences/tickets/${token}`),
  });
}

/** `2099-10-27T09:00` as the reader's language writes a date and time. */
export function formatLocal(local: string, language: string): string {
  const [day, time] = local.split('T');
  const date = new Date(`${day}T00:00:00Z`);
  return `${new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date)} ${time}`;
}
