-- An import writes thousands of activities in a few statements. Two of the triggers on activities
-- did per-row work: the check of the country and key-area codes ran for each row, and the places
-- of inserted activities were found by deleting and re-reading every new activity by id. Both now
-- work on the statement's transition tables, once per statement: the same rule and the same
-- foreign-key error for a bad code, the same places.

drop trigger directory_activity_codes on directory_activity;

-- The codes of the rows a statement wrote: any unknown one fails the statement, as a foreign key would.
create function directory_activity_check_written_codes(written_countries text[], written_key_areas text[])
returns void language plpgsql as $$
begin
  if exists (select 1 from unnest(written_countries) x where not exists (select 1 from country where iso2 = x)) then
    raise foreign_key_violation using message = 'unknown country code', constraint = 'directory_activity_country_fk',
      table = 'directory_activity';
  end if;
  if exists (select 1 from unnest(written_key_areas) x where not exists (select 1 from key_area where code = x)) then
    raise foreign_key_violation using message = 'unknown key area', constraint = 'directory_activity_key_area_fk',
      table = 'directory_activity';
  end if;
end $$;

create function directory_activity_codes_inserted() returns trigger language plpgsql as $$
begin
  perform directory_activity_check_written_codes(
    array(select distinct x from changed cross join lateral unnest(changed.countries) x),
    array(select distinct x from changed cross join lateral unnest(changed.key_areas) x));
  return null;
end $$;

-- Only the lists an update changed are checked, as the row trigger checked only updates of them.
create function directory_activity_codes_updated() returns trigger language plpgsql as $$
begin
  perform directory_activity_check_written_codes(
    array(select distinct x from changed n join previous o on o.id = n.id
          cross join lateral unnest(n.countries) x where n.countries is distinct from o.countries),
    array(select distinct x from changed n join previous o on o.id = n.id
          cross join lateral unnest(n.key_areas) x where n.key_areas is distinct from o.key_areas));
  return null;
end $$;

create trigger directory_activity_codes_insert after insert on directory_activity
  referencing new table as changed for each statement execute function directory_activity_codes_inserted();
create trigger directory_activity_codes_update after update on directory_activity
  referencing new table as changed old table as previous for each statement execute function directory_activity_codes_updated();

-- The places of new activities come straight from the rows written: they have none yet to delete.
create or replace function directory_activity_places_inserted() returns trigger language plpgsql as $$
begin
  insert into directory_activity_place (country_iso2, activity_id, contact_id, organisation_id, visibility, status, key_areas)
  select distinct x::char(2), a.id, a.contact_id, a.organisation_id, a.visibility, a.status, a.key_areas
  from changed a cross join lateral unnest(a.countries) as x;
  return null;
end $$;

create function directory_activity_places_updated() returns trigger language plpgsql as $$
begin
  delete from directory_activity_place p using changed a where p.activity_id = a.id;
  insert into directory_activity_place (country_iso2, activity_id, contact_id, organisation_id, visibility, status, key_areas)
  select distinct x::char(2), a.id, a.contact_id, a.organisation_id, a.visibility, a.status, a.key_areas
  from changed a cross join lateral unnest(a.countries) as x;
  return null;
end $$;

drop trigger directory_activity_places_update on directory_activity;
create trigger directory_activity_places_update after update on directory_activity
  referencing new table as changed for each statement execute function directory_activity_places_updated();
