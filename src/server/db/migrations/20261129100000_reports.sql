-- Mission reports (one per mission, every save a version), their workflow, and the follow-up of
-- their recommendations: projects implemented by structures, with dated progress notes.

create table mission_report (
  id uuid primary key default gen_random_uuid(),
  mission_id uuid not null,
  status text not null default 'draft',
  -- The number of the current version; a save names the version it started from and bumps it.
  version integer not null default 1,
  public_summary text,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  adopted_at timestamptz,
  distributed_at timestamptz,
  constraint mission_report_mission_uq unique (mission_id),
  constraint mission_report_mission_fk foreign key (mission_id) references mission (id) on delete cascade,
  constraint mission_report_created_by_fk foreign key (created_by) references app_user (id) on delete set null,
  constraint mission_report_status_ck check (status in ('draft', 'submitted', 'returned', 'adopted', 'distributed')),
  constraint mission_report_version_ck check (version >= 1),
  constraint mission_report_adopted_ck check (status not in ('adopted', 'distributed') or adopted_at is not null),
  constraint mission_report_summary_ck check (public_summary is null or status = 'distributed')
);
create index mission_report_created_by_idx on mission_report (created_by);

create table mission_report_version (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null,
  number integer not null,
  content jsonb not null,
  author_id uuid,
  created_at timestamptz not null default now(),
  constraint mission_report_version_number_uq unique (report_id, number),
  constraint mission_report_version_report_fk foreign key (report_id) references mission_report (id) on delete cascade,
  constraint mission_report_version_author_fk foreign key (author_id) references app_user (id) on delete set null
);
create index mission_report_version_author_idx on mission_report_version (author_id);

create table mission_report_transition (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null,
  action text not null,
  from_status text not null,
  to_status text not null,
  comment text not null default '',
  actor_id uuid,
  at timestamptz not null default now(),
  constraint mission_report_transition_report_fk foreign key (report_id) references mission_report (id) on delete cascade,
  constraint mission_report_transition_actor_fk foreign key (actor_id) references app_user (id) on delete set null
);
create index mission_report_transition_report_idx on mission_report_transition (report_id, at);
create index mission_report_transition_actor_idx on mission_report_transition (actor_id);

-- Recommendations become records when their report is adopted; before that they live in the
-- report's versions.
create table recommendation (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null,
  position smallint not null,
  text text not null,
  addressee_country_iso2 char(2),
  addressee_organisation_id uuid,
  key_area_code text not null,
  dimension_code text not null,
  priority text not null,
  due_on date,
  created_at timestamptz not null default now(),
  constraint recommendation_position_uq unique (report_id, position),
  constraint recommendation_report_fk foreign key (report_id) references mission_report (id) on delete cascade,
  constraint recommendation_country_fk foreign key (addressee_country_iso2) references country (iso2) on delete restrict,
  constraint recommendation_organisation_fk foreign key (addressee_organisation_id) references organisation (id) on delete restrict,
  constraint recommendation_key_area_fk foreign key (key_area_code) references key_area (code) on delete restrict,
  constraint recommendation_dimension_fk foreign key (dimension_code) references dimension (code) on delete restrict,
  constraint recommendation_addressee_ck check ((addressee_country_iso2 is null) <> (addressee_organisation_id is null)),
  constraint recommendation_priority_ck check (priority in ('high', 'medium', 'low')),
  constraint recommendation_text_ck check (length(trim(text)) > 0)
);
create index recommendation_country_idx on recommendation (addressee_country_iso2);
create index recommendation_organisation_idx on recommendation (addressee_organisation_id);
create index recommendation_key_area_idx on recommendation (key_area_code);
create index recommendation_dimension_idx on recommendation (dimension_code);
create index recommendation_due_idx on recommendation (due_on);

create table follow_up_project (
  id uuid primary key default gen_random_uuid(),
  recommendation_id uuid not null,
  organisation_id uuid not null,
  title text not null,
  budget numeric(16, 2),
  currency char(3),
  starts_on date,
  ends_on date,
  status text not null default 'not_started',
  reason text,
  status_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint follow_up_project_recommendation_fk foreign key (recommendation_id) references recommendation (id) on delete cascade,
  constraint follow_up_project_organisation_fk foreign key (organisation_id) references organisation (id) on delete restrict,
  constraint follow_up_project_title_ck check (length(trim(title)) > 0),
  constraint follow_up_project_status_ck check (status in ('not_started', 'in_progress', 'implemented', 'not_implemented')),
  constraint follow_up_project_reason_ck check (status <> 'not_implemented' or length(trim(coalesce(reason, ''))) > 0),
  constraint follow_up_project_budget_ck check (budget is null or (budget >= 0 and currency ~ '^[A-Z]{3}$')),
  constraint follow_up_project_dates_ck check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
create index follow_up_project_recommendation_idx on follow_up_project (recommendation_id);
create index follow_up_project_organisation_idx on follow_up_project (organisation_id);

create table follow_up_note (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null,
  noted_on date not null,
  text text not null,
  author_id uuid,
  created_at timestamptz not null default now(),
  constraint follow_up_note_project_fk foreign key (project_id) references follow_up_project (id) on delete cascade,
  constraint follow_up_note_author_fk foreign key (author_id) references app_user (id) on delete set null,
  constraint follow_up_note_text_ck check (length(trim(text)) > 0)
);
create index follow_up_note_project_idx on follow_up_note (project_id, noted_on);
create index follow_up_note_author_idx on follow_up_note (author_id);
