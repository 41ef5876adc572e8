-- Extra-budgetary contributions pledged to follow-up projects, and the monthly record of the 1:1
-- scheme of the EU-Turkey statement of 18 March 2016.

create table project_contribution (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null,
  contributor_country_iso2 char(2),
  contributor_organisation_id uuid,
  amount numeric(16, 2) not null,
  currency char(3) not null,
  status text not null default 'pledged',
  contributed_on date not null,
  note text not null default '',
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  constraint project_contribution_project_fk foreign key (project_id) references follow_up_project (id) on delete cascade,
  constraint project_contribution_country_fk foreign key (contributor_country_iso2) references country (iso2) on delete restrict,
  constraint project_contribution_organisation_fk foreign key (contributor_organisation_id) references organisation (id) on delete restrict,
  constraint project_contribution_created_by_fk foreign key (created_by) references app_user (id) on delete set null,
  constraint project_contribution_updated_by_fk foreign key (updated_by) references app_user (id) on delete set null,
  constraint project_contribution_one_contributor_ck check ((contributor_country_iso2 is null) <> (contributor_organisation_id is null)),
  constraint project_contribution_amount_ck check (amount > 0),
  constraint project_contribution_currency_ck check (currency ~ '^[A-Z]{3}$'),
  constraint project_contribution_status_ck check (status in ('pledged', 'confirmed', 'received', 'withdrawn'))
);
create index project_contribution_project_idx on project_contribution (project_id);
create index project_contribution_country_idx on project_contribution (contributor_country_iso2);
create index project_contribution_organisation_idx on project_contribution (contributor_organisation_id);
create index project_contribution_created_by_idx on project_contribution (created_by);
create index project_contribution_updated_by_idx on project_contribution (updated_by);

-- One row per month: persons returned from the Greek islands to Turkey, and Syrians resettled from
-- Turkey to the EU, in that month. Figures derived from cumulative reports are flagged approximate
-- when their source says so.
create table solidarity_one_for_one (
  month date primary key,
  returns integer not null,
  resettled integer not null,
  approximate boolean not null default false,
  covers_from date not null,
  reported_on date not null,
  source text not null,
  source_url text not null default '',
  updated_at timestamptz not null default now(),
  updated_by uuid,
  constraint solidarity_one_for_one_month_ck check (extract(day from month) = 1),
  constraint solidarity_one_for_one_returns_ck check (returns >= 0),
  constraint solidarity_one_for_one_resettled_ck check (resettled >= 0),
  constraint solidarity_one_for_one_period_ck check (covers_from <= reported_on),
  constraint solidarity_one_for_one_source_ck check (length(trim(source)) > 0),
  constraint solidarity_one_for_one_updated_by_fk foreign key (updated_by) references app_user (id) on delete set null
);
create index solidarity_one_for_one_updated_by_idx on solidarity_one_for_one (updated_by);
