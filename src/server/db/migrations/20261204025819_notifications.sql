-- Notifications: the notices a person reads in the platform, and the outbox of their emails.
--
-- A notice and its email are written in the transaction of the event that causes them, so that a
-- write that rolls back leaves neither, and one that commits loses neither. Any instance may send
-- the emails: each claims a few rows at a time (FOR UPDATE SKIP LOCKED) with a lease, so that two
-- instances never send the same row, and a row whose instance died is claimed again once the
-- lease runs out.

create table notification (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null,
  category text not null,
  kind text not null,
  -- The values its text is built from, in the reader's language when it is read: names and
  -- references only, never protected data.
  params jsonb not null default '{}'::jsonb,
  link text not null,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  constraint notification_user_fk foreign key (user_id) references app_user (id) on delete cascade,
  constraint notification_kind_ck check (kind ~ '^[a-z_]+(\.[a-z_]+)+$'),
  constraint notification_link_ck check (link ~ '^/[^/]')
);
create index notification_user_idx on notification (user_id, created_at desc);
create index notification_unread_idx on notification (user_id) where read_at is null;

create table notification_email (
  id bigint generated always as identity primary key,
  user_id uuid not null,
  -- One notice's email, or (null) a daily digest of the notices held for it.
  notification_id uuid,
  -- For a notice held for the digest: the digest that carried it.
  digest_id bigint,
  -- held: waits for the digest; pending: to be sent; digested: carried by a digest.
  status text not null default 'pending',
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  lease_until timestamptz,
  claimed_by text,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  constraint notification_email_user_fk foreign key (user_id) references app_user (id) on delete cascade,
  constraint notification_email_notification_fk foreign key (notification_id) references notification (id) on delete cascade,
  constraint notification_email_digest_fk foreign key (digest_id) references notification_email (id) on delete set null,
  constraint notification_email_status_ck check (status in ('held', 'pending', 'sent', 'failed', 'digested')),
  constraint notification_email_attempts_ck check (attempts >= 0),
  constraint notification_email_sent_ck check ((status = 'sent') = (sent_at is not null))
);
create index notification_email_due_idx on notification_email (next_attempt_at) where status = 'pending';
create index notification_email_held_idx on notification_email (user_id) where status = 'held';
create index notification_email_failed_idx on notification_email (created_at desc) where status = 'failed';
create index notification_email_user_idx on notification_email (user_id);
create index notification_email_notification_idx on notification_email (notification_id);
create index notification_email_digest_idx on notification_email (digest_id);

create table notification_preference (
  user_id uuid not null,
  category text not null,
  mode text not null,
  updated_at timestamptz not null default now(),
  constraint notification_preference_pk primary key (user_id, category),
  constraint notification_preference_user_fk foreign key (user_id) references app_user (id) on delete cascade,
  constraint notification_preference_mode_ck check (mode in ('immediate', 'digest', 'off'))
);

-- The key that signs the one-click unsubscribe links: one per installation, shared by its
-- instances, drawn by the first that needs it.
create table notification_signing_key (
  id smallint primary key default 1,
  secret bytea not null,
  created_at timestamptz not null default now(),
  constraint notification_signing_key_one_ck check (id = 1),
  constraint notification_signing_key_length_ck check (length(secret) >= 32)
);

-- The devices a person has signed in from, by a hash of their browser's description, so that a
-- sign-in from a new one can be told to them.
create table notification_known_device (
  user_id uuid not null,
  device_hash bytea not null,
  first_seen_at timestamptz not null default now(),
  constraint notification_known_device_pk primary key (user_id, device_hash),
  constraint notification_known_device_user_fk foreign key (user_id) references app_user (id) on delete cascade
);
