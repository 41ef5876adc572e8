-- Scheduled jobs: each run of a job for a time slot is claimed here, so that when several
-- instances share the database exactly one of them runs it, and every run is recorded.

create table job_run (
  id bigint generated always as identity primary key,
  job text not null,
  slot_start timestamptz not null,
  instance text not null,
  started_at timestamptz not null default clock_timestamp(),
  finished_at timestamptz,
  outcome text,
  details jsonb not null default '{}'::jsonb,
  constraint job_run_slot_uq unique (job, slot_start),
  constraint job_run_job_ck check (job ~ '^[a-z_]+(\.[a-z_]+)+$'),
  constraint job_run_outcome_ck check (outcome in ('succeeded', 'failed')),
  constraint job_run_finished_ck check ((finished_at is null) = (outcome is null))
);
create index job_run_started_idx on job_run (started_at);
