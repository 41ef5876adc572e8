-- A 3W import writes thousands of activities at a time. Three costs of each row that the database
-- paid for nothing:
--
-- 1. The index of names computed each record's name document again (seven configurations of its
--    title), although the search document already holds it: the name's words are exactly the
--    words of weight A there (the rest of the document is stripped, so it has no weight). The
--    index of names now reads them from the search document (`directory_name_part`), the same
--    lexemes at the same positions; a test holds the two to the same documents. Contacts, whose
--    name is indexed the same way, read theirs the same way.
-- 2. Every place row of a new activity checked, by a foreign key, that the activity it was just
--    written from exists. The places are written only by the triggers on activities, from the rows
--    those write; the one thing the key gave besides is taking an activity's places with it when
--    it is deleted, which a statement trigger now does.
-- 3. The places were made distinct over every column, arrays included, where only the countries of
--    one activity can repeat.
--
-- The import also needs an activity's new code as the column's default gives it, for the rows it
-- inserts in one statement from a set (`directory_activity_new_code`).

create function directory_name_part(doc tsvector) returns tsvector
language sql immutable parallel safe
as $$ select setweight(ts_filter(doc, '{a}'), 'd') $$;

drop index directory_activity_name_search_idx;
create index directory_activity_name_search_idx on directory_activity
  using gin (directory_name_part(search_doc), (array[visibility]));
drop index directory_contact_name_search_idx;
create index directory_contact_name_search_idx on directory_contact
  using gin (directory_name_part(search_doc), (array[visibility]));

alter table directory_activity_place drop constraint directory_activity_place_activity_fk;

create function directory_activity_places_deleted() returns trigger language plpgsql as $$
begin
  delete from directory_activity_place p using previous a where p.activity_id = a.id;
  return null;
end $$;
create trigger directory_activity_places_delete after delete on directory_activity
  referencing old table as previous for each statement execute function directory_activity_places_deleted();

create or replace function directory_refresh_activity_places(ids uuid[]) returns void language sql as $$
  delete from directory_activity_place where activity_id = any(ids);
  insert into directory_activity_place (country_iso2, activity_id, contact_id, organisation_id, visibility, status, key_areas)
  select x.country, a.id, a.contact_id, a.organisation_id, a.visibility, a.status, a.key_areas
  from directory_activity a cross join lateral (select distinct c::char(2) as country from unnest(a.countries) as c) as x
  where a.id = any(ids);
$$;

create or replace function directory_activity_places_inserted() returns trigger language plpgsql as $$
begin
  insert into directory_activity_place (country_iso2, activity_id, contact_id, organisation_id, visibility, status, key_areas)
  select x.country, a.id, a.contact_id, a.organisation_id, a.visibility, a.status, a.key_areas
  from changed a cross join lateral (select distinct c::char(2) as country from unnest(a.countries) as c) as x;
  return null;
end $$;

create or replace function directory_activity_places_updated() returns trigger language plpgsql as $$
begin
  delete from directory_activity_place p using changed a where p.activity_id = a.id;
  insert into directory_activity_place (country_iso2, activity_id, contact_id, organisation_id, visibility, status, key_areas)
  select x.country, a.id, a.contact_id, a.organisation_id, a.visibility, a.status, a.key_areas
  from changed a cross join lateral (select distinct c::char(2) as country from unnest(a.countries) as c) as x;
  return null;
end $$;

create function directory_activity_new_code() returns text language sql volatile
as $$ select 'ACT-' || upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 12)) $$;
alter table directory_activity alter column code set default directory_activity_new_code();

analyze directory_activity;
analyze directory_contact;
