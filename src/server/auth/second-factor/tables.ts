import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UserSecondFactorTable {
  user_id: string;
  secret: string;
  confirmed_at: Timestamp | null;
  last_step: number | null;
  created_at: Generated<Date>;
}

export interface UserRecoveryCodeTable {
  id: Generated<number>;
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

export interface SecondFactorTables {
  user_second_factor: UserSecondFactorTable;
  user_recovery_code: UserRecoveryCodeTable;
}

declare module '../../db/schema.js' {
  interface DB extends SecondFactorTables {}
}
