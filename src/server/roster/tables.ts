import type { ColumnType, Generated } from 'kysely';

/** Dates are read and written as `YYYY-MM-DD` text (the connection returns dates as strings). */
type DateText = ColumnType<string, string, string>;

export interface ExpertTable {
  id: Generated<string>;
  user_id: string | null;
  name: string;
  organisation_id: string;
  seconding_iso2: string | null;
  gender: 'female' | 'male' | 'other' | 'undisclosed';
  readiness: 'ready' | 'ready_with_induction' | 'not_deployable';
  yearly_cap_days: number;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ExpertNationalityTable {
  expert_id: string;
  country_iso2: string;
}

export interface ExpertCompetenceTable {
  expert_id: string;
  competence_code: string;
  level: number;
}

export interface ExpertLanguageTable {
  expert_id: string;
  language_code: string;
  speaking: string;
  writing: string;
}

export interface ExpertPeriodTable {
  id: Generated<string>;
  expert_id: string;
  kind: 'available' | 'unavailable';
  starts_on: DateText;
  ends_on: DateText;
  note: Generated<string>;
}

export interface ExpertPrerequisiteTable {
  expert_id: string;
  code: string;
  expires_on: DateText | null;
}

export interface DeploymentTable {
  id: Generated<string>;
  expert_id: string;
  mission_id: string | null;
  title: string;
  starts_on: DateText;
  ends_on: DateText;
  covers: ColumnType<string[], string | undefined, string>;
  appraisal: string | null;
  rating: number | null;
  created_at: Generated<Date>;
}

/** The roster's tables. */
export interface RosterTables {
  expert: ExpertTable;
  expert_nationality: ExpertNationalityTable;
  expert_competence: ExpertCompetenceTable;
  expert_language: ExpertLanguageTable;
  expert_period: ExpertPeriodTable;
  expert_prerequisite: ExpertPrerequisiteTable;
  deployment: DeploymentTable;
}

declare module '../db/schema.js' {
  interface DB extends RosterTables {}
}
