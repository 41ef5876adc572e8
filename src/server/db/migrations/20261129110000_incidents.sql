-- Hate incidents against migrants and refugees: public reports, their verification, and the data
-- that could put a reporter or a victim at risk, which is only ever stored encrypted.

-- The organisation's key pair. The public key encrypts; the private key is kept only sealed under
-- a passphrase the server never sees (PKCS8, AES-256-GCM under a PBKDF2-SHA256 key). One key is
-- active; a rotation retires the old one and drops its sealed private key.
create table incident_key (
  id uuid primary key default gen_random_uuid(),
  public_key_spki bytea not null,
  sealed_private_key bytea,
  kdf_salt bytea,
  kdf_iterations integer,
  seal_iv bytea,
  created_at timestamptz not null default now(),
  retired_at timestamptz,
  constraint incident_key_kdf_ck check (kdf_iterations is null or kdf_iterations >= 100000),
  constraint incident_key_sealed_ck check ((retired_at is null) = (sealed_private_key is not null))
);
create unique index incident_key_active_uq on incident_key ((true)) where retired_at is null;

-- One report. Only what the public statistics and the review need is in clear; the reporter's
-- contact, the unredacted description and the photos are in incident_sealed. The address the
-- report came from is never stored here.
create table incident_report (
  id uuid primary key default gen_random_uuid(),
  receipt_hash bytea not null,
  status text not null default 'received',
  occurred_on date not null,
  date_approximate boolean not null default false,
  country_iso2 char(2) not null,
  place text not null,
  latitude numeric(6, 2),
  longitude numeric(6, 2),
  incident_type text not null,
  property_target text,
  targets text[] not null,
  bias_motivation text not null,
  bias_indicators text[] not null default '{}',
  source text not null,
  contact_consent boolean not null default false,
  encrypted_in text not null,
  redacted_description text,
  assigned_to uuid,
  duplicate_of uuid,
  rejection_reason text,
  closed_at timestamptz,
  contact_deleted_at timestamptz,
  received_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint incident_report_receipt_uq unique (receipt_hash),
  constraint incident_report_status_ck check (status in ('received', 'under_review', 'verified', 'not_verified', 'duplicate', 'rejected')),
  constraint incident_report_country_fk foreign key (country_iso2) references country (iso2),
  constraint incident_report_assigned_fk foreign key (assigned_to) references app_user (id) on delete set null,
  constraint incident_report_duplicate_fk foreign key (duplicate_of) references incident_report (id),
  constraint incident_report_duplicate_ck check ((status = 'duplicate') = (duplicate_of is not null) and duplicate_of is distinct from id),
  constraint incident_report_rejection_ck check ((status = 'rejected') = (rejection_reason is not null)),
  constraint incident_report_closed_ck check ((status in ('verified', 'not_verified', 'duplicate', 'rejected')) = (closed_at is not null)),
  constraint incident_report_place_ck check (length(place) between 1 and 200),
  constraint incident_report_point_ck check ((latitude is null) = (longitude is null) and latitude between -90 and 90 and longitude between -180 and 180),
  constraint incident_report_encrypted_ck check (encrypted_in in ('browser', 'server')),
  constraint incident_report_targets_ck check (cardinality(targets) >= 1)
);
create index incident_report_country_idx on incident_report (country_iso2);
create index incident_report_assigned_idx on incident_report (assigned_to);
create index incident_report_duplicate_idx on incident_report (duplicate_of);
create index incident_report_status_idx on incident_report (status, received_at);
create index incident_report_verified_idx on incident_report (country_iso2, occurred_on) where status = 'verified';

-- A protected item: the reporter's contact, the unredacted description or a photo, each encrypted
-- with a fresh AES-256-GCM key (payload = 12-byte IV, ciphertext, 16-byte tag) that is stored
-- wrapped with RSA-OAEP-SHA256 under the organisation's public key.
create table incident_sealed (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null,
  kind text not null,
  key_id uuid not null,
  wrapped_key bytea not null,
  payload bytea not null,
  media_type text,
  position smallint not null default 0,
  created_at timestamptz not null default now(),
  constraint incident_sealed_report_fk foreign key (report_id) references incident_report (id) on delete cascade,
  constraint incident_sealed_key_fk foreign key (key_id) references incident_key (id),
  constraint incident_sealed_kind_ck check (kind in ('contact', 'description', 'photo')),
  constraint incident_sealed_media_ck check ((kind = 'photo') = (media_type in ('image/jpeg', 'image/png')))
);
create index incident_sealed_report_idx on incident_sealed (report_id);
create index incident_sealed_key_idx on incident_sealed (key_id);

-- The history of a case: status changes, assignments, notes, redactions and deletions.
create table incident_event (
  id bigint generated always as identity primary key,
  report_id uuid not null,
  at timestamptz not null default now(),
  actor_id uuid,
  kind text not null,
  from_status text,
  to_status text,
  note text,
  constraint incident_event_report_fk foreign key (report_id) references incident_report (id) on delete cascade,
  constraint incident_event_actor_fk foreign key (actor_id) references app_user (id) on delete set null,
  constraint incident_event_kind_ck check (kind in ('received', 'status', 'assigned', 'note', 'redacted', 'contact_deleted')),
  constraint incident_event_note_ck check (note is null or length(note) <= 4000)
);
create index incident_event_report_idx on incident_event (report_id, at);
create index incident_event_actor_idx on incident_event (actor_id);

-- Accepted public submissions, for the rate limits: an HMAC of the address under a key the
-- database does not hold (never the address itself) and the hash of the proof of work, so that a
-- proof is not used twice. Purged after a day.
create table incident_submission (
  id bigint generated always as identity primary key,
  address_hash bytea not null,
  proof_hash bytea not null,
  at timestamptz not null default now(),
  constraint incident_submission_proof_uq unique (proof_hash)
);
create index incident_submission_address_idx on incident_submission (address_hash, at);
create index incident_submission_at_idx on incident_submission (at);
