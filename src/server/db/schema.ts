import type { ColumnType, Generated } from 'kysely';
import type { JobTables } from '../jobs/tables.js';

/** Timestamps are read as Date and written as Date or an ISO string. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NamedInSixLanguages = {
  name_en: string;
  name_fr: string;
  name_de: string;
  name_it: string;
  name_ru: string;
  name_es: string;
};

export interface CountryTable extends NamedInSixLanguages {
  iso2: string;
  iso3: string;
  osce_status: 'participating' | 'partner' | 'other';
  partner_group: 'asian' | 'mediterranean' | null;
  subregion: string | null;
  field_operation: ColumnType<boolean, boolean | undefined, boolean>;
  capital: string | null;
  /** numeric, read as text to keep its exact value. */
  capital_latitude: ColumnType<string | null, number | string | null, number | string | null>;
  capital_longitude: ColumnType<string | null, number | string | null, number | string | null>;
  east_of_vienna: ColumnType<boolean | null, never, never>;
}

export interface OrganisationTable {
  id: Generated<string>;
  code: string | null;
  type: string;
  acronym: string | null;
  name_en: string;
  name_fr: string | null;
  name_de: string | null;
  name_it: string | null;
  name_ru: string | null;
  name_es: string | null;
  parent_id: string | null;
  country_iso2: string | null;
  city: string | null;
  website: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CompetenceTable extends NamedInSixLanguages {
  code: string;
  dimension_code: string;
}

export interface CodedTable extends NamedInSixLanguages {
  code: string;
}

export interface AppUserTable {
  id: Generated<string>;
  email: string;
  name: string;
  language: Generated<string>;
  password_hash: string | null;
  must_change_password: Generated<boolean>;
  disabled_at: Timestamp | null;
  last_login_at: Timestamp | null;
  password_changed_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RoleGrantTable {
  id: Generated<string>;
  user_id: string;
  role: string;
  scope_type: 'global' | 'organisation' | 'country';
  organisation_id: string | null;
  country_iso2: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface UserSessionTable {
  id: Generated<string>;
  token_hash: Buffer;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  address: string | null;
  user_agent: string | null;
  /** The second step the session must still take (auth/second-factor), or null for a full session. */
  second_factor_step: 'verify' | 'enrol' | null;
}

export interface LoginFailureTable {
  id: Generated<number>;
  account_key: string;
  address: string;
  at: Generated<Date>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_id: string | null;
  verb: string;
  record_type: string | null;
  record_id: string | null;
  request_id: string | null;
  address: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: Generated<Date>;
  /** SHA-256 of the file as applied (LF line endings); null only for rows from before checksums were kept. */
  checksum: string | null;
}

/** The hash of the shipped reference data last loaded (one row). */
export interface ReferenceDataLoadTable {
  singleton: Generated<boolean>;
  content_hash: string;
  loads: Generated<number>;
  loaded_at: Generated<Timestamp>;
}

/** The platform's own tables. */
export interface PlatformTables {
  country: CountryTable;
  organisation: OrganisationTable;
  dimension: CodedTable;
  key_area: CodedTable;
  competence: CompetenceTable;
  language: CodedTable;
  app_user: AppUserTable;
  role_grant: RoleGrantTable;
  user_session: UserSessionTable;
  login_failure: LoginFailureTable;
  audit_log: AuditLogTable;
  schema_migration: SchemaMigrationTable;
  reference_data_load: ReferenceDataLoadTable;
}

/**
 * The database as Kysely sees it: the platform's own tables here, and each domain's added by its
 * own `tables.ts` through declaration merging (`declare module '../db/schema.js' { interface DB
 * extends …Tables {} }`), so that this layer names no domain.
 */
export interface DB extends PlatformTables, JobTables {}
