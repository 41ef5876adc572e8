-- Scheduled data feeds for early warning: a URL whose answer is a file the importers read, fetched
-- on a schedule and imported all or nothing like a file sent by hand. `running_since` is the claim
-- of a run in progress: one run of a feed at a time across every instance.
create table warning_feed (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  url text not null,
  format text,
  mapping jsonb,
  indicator text,
  every_hours integer not null default 24,
  enabled boolean not null default true,
  -- After this many runs in a row that change nothing, the co-ordinator is told the data stopped changing.
  stale_after_runs integer not null default 7,
  next_run_at timestamptz not null default now(),
  running_since timestamptz,
  last_run_at timestamptz,
  last_outcome text,
  last_error text,
  last_batch_id bigint,
  last_changed_at timestamptz,
  unchanged_runs integer not null default 0,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  constraint warning_feed_name_uq unique (name),
  constraint warning_feed_name_ck check (length(trim(name)) between 1 and 200),
  constraint warning_feed_url_ck check (url ~ '^https?://' and length(url) <= 2000),
  constraint warning_feed_format_ck check (format is null or format in ('unhcr_population', 'unhcr_applications', 'sea_arrivals_year', 'sea_arrivals_month', 'hxl', 'mapping')),
  constraint warning_feed_every_ck check (every_hours between 1 and 8760),
  constraint warning_feed_stale_ck check (stale_after_runs between 1 and 1000),
  constraint warning_feed_outcome_ck check (last_outcome is null or last_outcome in ('imported', 'unchanged', 'failed')),
  constraint warning_feed_last_batch_fk foreign key (last_batch_id) references warning_import_batch (id) on delete set null,
  constraint warning_feed_created_by_fk foreign key (created_by) references app_user (id) on delete set null,
  constraint warning_feed_updated_by_fk foreign key (updated_by) references app_user (id) on delete set null
);
create index warning_feed_last_batch_idx on warning_feed (last_batch_id);
create index warning_feed_created_by_idx on warning_feed (created_by);
create index warning_feed_updated_by_idx on warning_feed (updated_by);
create index warning_feed_due_idx on warning_feed (next_run_at) where enabled;
