-- Two-factor sign-in: a time-based one-time password (RFC 6238) per person, ten single-use
-- recovery codes, and the step a new session must still take before it vouches for anyone.
--
-- The TOTP secret is stored as it is: the platform has no key for secrets at rest yet (the
-- protected incident data is sealed per organisation under a passphrase, which a sign-in cannot
-- open). The database's own protection (access, backups' encryption) is what keeps it.

create table user_second_factor (
  user_id uuid primary key,
  secret text not null,
  -- Null while the person has been shown the secret but has not yet typed a code from it.
  confirmed_at timestamptz,
  -- The last time step whose code was accepted: a code is never accepted twice.
  last_step bigint,
  created_at timestamptz not null default now(),
  constraint user_second_factor_user_fk foreign key (user_id) references app_user (id) on delete cascade,
  constraint user_second_factor_secret_ck check (secret ~ '^[A-Z2-7]{32}$')
);

create table user_recovery_code (
  id bigint generated always as identity primary key,
  user_id uuid not null,
  code_hash text not null,
  used_at timestamptz,
  constraint user_recovery_code_user_fk foreign key (user_id) references app_user (id) on delete cascade
);
create index user_recovery_code_user_idx on user_recovery_code (user_id);

-- Null: a full session. 'verify': the person has a second factor and must type a code from it.
-- 'enrol': the person's roles require a second factor and they have none yet.
alter table user_session add column second_factor_step text;
alter table user_session add constraint user_session_second_factor_step_ck
  check (second_factor_step in ('verify', 'enrol'));
