-- Directory: narrow "place" tables that answer "whom do I call?" for one country without reading the
-- wide contact and activity rows (their search documents make each row over a kilobyte). One row per
-- contact and country it covers or where its organisation is seated, and one per activity and
-- country; each carries only what ranking and visibility need. The database keeps them in step with
-- statement-level triggers, so that every writer (the application, an import, the command line) is
-- covered, and a backup carries them like any table; directory_refresh_contact_places() and
-- directory_refresh_activity_places() rebuild them.

create table directory_contact_place (
  country_iso2 char(2) not null,
  contact_id uuid not null,
  organisation_id uuid not null,
  visibility text not null,
  covers boolean not null,
  based boolean not null,
  key_areas text[] not null,
  competences text[] not null,
  languages text[] not null,
  confirmed_at timestamptz not null,
  name text not null,
  -- Covering: a question about one country reads one range of the index (an index-only scan).
  constraint directory_contact_place_pk primary key (country_iso2, contact_id)
    include (organisation_id, visibility, covers, based, key_areas, competences, languages, confirmed_at, name),
  constraint directory_contact_place_contact_fk foreign key (contact_id) references directory_contact (id) on delete cascade
);
create index directory_contact_place_contact_idx on directory_contact_place (contact_id);

create table directory_activity_place (
  country_iso2 char(2) not null,
  activity_id uuid not null,
  contact_id uuid,
  organisation_id uuid not null,
  visibility text not null,
  status text not null,
  key_areas text[] not null,
  constraint directory_activity_place_pk primary key (country_iso2, activity_id)
    include (contact_id, organisation_id, visibility, status, key_areas),
  constraint directory_activity_place_activity_fk foreign key (activity_id) references directory_activity (id) on delete cascade
);
create index directory_activity_place_activity_idx on directory_activity_place (activity_id);

create function directory_refresh_contact_places(ids uuid[]) returns void language sql as $$
  delete from directory_contact_place where contact_id = any(ids);
  insert into directory_contact_place (country_iso2, contact_id, organisation_id, visibility, covers, based,
                                       key_areas, competences, languages, confirmed_at, name)
  select p.country_iso2, c.id, c.organisation_id, c.visibility,
         c.countries @> array[p.country_iso2::text], coalesce(o.country_iso2 = p.country_iso2, false),
         c.key_areas, c.competences, c.languages, c.confirmed_at, c.name
  from directory_contact c
  join organisation o on o.id = c.organisation_id
  cross join lateral (select distinct x::char(2) as country_iso2
                      from unnest(c.countries || array[o.country_iso2::text]) as x where x is not null) p
  where c.id = any(ids);
$$;

create function directory_refresh_activity_places(ids uuid[]) returns void language sql as $$
  delete from directory_activity_place where activity_id = any(ids);
  insert into directory_activity_place (country_iso2, activity_id, contact_id, organisation_id, visibility, status, key_areas)
  select distinct x::char(2), a.id, a.contact_id, a.organisation_id, a.visibility, a.status, a.key_areas
  from directory_activity a cross join lateral unnest(a.countries) as x
  where a.id = any(ids);
$$;

create function directory_contact_places_inserted() returns trigger language plpgsql as $$
begin
  perform directory_refresh_contact_places(array(select id from changed));
  return null;
end $$;
create function directory_activity_places_inserted() returns trigger language plpgsql as $$
begin
  perform directory_refresh_activity_places(array(select id from changed));
  return null;
end $$;
-- An organisation that moves its seat changes where its contacts are "based".
create function directory_organisation_places_moved() returns trigger language plpgsql as $$
begin
  perform directory_refresh_contact_places(array(
    select c.id from directory_contact c
    join changed n on n.id = c.organisation_id
    join previous o on o.id = n.id
    where n.country_iso2 is distinct from o.country_iso2));
  return null;
end $$;

create trigger directory_contact_places_insert after insert on directory_contact
  referencing new table as changed for each statement execute function directory_contact_places_inserted();
create trigger directory_contact_places_update after update on directory_contact
  referencing new table as changed for each statement execute function directory_contact_places_inserted();
create trigger directory_activity_places_insert after insert on directory_activity
  referencing new table as changed for each statement execute function directory_activity_places_inserted();
create trigger directory_activity_places_update after update on directory_activity
  referencing new table as changed for each statement execute function directory_activity_places_inserted();
create trigger directory_organisation_places_update after update on organisation
  referencing new table as changed old table as previous for each statement execute function directory_organisation_places_moved();
-- Deleted contacts and activities take their rows with them (on delete cascade).

select directory_refresh_contact_places(array(select id from directory_contact));
select directory_refresh_activity_places(array(select id from directory_activity));

-- The names of key areas and competences in the six languages, indexed once, for reading a
-- question's topic as codes (instead of building the document for every row of every question).
alter table key_area add column search_doc tsvector generated always as (directory_document(
  name_en || ' ' || name_fr || ' ' || name_de || ' ' || name_it || ' ' || name_ru || ' ' || name_es, '')) stored;
alter table competence add column search_doc tsvector generated always as (directory_document(
  name_en || ' ' || name_fr || ' ' || name_de || ' ' || name_it || ' ' || name_ru || ' ' || name_es, '')) stored;
