import type { ColumnType, Generated } from 'kysely';

type DateText = ColumnType<string, string, string>;

export type MissionStatus =
  | 'draft'
  | 'proposed'
  | 'approved'
  | 'team_confirmed'
  | 'deployed'
  | 'reporting'
  | 'closed'
  | 'cancelled';

export type ConsentStatus = 'not_requested' | 'requested' | 'given' | 'refused';

export interface MissionTable {
  id: Generated<string>;
  code: string;
  title: string;
  status: Generated<MissionStatus>;
  terms_of_reference: Generated<string>;
  mandate_reference: string | null;
  mandate_date: DateText | null;
  consent_status: Generated<ConsentStatus>;
  consent_date: DateText | null;
  consent_document: string | null;
  starts_on: DateText;
  ends_on: DateText;
  team_min: number;
  team_max: number;
  all_dimensions: boolean;
  min_organisations: number;
  required_prerequisites: ColumnType<string[], string[] | undefined, string[]>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MissionCountryTable {
  mission_id: string;
  country_iso2: string;
  position: number;
}

export interface MissionCompetenceTable {
  mission_id: string;
  competence_code: string;
  min_level: number;
  count: number;
}

export interface MissionLanguageTable {
  mission_id: string;
  language_code: string;
  min_level: string;
  skill: 'speaking' | 'writing';
}

export interface MissionTransitionTable {
  id: Generated<string>;
  mission_id: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  at: Generated<Date>;
  note: Generated<string>;
}

export interface CalendarFeedTokenTable {
  id: Generated<string>;
  user_id: string;
  token_hash: Buffer;
  label: Generated<string>;
  created_at: Generated<Date>;
  revoked_at: Date | null;
}

export type PartnerRole = 'joint_visit' | 'briefing' | 'data';

export interface MissionPartnerTable {
  mission_id: string;
  organisation_id: string;
  role: PartnerRole;
  note: Generated<string>;
  created_at: Generated<Date>;
}

/** The missions' tables. */
export interface MissionTables {
  mission: MissionTable;
  mission_country: MissionCountryTable;
  mission_competence: MissionCompetenceTable;
  mission_language: MissionLanguageTable;
  mission_transition: MissionTransitionTable;
  calendar_feed_token: CalendarFeedTokenTable;
  mission_partner: MissionPartnerTable;
}

declare module '../db/schema.js' {
  interface DB extends MissionTables {}
}
