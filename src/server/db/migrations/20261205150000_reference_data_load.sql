-- Which shipped reference data the database last loaded, by a hash of its files' content: a start
-- whose files have not changed skips the load. One row; `loads` counts the loads that were done.
create table reference_data_load (
  singleton boolean primary key default true check (singleton),
  content_hash text not null,
  loads integer not null default 1,
  loaded_at timestamptz not null default now()
);
