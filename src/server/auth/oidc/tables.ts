import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface SsoIdentityTable {
  issuer: string;
  subject: string;
  user_id: string;
  linked_at: Generated<Date>;
  last_sign_in_at: Generated<Date>;
}

export interface SsoAttemptTable {
  state_hash: Buffer;
  nonce: string;
  code_verifier: string;
  return_to: string | null;
  expires_at: Timestamp;
}

export interface SsoTables {
  sso_identity: SsoIdentityTable;
  sso_attempt: SsoAttemptTable;
}

declare module '../../db/schema.js' {
  interface DB extends SsoTables {}
}
