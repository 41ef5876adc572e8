-- Single sign-on through the organisation's OpenID Connect provider.

-- The provider's account (issuer and subject) each platform account was linked to at its first
-- single sign-on; later sign-ins find the account here even if the email address has changed.
create table sso_identity (
  issuer text not null,
  subject text not null,
  user_id uuid not null,
  linked_at timestamptz not null default now(),
  last_sign_in_at timestamptz not null default now(),
  constraint sso_identity_pk primary key (issuer, subject),
  constraint sso_identity_user_fk foreign key (user_id) references app_user (id) on delete cascade,
  constraint sso_identity_subject_ck check (length(subject) between 1 and 255)
);
create index sso_identity_user_idx on sso_identity (user_id);

-- A sign-in under way at the provider: the checks the answer must pass (its state is kept only as
-- a hash, and travels in the browser's cookie), used once, and given up after a few minutes.
create table sso_attempt (
  state_hash bytea primary key,
  nonce text not null,
  code_verifier text not null,
  return_to text,
  expires_at timestamptz not null,
  constraint sso_attempt_return_to_ck check (return_to is null or (return_to like '/%' and return_to not like '//%'))
);
create index sso_attempt_expires_idx on sso_attempt (expires_at);
