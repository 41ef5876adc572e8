import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Dates are read as ISO strings (see queries.ts, which casts them) and written as strings. */
type Day = ColumnType<string, string, string>;

export interface WarningIndicatorTable {
  id: Generated<number>;
  code: string;
  name_en: string;
  name_fr: string;
  name_de: string;
  name_it: string;
  name_ru: string;
  name_es: string;
  unit: string;
  source: string;
  frequency: 'month' | 'quarter' | 'year';
  direction: 'higher_is_worse' | 'higher_is_better';
  description: Generated<string>;
}

export interface WarningImportBatchTable {
  id: Generated<string>;
  source: string;
  format: string;
  file_name: Generated<string>;
  file_sha256: string;
  row_count: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** What the import did to the source: rows and columns summed, kept apart, dropped or skipped. */
  method: Generated<string>;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface WarningObservationTable {
  indicator_id: number;
  country_iso2: string;
  period: Day;
  value: number;
  batch_id: string;
}

export interface WarningObservationRevisionTable {
  id: Generated<string>;
  indicator_id: number;
  country_iso2: string;
  period: Day;
  value: number;
  batch_id: string;
  replaced_by_batch_id: string;
  replaced_at: Generated<Date>;
}

export interface WarningRuleTable {
  id: Generated<string>;
  indicator_id: number;
  country_iso2: string | null;
  kind: 'threshold' | 'change_previous' | 'change_year' | 'zscore';
  threshold: number;
  window_periods: number | null;
  level: 'yellow' | 'orange' | 'red';
  name: string;
  /** The name in the interface languages, by language code; empty for a rule named in one. */
  names: ColumnType<Record<string, string>, string | undefined, string>;
  /** Observations whose value and reference both stay below it are ignored (tiny bases). */
  minimum_base: ColumnType<number | null, number | null | undefined, number | null>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
}

export interface WarningAlertTable {
  id: Generated<string>;
  rule_id: string;
  country_iso2: string;
  period: Day;
  value: number;
  reference_value: number | null;
  measure: number;
  threshold: number;
  level: 'yellow' | 'orange' | 'red';
  batch_id: string | null;
  fired_at: Generated<Date>;
  status: Generated<'open' | 'acknowledged' | 'dismissed'>;
  note: Generated<string>;
  decided_by: string | null;
  decided_at: Timestamp | null;
}

/** A URL fetched on a schedule and imported like a file sent by hand (migration 20261205160000_warning_feeds.sql). */
export interface WarningFeedTable {
  id: Generated<string>;
  name: string;
  url: string;
  format: string | null;
  mapping: ColumnType<Record<string, string> | null, string | null, string | null>;
  indicator: string | null;
  every_hours: Generated<number>;
  enabled: Generated<boolean>;
  stale_after_runs: Generated<number>;
  next_run_at: Generated<Date>;
  running_since: Timestamp | null;
  last_run_at: Timestamp | null;
  last_outcome: 'imported' | 'unchanged' | 'failed' | null;
  last_error: string | null;
  last_batch_id: string | null;
  last_changed_at: Timestamp | null;
  unchanged_runs: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

/** The early-warning tables (migration 20261128140000_warning.sql). */
export interface WarningTables {
  warning_indicator: WarningIndicatorTable;
  warning_import_batch: WarningImportBatchTable;
  warning_feed: WarningFeedTable;
  warning_observation: WarningObservationTable;
  warning_observation_revision: WarningObservationRevisionTable;
  warning_rule: WarningRuleTable;
  warning_alert: WarningAlertTable;
}

declare module '../db/schema.js' {
  interface DB extends WarningTables {}
}

/** The drivers of displacement, the alerts naming them and each country's role in the flows (migration 20261205130000). */
export interface FlowTables {
  displacement_driver: {
    code: string;
    parent_code: string | null;
    position: number;
    name_en: string;
    name_fr: string;
    name_de: string;
    name_it: string;
    name_ru: string;
    name_es: string;
  };
  warning_alert_driver: { alert_id: string; driver_code: string };
  /** A view over the imported UNHCR figures. */
  country_flow_role: {
    country_iso2: string;
    year: number;
    refugees_from: number | null;
    refugees_hosted: number | null;
    arrivals: number | null;
    origin: boolean;
    destination: boolean;
    transit: boolean;
  };
}

declare module '../db/schema.js' {
  interface DB extends FlowTables {}
}
