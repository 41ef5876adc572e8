import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Dates are read as ISO strings (queries cast them) and written as strings. */
type Day = ColumnType<string, string, string>;

export interface IncidentKeyTable {
  id: Generated<string>;
  public_key_spki: Buffer;
  sealed_private_key: Buffer | null;
  kdf_salt: Buffer | null;
  kdf_iterations: number | null;
  seal_iv: Buffer | null;
  created_at: Generated<Date>;
  retired_at: Timestamp | null;
}

export interface IncidentReportTable {
  id: Generated<string>;
  receipt_hash: Buffer;
  status: Generated<string>;
  occurred_on: Day;
  date_approximate: Generated<boolean>;
  country_iso2: string;
  place: string;
  /** numeric, read as text. */
  latitude: ColumnType<string | null, number | null, number | null>;
  longitude: ColumnType<string | null, number | null, number | null>;
  incident_type: string;
  property_target: string | null;
  targets: string[];
  bias_motivation: string;
  bias_indicators: Generated<string[]>;
  source: string;
  contact_consent: Generated<boolean>;
  encrypted_in: 'browser' | 'server';
  redacted_description: string | null;
  assigned_to: string | null;
  duplicate_of: string | null;
  rejection_reason: string | null;
  closed_at: Timestamp | null;
  contact_deleted_at: Timestamp | null;
  received_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface IncidentSealedTable {
  id: Generated<string>;
  report_id: string;
  kind: 'contact' | 'description' | 'photo';
  key_id: string;
  wrapped_key: Buffer;
  payload: Buffer;
  media_type: string | null;
  position: Generated<number>;
  created_at: Generated<Date>;
}

export interface IncidentEventTable {
  id: Generated<string>;
  report_id: string;
  at: Generated<Date>;
  actor_id: string | null;
  kind: 'received' | 'status' | 'assigned' | 'note' | 'redacted' | 'contact_deleted';
  from_status: string | null;
  to_status: string | null;
  note: string | null;
}

export interface IncidentSubmissionTable {
  id: Generated<string>;
  address_hash: Buffer;
  /** Null for a refused attempt. */
  proof_hash: Buffer | null;
  accepted: Generated<boolean>;
  at: Generated<Date>;
}

/** The published statistics (publication/): one row, replaced on a schedule. */
export interface IncidentPublicationTable {
  id: Generated<number>;
  computed_at: Timestamp;
  counts_digest: string;
  body: ColumnType<unknown, string, string>;
}

/** A public statement of xenophobic rhetoric (rhetoric/): never a hate incident, never in their figures. */
export interface RhetoricStatementTable {
  id: Generated<string>;
  status: Generated<'submitted' | 'verified' | 'rejected'>;
  stated_on: Day;
  country_iso2: string;
  speaker_role: string;
  medium: string;
  link: string | null;
  words: string;
  context: Generated<string>;
  submitted_by: string | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  rejection_reason: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** An awareness-raising campaign against xenophobia (campaigns/). */
export interface AwarenessCampaignTable {
  id: Generated<string>;
  title: string;
  description: Generated<string>;
  organiser_id: string;
  audiences: ColumnType<string[], string[] | undefined, string[]>;
  starts_on: Day;
  ends_on: ColumnType<string | null, string | null | undefined, string | null>;
  reach_count: number | null;
  reach_description: Generated<string>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AwarenessCampaignCountryTable {
  campaign_id: string;
  country_iso2: string;
}

export interface AwarenessCampaignMaterialTable {
  campaign_id: string;
  document_id: string;
  position: number;
}

export interface IncidentTables {
  incident_key: IncidentKeyTable;
  incident_report: IncidentReportTable;
  incident_sealed: IncidentSealedTable;
  incident_event: IncidentEventTable;
  incident_submission: IncidentSubmissionTable;
  incident_publication: IncidentPublicationTable;
  rhetoric_statement: RhetoricStatementTable;
  awareness_campaign: AwarenessCampaignTable;
  awareness_campaign_country: AwarenessCampaignCountryTable;
  awareness_campaign_material: AwarenessCampaignMaterialTable;
}

declare module '../db/schema.js' {
  interface DB extends IncidentTables {}
}
