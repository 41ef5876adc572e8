import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  category: string;
  kind: string;
  params: ColumnType<Record<string, string>, string, string>;
  link: string;
  created_at: Generated<Date>;
  read_at: Timestamp | null;
}

export type EmailStatus = 'held' | 'pending' | 'sent' | 'failed' | 'digested';

export interface NotificationEmailTable {
  id: Generated<number>;
  user_id: string;
  notification_id: string | null;
  digest_id: number | null;
  status: Generated<EmailStatus>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  lease_until: Timestamp | null;
  claimed_by: string | null;
  last_error: string | null;
  created_at: Generated<Date>;
  sent_at: Timestamp | null;
}

export type DeliveryMode = 'immediate' | 'digest' | 'off';

export interface NotificationPreferenceTable {
  user_id: string;
  category: string;
  mode: DeliveryMode;
  updated_at: Generated<Date>;
}

export interface NotificationSigningKeyTable {
  id: Generated<number>;
  secret: Buffer;
  created_at: Generated<Date>;
}

export interface NotificationKnownDeviceTable {
  user_id: string;
  device_hash: Buffer;
  first_seen_at: Generated<Date>;
}

/** The notifications' tables. */
export interface NotificationTables {
  notification: NotificationTable;
  notification_email: NotificationEmailTable;
  notification_preference: NotificationPreferenceTable;
  notification_signing_key: NotificationSigningKeyTable;
  notification_known_device: NotificationKnownDeviceTable;
}

declare module '../db/schema.js' {
  interface DB extends NotificationTables {}
}
