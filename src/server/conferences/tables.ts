import type { ColumnType, Generated } from 'kysely';
import type { InvitationTerm } from './invitations/expression.js';

type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type Instant = ColumnType<Date, Date | string, Date | string>;

export type EventKind = 'expert_conference' | 'meeting' | 'workshop' | 'webinar';
export type RegistrationStatus = 'confirmed' | 'waiting' | 'cancelled';
export type Gender = 'female' | 'male' | 'other' | 'undisclosed';

/** The invitation list as written: the terms over the country groups and the organisations added by name. */
export interface Invitation {
  terms: InvitationTerm[];
  organisations: string[];
}

export interface ConferenceEventTable {
  id: Generated<string>;
  kind: EventKind;
  title: string;
  organiser_id: string;
  starts_at: Instant;
  ends_at: Instant;
  time_zone: string;
  venue: Generated<string>;
  online_url: string | null;
  languages: TextArray;
  public: boolean;
  capacity: number;
  delegation_capacity: number | null;
  invitation: ColumnType<Invitation, string | undefined, string>;
  invited_at: Date | null;
  summary: Generated<string>;
  /** When the chair's summary was published and its recommendations entered the tracker. */
  outcome_published_at: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ConferenceRegistrationTable {
  id: Generated<string>;
  event_id: string;
  name: string;
  email: string;
  country_iso2: string | null;
  organisation_id: string | null;
  organisation_name: Generated<string>;
  function: Generated<string>;
  accessibility: Generated<string>;
  dietary: Generated<string>;
  visa_letter: Generated<boolean>;
  listed: Generated<boolean>;
  /** For the statistics only; null when not stated. */
  gender: ColumnType<Gender | null, Gender | null | undefined, Gender | null>;
  status: RegistrationStatus;
  token: string;
  checked_in_at: Date | null;
  user_id: string | null;
  created_at: Generated<Date>;
}

/** One individual person on an event's invitation list: an account, or a contact of the directory. */
export interface ConferenceInvitedPersonTable {
  id: Generated<string>;
  event_id: string;
  user_id: string | null;
  contact_id: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
}

/** A session a participant chose to attend, by their ticket. */
export interface ConferenceRegistrationSessionTable {
  registration_id: string;
  session_id: string;
}

export interface ConferenceSessionTable {
  id: Generated<string>;
  event_id: string;
  title: string;
  starts_at: Instant;
  ends_at: Instant;
  room: Generated<string>;
}

export type SessionRole = 'moderator' | 'speaker';

/** A moderator or speaker of a session: a directory contact, a roster expert, or a guest. */
export interface ConferenceSessionPersonTable {
  id: Generated<string>;
  session_id: string;
  role: SessionRole;
  position: number;
  contact_id: string | null;
  expert_id: string | null;
  guest_name: string | null;
  guest_affiliation: Generated<string>;
  /** Named to the public although the directory or the roster would not show them. */
  announced: Generated<boolean>;
}

export type SessionDocumentVisibility = 'public' | 'participants' | 'organisers';

export interface ConferenceSessionDocumentTable {
  id: Generated<string>;
  session_id: string;
  title: string;
  visibility: SessionDocumentVisibility;
  file_name: string;
  media_type: string;
  byte_size: number;
  sha256: Buffer;
  content: Buffer;
  uploaded_by: string | null;
  created_at: Generated<Date>;
}

export interface ConferenceRecommendationTable {
  id: Generated<string>;
  event_id: string;
  position: number;
  text: string;
}

/** The conferences domain's tables. */
export interface ConferenceTables {
  conference_event: ConferenceEventTable;
  conference_registration: ConferenceRegistrationTable;
  conference_session: ConferenceSessionTable;
  conference_registration_session: ConferenceRegistrationSessionTable;
  conference_session_person: ConferenceSessionPersonTable;
  conference_session_document: ConferenceSessionDocumentTable;
  conference_invited_person: ConferenceInvitedPersonTable;
  conference_recommendation: ConferenceRecommendationTable;
}

declare module '../db/schema.js' {
  interface DB extends ConferenceTables {}
}
