import type { ColumnType, Generated } from 'kysely';
import type { ReportContent } from './schemas.js';

type DateText = ColumnType<string, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'adopted' | 'distributed';
export type ProjectStatus = 'not_started' | 'in_progress' | 'implemented' | 'not_implemented';

export interface MissionReportTable {
  id: Generated<string>;
  mission_id: string;
  status: Generated<ReportStatus>;
  version: Generated<number>;
  public_summary: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  adopted_at: Timestamp | null;
  distributed_at: Timestamp | null;
}

export interface MissionReportVersionTable {
  id: Generated<string>;
  report_id: string;
  number: number;
  content: ColumnType<ReportContent, string, string>;
  author_id: string | null;
  created_at: Generated<Date>;
}

export interface MissionReportTransitionTable {
  id: Generated<string>;
  report_id: string;
  action: string;
  from_status: string;
  to_status: string;
  comment: Generated<string>;
  actor_id: string | null;
  at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Where a recommendation in the tracker comes from (migration 20261206120000). */
export type RecommendationSource = 'report' | 'conference' | 'external';

export interface RecommendationTable {
  id: Generated<string>;
  report_id: string | null;
  source: Generated<RecommendationSource>;
  event_id: string | null;
  source_organisation_id: string | null;
  source_document: string | null;
  source_date: DateText | null;
  commitment_id: string | null;
  created_by: string | null;
  position: number;
  text: string;
  addressee_country_iso2: string | null;
  addressee_organisation_id: string | null;
  key_area_code: string;
  dimension_code: string;
  priority: 'high' | 'medium' | 'low';
  due_on: DateText | null;
  created_at: Generated<Date>;
}

export interface FollowUpProjectTable {
  id: Generated<string>;
  recommendation_id: string;
  organisation_id: string;
  title: string;
  /** numeric, read as text to keep its exact value. */
  budget: ColumnType<string | null, string | number | null, string | number | null>;
  currency: string | null;
  starts_on: DateText | null;
  ends_on: DateText | null;
  status: Generated<ProjectStatus>;
  reason: string | null;
  status_changed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface FollowUpNoteTable {
  id: Generated<string>;
  project_id: string;
  noted_on: DateText;
  text: string;
  author_id: string | null;
  created_at: Generated<Date>;
}

/** Money a participating State or a donor organisation gives a project beside the unified budget. */
export interface ProjectContributionTable {
  id: Generated<string>;
  project_id: string;
  contributor_country_iso2: string | null;
  contributor_organisation_id: string | null;
  /** numeric, read as text to keep its exact value. */
  amount: ColumnType<string, string | number, string | number>;
  currency: string;
  status: ColumnType<ContributionStatus, ContributionStatus | undefined, ContributionStatus>;
  contributed_on: DateText;
  note: ColumnType<string, string | undefined, string>;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: string | null;
}

export type ContributionStatus = 'pledged' | 'confirmed' | 'received' | 'withdrawn';

/** The reports' tables. */
export interface ReportTables {
  mission_report: MissionReportTable;
  mission_report_version: MissionReportVersionTable;
  mission_report_transition: MissionReportTransitionTable;
  recommendation: RecommendationTable;
  follow_up_project: FollowUpProjectTable;
  follow_up_note: FollowUpNoteTable;
  project_contribution: ProjectContributionTable;
}

declare module '../db/schema.js' {
  interface DB extends ReportTables {}
}

/** The drivers of displacement a report names, and whom its team met (migration 20261205130000). */
export interface ReportDriverTables {
  mission_report_driver: { report_id: string; driver_code: string };
  mission_report_person_met: {
    id: Generated<string>;
    report_id: string;
    position: number;
    contact_id: string | null;
    name: string;
    function: Generated<string>;
    organisation_name: Generated<string>;
  };
}

declare module '../db/schema.js' {
  interface DB extends ReportDriverTables {}
}
