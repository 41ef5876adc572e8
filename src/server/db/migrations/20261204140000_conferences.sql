-- Conferences: expert conferences, meetings, workshops and webinars, with their invitation list
-- (an expression over the country groups, kept as written so that it reads again as it was
-- built), registrations with a waiting list, check-in, the agenda, and the chair's summary.

create table conference_event (
  id uuid primary key default gen_random_uuid(),
  kind text not null,
  title text not null,
  organiser_id uuid not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  time_zone text not null,
  venue text not null default '',
  online_url text,
  languages text[] not null default '{}',
  public boolean not null default false,
  capacity integer not null,
  delegation_capacity integer,
  invitation jsonb not null default '{"terms": [], "organisations": []}',
  invited_at timestamptz,
  summary text not null default '',
  created_by uuid,
  created_at timestamptz not null default now(),
  constraint conference_event_kind_ck check (kind in ('expert_conference', 'meeting', 'workshop', 'webinar')),
  constraint conference_event_title_ck check (length(trim(title)) > 0),
  constraint conference_event_organiser_fk foreign key (organiser_id) references organisation (id) on delete restrict,
  constraint conference_event_created_by_fk foreign key (created_by) references app_user (id) on delete set null,
  constraint conference_event_dates_ck check (ends_at > starts_at),
  constraint conference_event_place_ck check (length(trim(venue)) > 0 or online_url is not null),
  constraint conference_event_capacity_ck check (capacity between 1 and 5000),
  constraint conference_event_delegation_ck check (delegation_capacity is null or delegation_capacity between 1 and capacity)
);
create index conference_event_starts_idx on conference_event (starts_at);
create index conference_event_organiser_idx on conference_event (organiser_id);
create index conference_event_created_by_idx on conference_event (created_by);

-- A registration is confirmed while places remain (overall and for its delegation), else it waits;
-- a cancellation promotes the first that waits and fits. The check-in token is shown as a QR code.
create table conference_registration (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null,
  name text not null,
  email text not null,
  country_iso2 char(2),
  organisation_id uuid,
  organisation_name text not null default '',
  function text not null default '',
  accessibility text not null default '',
  dietary text not null default '',
  visa_letter boolean not null default false,
  listed boolean not null default false,
  status text not null,
  token text not null,
  checked_in_at timestamptz,
  user_id uuid,
  created_at timestamptz not null default clock_timestamp(),
  constraint conference_registration_event_fk foreign key (event_id) references conference_event (id) on delete cascade,
  constraint conference_registration_country_fk foreign key (country_iso2) references country (iso2) on delete restrict,
  constraint conference_registration_organisation_fk foreign key (organisation_id) references organisation (id) on delete restrict,
  constraint conference_registration_user_fk foreign key (user_id) references app_user (id) on delete set null,
  constraint conference_registration_status_ck check (status in ('confirmed', 'waiting', 'cancelled')),
  constraint conference_registration_name_ck check (length(trim(name)) > 0),
  constraint conference_registration_token_uq unique (token),
  constraint conference_registration_checkin_ck check (checked_in_at is null or status = 'confirmed')
);
create index conference_registration_event_idx on conference_registration (event_id, status, created_at);
create index conference_registration_country_idx on conference_registration (country_iso2);
create index conference_registration_organisation_idx on conference_registration (organisation_id);
create index conference_registration_user_idx on conference_registration (user_id);

create table conference_session (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null,
  title text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  room text not null default '',
  speakers text[] not null default '{}',
  constraint conference_session_event_fk foreign key (event_id) references conference_event (id) on delete cascade,
  constraint conference_session_title_ck check (length(trim(title)) > 0),
  constraint conference_session_dates_ck check (ends_at > starts_at)
);
create index conference_session_event_idx on conference_session (event_id, starts_at);

-- The recommendations of the chair's summary, in the order the chair gave them.
create table conference_recommendation (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null,
  position smallint not null,
  text text not null,
  constraint conference_recommendation_event_fk foreign key (event_id) references conference_event (id) on delete cascade,
  constraint conference_recommendation_position_uq unique (event_id, position),
  constraint conference_recommendation_text_ck check (length(trim(text)) > 0)
);
