-- A counter per table, raised by every statement that changes the table. An answer computed from
-- a table (a public aggregate, say) is kept with the counter it was computed at and served again
-- while the counter has not moved: one read of one row instead of the aggregate, on every
-- instance, whoever wrote.
create table data_version (
  name text primary key,
  version bigint not null default 1
);

create function data_version_bump() returns trigger language plpgsql as $$
begin
  insert into data_version (name) values (TG_TABLE_NAME)
  on conflict (name) do update set version = data_version.version + 1;
  return null;
end;
$$;

-- The tables the public warning totals are computed from.
create trigger warning_observation_version after insert or update or delete or truncate on warning_observation
  for each statement execute function data_version_bump();
create trigger warning_indicator_version after insert or update or delete or truncate on warning_indicator
  for each statement execute function data_version_bump();
create trigger warning_import_batch_version after insert or update or delete or truncate on warning_import_batch
  for each statement execute function data_version_bump();
create trigger country_version after insert or update or delete or truncate on country
  for each statement execute function data_version_bump();
