import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A date column, read as 'YYYY-MM-DD' text on both backends. */
type DateText = ColumnType<string, string, string>;
/** numeric, read as text to keep its exact value. */
type Numeric = ColumnType<string, number | string, number | string>;
type Json<T> = ColumnType<T, string, string>;

export interface SolidarityKeyTable {
  id: Generated<string>;
  name: string;
  description: string;
  based_on: string | null;
  current_version: number;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
}

export interface SolidarityKeyVersionTable {
  id: Generated<string>;
  key_id: string;
  version: number;
  /** The key definition as posted: criteria, States with their values, total. */
  definition: Json<unknown>;
  total: ColumnType<number, number, number>;
  state_count: number;
  note: string;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface SolidarityPledgeTable {
  id: Generated<string>;
  country_iso2: string;
  type: string;
  quantity: Numeric;
  currency: string | null;
  beneficiary_iso2: string | null;
  description: string;
  pledged_on: DateText;
  due_on: DateText | null;
  status: string;
  revision: number;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface SolidarityRelocationTable {
  id: Generated<string>;
  country_iso2: string;
  from_iso2: string;
  period: DateText;
  persons: number;
  pledge_id: string | null;
  note: string;
  revision: number;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** Every state a ledger entry has been in: one row per change, never updated or deleted. */
export interface SolidarityRevisionTable {
  id: Generated<number>;
  entry_id: string;
  revision: number;
  action: 'create' | 'update';
  changed_at: Generated<Date>;
  changed_by: string | null;
  snapshot: Json<Record<string, unknown>>;
}

/** The 1:1 scheme of the EU-Turkey statement, one row per month. */
export interface SolidarityOneForOneTable {
  /** The first day of the month. */
  month: DateText;
  returns: number;
  resettled: number;
  approximate: boolean;
  /** The period the figures cover: from the previous report (or the statement) to this one. */
  covers_from: DateText;
  reported_on: DateText;
  source: string;
  source_url: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** The solidarity domain's tables. */
export interface SolidarityTables {
  solidarity_key: SolidarityKeyTable;
  solidarity_key_version: SolidarityKeyVersionTable;
  solidarity_pledge: SolidarityPledgeTable;
  solidarity_pledge_revision: SolidarityRevisionTable;
  solidarity_relocation: SolidarityRelocationTable;
  solidarity_relocation_revision: SolidarityRevisionTable;
  solidarity_one_for_one: SolidarityOneForOneTable;
}

declare module '../db/schema.js' {
  interface DB extends SolidarityTables {}
}
