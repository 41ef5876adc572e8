-- Expert roster and roving missions: experts with competences, languages, availability and
-- prerequisites; missions with mandate, consent, requirements and lifecycle; deployments (the
-- bookings and the history, one table, so the yearly cap counts both); calendar feed tokens.

create table expert (
  id uuid primary key default gen_random_uuid(),
  user_id uuid,
  name text not null,
  organisation_id uuid not null,
  seconding_iso2 char(2),
  gender text not null,
  readiness text not null default 'ready',
  yearly_cap_days integer not null default 60,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint expert_user_uq unique (user_id),
  constraint expert_user_fk foreign key (user_id) references app_user (id) on delete set null,
  constraint expert_organisation_fk foreign key (organisation_id) references organisation (id) on delete restrict,
  constraint expert_seconding_fk foreign key (seconding_iso2) references country (iso2) on delete restrict,
  constraint expert_name_ck check (length(trim(name)) > 0),
  constraint expert_gender_ck check (gender in ('female', 'male', 'other', 'undisclosed')),
  constraint expert_readiness_ck check (readiness in ('ready', 'ready_with_induction', 'not_deployable')),
  constraint expert_cap_ck check (yearly_cap_days between 0 and 366)
);
create index expert_organisation_idx on expert (organisation_id);
create index expert_seconding_idx on expert (seconding_iso2);

create table expert_nationality (
  expert_id uuid not null,
  country_iso2 char(2) not null,
  constraint expert_nationality_pk primary key (expert_id, country_iso2),
  constraint expert_nationality_expert_fk foreign key (expert_id) references expert (id) on delete cascade,
  constraint expert_nationality_country_fk foreign key (country_iso2) references country (iso2) on delete restrict
);
create index expert_nationality_country_idx on expert_nationality (country_iso2);

create table expert_competence (
  expert_id uuid not null,
  competence_code text not null,
  level smallint not null,
  constraint expert_competence_pk primary key (expert_id, competence_code),
  constraint expert_competence_expert_fk foreign key (expert_id) references expert (id) on delete cascade,
  constraint expert_competence_competence_fk foreign key (competence_code) references competence (code) on delete restrict,
  constraint expert_competence_level_ck check (level between 1 and 3)
);
create index expert_competence_competence_idx on expert_competence (competence_code, level);

create table expert_language (
  expert_id uuid not null,
  language_code text not null,
  speaking text not null,
  writing text not null,
  constraint expert_language_pk primary key (expert_id, language_code),
  constraint expert_language_expert_fk foreign key (expert_id) references expert (id) on delete cascade,
  constraint expert_language_language_fk foreign key (language_code) references language (code) on delete restrict,
  constraint expert_language_speaking_ck check (speaking in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  constraint expert_language_writing_ck check (writing in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2'))
);
create index expert_language_language_idx on expert_language (language_code);

-- Declared windows of availability and periods of unavailability. Without any 'available'
-- window an expert counts as available whenever not unavailable or deployed.
create table expert_period (
  id uuid primary key default gen_random_uuid(),
  expert_id uuid not null,
  kind text not null,
  starts_on date not null,
  ends_on date not null,
  note text not null default '',
  constraint expert_period_expert_fk foreign key (expert_id) references expert (id) on delete cascade,
  constraint expert_period_kind_ck check (kind in ('available', 'unavailable')),
  constraint expert_period_dates_ck check (ends_on >= starts_on)
);
create index expert_period_expert_idx on expert_period (expert_id, starts_on);

create table expert_prerequisite (
  expert_id uuid not null,
  code text not null,
  expires_on date,
  constraint expert_prerequisite_pk primary key (expert_id, code),
  constraint expert_prerequisite_expert_fk foreign key (expert_id) references expert (id) on delete cascade,
  constraint expert_prerequisite_code_ck check (code ~ '^[a-z][a-z0-9_]{1,40}$')
);

create table mission (
  id uuid primary key default gen_random_uuid(),
  code text not null,
  title text not null,
  status text not null default 'draft',
  terms_of_reference text not null default '',
  mandate_reference text,
  mandate_date date,
  consent_status text not null default 'not_requested',
  consent_date date,
  consent_document text,
  starts_on date not null,
  ends_on date not null,
  team_min integer not null default 2,
  team_max integer not null default 5,
  all_dimensions boolean not null default false,
  min_organisations integer not null default 1,
  required_prerequisites text[] not null default '{}',
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint mission_code_uq unique (code),
  constraint mission_created_by_fk foreign key (created_by) references app_user (id) on delete set null,
  constraint mission_title_ck check (length(trim(title)) > 0),
  constraint mission_code_ck check (code ~ '^[A-Z0-9][A-Z0-9-]{1,30}$'),
  constraint mission_status_ck check (status in ('draft', 'proposed', 'approved', 'team_confirmed', 'deployed',
    'reporting', 'closed', 'cancelled')),
  constraint mission_consent_ck check (consent_status in ('not_requested', 'requested', 'given', 'refused')),
  constraint mission_consent_date_ck check (consent_status = 'not_requested' or consent_date is not null),
  constraint mission_deployed_consent_ck check (status not in ('deployed', 'reporting', 'closed') or consent_status = 'given'),
  constraint mission_dates_ck check (ends_on >= starts_on),
  constraint mission_team_ck check (team_min >= 1 and team_max >= team_min and team_max <= 50),
  constraint mission_organisations_ck check (min_organisations between 1 and 50)
);
create index mission_created_by_idx on mission (created_by);
create index mission_dates_idx on mission (starts_on, ends_on);

create table mission_country (
  mission_id uuid not null,
  country_iso2 char(2) not null,
  position smallint not null,
  constraint mission_country_pk primary key (mission_id, country_iso2),
  constraint mission_country_mission_fk foreign key (mission_id) references mission (id) on delete cascade,
  constraint mission_country_country_fk foreign key (country_iso2) references country (iso2) on delete restrict
);
create index mission_country_country_idx on mission_country (country_iso2);

create table mission_competence (
  mission_id uuid not null,
  competence_code text not null,
  min_level smallint not null,
  count smallint not null default 1,
  constraint mission_competence_pk primary key (mission_id, competence_code),
  constraint mission_competence_mission_fk foreign key (mission_id) references mission (id) on delete cascade,
  constraint mission_competence_competence_fk foreign key (competence_code) references competence (code) on delete restrict,
  constraint mission_competence_level_ck check (min_level between 1 and 3),
  constraint mission_competence_count_ck check (count between 1 and 50)
);
create index mission_competence_competence_idx on mission_competence (competence_code);

create table mission_language (
  mission_id uuid not null,
  language_code text not null,
  min_level text not null,
  skill text not null default 'speaking',
  constraint mission_language_pk primary key (mission_id, language_code, skill),
  constraint mission_language_mission_fk foreign key (mission_id) references mission (id) on delete cascade,
  constraint mission_language_language_fk foreign key (language_code) references language (code) on delete restrict,
  constraint mission_language_level_ck check (min_level in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  constraint mission_language_skill_ck check (skill in ('speaking', 'writing'))
);
create index mission_language_language_idx on mission_language (language_code);

create table mission_transition (
  id uuid primary key default gen_random_uuid(),
  mission_id uuid not null,
  from_status text,
  to_status text not null,
  actor_id uuid,
  at timestamptz not null default now(),
  note text not null default '',
  constraint mission_transition_mission_fk foreign key (mission_id) references mission (id) on delete cascade,
  constraint mission_transition_actor_fk foreign key (actor_id) references app_user (id) on delete set null
);
create index mission_transition_mission_idx on mission_transition (mission_id, at);
create index mission_transition_actor_idx on mission_transition (actor_id);

-- A deployment is a booking on a mission (mission_id set) or an earlier deployment recorded
-- for the history; both count against the yearly cap and both block the expert's calendar.
create table deployment (
  id uuid primary key default gen_random_uuid(),
  expert_id uuid not null,
  mission_id uuid,
  title text not null,
  starts_on date not null,
  ends_on date not null,
  covers jsonb not null default '[]',
  appraisal text,
  rating smallint,
  created_at timestamptz not null default now(),
  constraint deployment_expert_fk foreign key (expert_id) references expert (id) on delete cascade,
  constraint deployment_mission_fk foreign key (mission_id) references mission (id) on delete cascade,
  constraint deployment_mission_expert_uq unique (mission_id, expert_id),
  constraint deployment_dates_ck check (ends_on >= starts_on),
  constraint deployment_rating_ck check (rating is null or rating between 1 and 5)
);
create index deployment_expert_idx on deployment (expert_id, starts_on);
create index deployment_mission_idx on deployment (mission_id);

-- Only a hash of each feed token is kept; the token itself is shown once.
create table calendar_feed_token (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null,
  token_hash bytea not null,
  label text not null default '',
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  constraint calendar_feed_token_hash_uq unique (token_hash),
  constraint calendar_feed_token_user_fk foreign key (user_id) references app_user (id) on delete cascade
);
create index calendar_feed_token_user_idx on calendar_feed_token (user_id);
