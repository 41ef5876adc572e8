-- Platform foundation: reference data, accounts, roles on scopes, sessions, audit log.
-- Migrations are plain SQL, applied in name order, never edited once landed.

create table country (
  iso2 char(2) primary key,
  iso3 char(3) not null,
  name_en text not null,
  name_fr text not null,
  name_de text not null,
  name_it text not null,
  name_ru text not null,
  name_es text not null,
  osce_status text not null,
  partner_group text,
  subregion text,
  field_operation boolean not null default false,
  capital text,
  capital_latitude numeric(7, 4),
  capital_longitude numeric(7, 4),
  -- Vienna (16.3738 E) divides the OSCE area into east and west, as the missions are planned.
  east_of_vienna boolean generated always as (capital_longitude > 16.3738) stored,
  constraint country_iso2_format_ck check (iso2 ~ '^[A-Z]{2}$'),
  constraint country_iso3_format_ck check (iso3 ~ '^[A-Z]{3}$'),
  constraint country_iso3_uq unique (iso3),
  constraint country_osce_status_ck check (osce_status in ('participating', 'partner', 'other')),
  constraint country_partner_group_ck check (
    (osce_status = 'partner' and partner_group in ('asian', 'mediterranean'))
    or (osce_status <> 'partner' and partner_group is null)),
  constraint country_subregion_ck check (
    (osce_status = 'participating' and subregion in ('western_europe_north_america', 'south_eastern_europe',
      'eastern_europe', 'south_caucasus', 'central_asia'))
    or (osce_status = 'partner' and subregion = 'partners')
    or (osce_status = 'other' and subregion is null)),
  constraint country_capital_longitude_ck check (capital_longitude between -180 and 180),
  constraint country_capital_latitude_ck check (capital_latitude between -90 and 90)
);

create table organisation (
  id uuid primary key default gen_random_uuid(),
  code text,
  type text not null,
  acronym text,
  name_en text not null,
  name_fr text,
  name_de text,
  name_it text,
  name_ru text,
  name_es text,
  parent_id uuid,
  country_iso2 char(2),
  city text,
  website text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint organisation_code_uq unique (code),
  constraint organisation_type_ck check (type in ('secretariat', 'secretariat_department', 'institution',
    'parliamentary_assembly', 'training_institution', 'field_operation', 'state_authority',
    'international_organisation', 'ngo', 'academia')),
  constraint organisation_name_en_ck check (length(trim(name_en)) > 0),
  constraint organisation_parent_fk foreign key (parent_id) references organisation (id) on delete restrict,
  constraint organisation_country_fk foreign key (country_iso2) references country (iso2) on delete restrict,
  constraint organisation_not_own_parent_ck check (parent_id is null or parent_id <> id)
);
create index organisation_parent_idx on organisation (parent_id);
create index organisation_country_idx on organisation (country_iso2);

create table dimension (
  code text primary key,
  name_en text not null,
  name_fr text not null,
  name_de text not null,
  name_it text not null,
  name_ru text not null,
  name_es text not null
);

create table key_area (
  code text primary key,
  name_en text not null,
  name_fr text not null,
  name_de text not null,
  name_it text not null,
  name_ru text not null,
  name_es text not null
);

create table competence (
  code text primary key,
  dimension_code text not null,
  name_en text not null,
  name_fr text not null,
  name_de text not null,
  name_it text not null,
  name_ru text not null,
  name_es text not null,
  constraint competence_dimension_fk foreign key (dimension_code) references dimension (code) on delete restrict
);
create index competence_dimension_idx on competence (dimension_code);

create table language (
  code text primary key,
  name_en text not null,
  name_fr text not null,
  name_de text not null,
  name_it text not null,
  name_ru text not null,
  name_es text not null,
  constraint language_code_format_ck check (code ~ '^[a-z]{2,3}$')
);

create table app_user (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  name text not null,
  language text not null default 'en',
  password_hash text,
  must_change_password boolean not null default true,
  disabled_at timestamptz,
  last_login_at timestamptz,
  password_changed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint app_user_language_ck check (language in ('en', 'fr', 'de', 'it', 'ru', 'es')),
  constraint app_user_email_format_ck check (email ~ '^[^\s@]+@[^\s@]+$' and length(email) <= 254),
  constraint app_user_name_ck check (length(trim(name)) between 1 and 200)
);
create unique index app_user_email_uq on app_user (lower(email));

create table role_grant (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null,
  role text not null,
  scope_type text not null,
  organisation_id uuid,
  country_iso2 char(2),
  created_at timestamptz not null default now(),
  created_by uuid,
  constraint role_grant_user_fk foreign key (user_id) references app_user (id) on delete cascade,
  constraint role_grant_organisation_fk foreign key (organisation_id) references organisation (id) on delete restrict,
  constraint role_grant_country_fk foreign key (country_iso2) references country (iso2) on delete restrict,
  constraint role_grant_created_by_fk foreign key (created_by) references app_user (id) on delete set null,
  constraint role_grant_role_ck check (role in ('coordinator', 'focal_point', 'expert', 'analyst',
    'incident_reviewer', 'delegation')),
  constraint role_grant_scope_ck check (
    (scope_type = 'global' and organisation_id is null and country_iso2 is null)
    or (scope_type = 'organisation' and organisation_id is not null and country_iso2 is null)
    or (scope_type = 'country' and country_iso2 is not null and organisation_id is null)),
  constraint role_grant_uq unique nulls not distinct (user_id, role, scope_type, organisation_id, country_iso2)
);
create index role_grant_user_idx on role_grant (user_id);
create index role_grant_organisation_idx on role_grant (organisation_id);
create index role_grant_country_idx on role_grant (country_iso2);
create index role_grant_created_by_idx on role_grant (created_by);

create table user_session (
  id uuid primary key default gen_random_uuid(),
  -- Only a SHA-256 hash of the cookie's token is stored: a copy of the database opens no session.
  token_hash bytea not null,
  user_id uuid not null,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  address text,
  user_agent text,
  constraint user_session_token_uq unique (token_hash),
  constraint user_session_user_fk foreign key (user_id) references app_user (id) on delete cascade
);
create index user_session_user_idx on user_session (user_id);
create index user_session_expires_idx on user_session (expires_at);

create table login_failure (
  id bigint generated always as identity primary key,
  account_key text not null,
  address text not null,
  at timestamptz not null default now()
);
create index login_failure_account_idx on login_failure (account_key, at);
create index login_failure_address_idx on login_failure (address, at);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default clock_timestamp(),
  actor_id uuid,
  verb text not null,
  record_type text,
  record_id text,
  request_id text,
  address text,
  details jsonb not null default '{}'::jsonb,
  constraint audit_log_actor_fk foreign key (actor_id) references app_user (id) on delete restrict,
  constraint audit_log_verb_ck check (verb ~ '^[a-z_]+(\.[a-z_]+)+$')
);
create index audit_log_actor_idx on audit_log (actor_id);
create index audit_log_at_idx on audit_log (at);
create index audit_log_record_idx on audit_log (record_type, record_id);
create index audit_log_verb_idx on audit_log (verb);

-- The audit log is append-only, whatever the application does.
create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'the audit log is append-only' using errcode = '42501';
end;
$$;
create trigger audit_log_no_update_or_delete before update or delete on audit_log
  for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_refuse_change();
