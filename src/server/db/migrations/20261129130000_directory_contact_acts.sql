-- "Whom do I call?": a contact's places also hold the countries where it is the contact person of an
-- activity ("acts"), so that every candidate for a country is in one range of one narrow table. The
-- contacts who cover a country or act there are ranked first, from their own partial index; the
-- many more who only work for an organisation seated there (a hub such as Vienna) are read only
-- when they could still reach the answer.
--
-- The key areas, competences and languages are held as one comma-framed text each (",en,ru,"):
-- whether a row has one of a question's codes is then a few substring searches, several times
-- cheaper than comparing arrays, for each of tens of thousands of rows.

alter table directory_contact_place
  drop constraint directory_contact_place_pk,
  add column acts boolean not null default false,
  add column key_area_codes text not null default ',',
  add column competence_codes text not null default ',',
  add column language_codes text not null default ',';
alter table directory_contact_place drop column key_areas, drop column competences, drop column languages;

create function directory_code_list(codes text[]) returns text language sql immutable as $$
  select ',' || array_to_string(codes, ',') || ','
$$;

create or replace function directory_refresh_contact_places(ids uuid[]) returns void language sql as $$
  delete from directory_contact_place where contact_id = any(ids);
  insert into directory_contact_place (country_iso2, contact_id, organisation_id, visibility, covers, based, acts,
                                       key_area_codes, competence_codes, language_codes, confirmed_at, name)
  select p.country_iso2, c.id, c.organisation_id, c.visibility,
         c.countries @> array[p.country_iso2::text], coalesce(o.country_iso2 = p.country_iso2, false),
         p.country_iso2::text = any(p.acts),
         directory_code_list(c.key_areas), directory_code_list(c.competences), directory_code_list(c.languages),
         c.confirmed_at, c.name
  from directory_contact c
  join organisation o on o.id = c.organisation_id
  cross join lateral (select array(select unnest(a.countries) from directory_activity a where a.contact_id = c.id) as countries) w
  cross join lateral (select distinct x::char(2) as country_iso2, w.countries as acts
                      from unnest(c.countries || array[o.country_iso2::text] || w.countries) as x where x is not null) p
  where c.id = any(ids);
$$;

-- An activity that gains, loses or moves its contact person, or changes its countries, changes
-- where that person acts.
create function directory_activity_contacts_inserted() returns trigger language plpgsql as $$
begin
  perform directory_refresh_contact_places(array(select distinct contact_id from changed where contact_id is not null));
  return null;
end $$;
create function directory_activity_contacts_updated() returns trigger language plpgsql as $$
begin
  perform directory_refresh_contact_places(array(
    select x from changed n join previous o on o.id = n.id
    cross join lateral (values (n.contact_id), (o.contact_id)) as v(x)
    where x is not null and (n.contact_id is distinct from o.contact_id or n.countries is distinct from o.countries)));
  return null;
end $$;
create function directory_activity_contacts_deleted() returns trigger language plpgsql as $$
begin
  perform directory_refresh_contact_places(array(select distinct contact_id from previous where contact_id is not null));
  return null;
end $$;

create trigger directory_activity_contacts_insert after insert on directory_activity
  referencing new table as changed for each statement execute function directory_activity_contacts_inserted();
create trigger directory_activity_contacts_update after update on directory_activity
  referencing new table as changed old table as previous for each statement execute function directory_activity_contacts_updated();
create trigger directory_activity_contacts_delete after delete on directory_activity
  referencing old table as previous for each statement execute function directory_activity_contacts_deleted();

-- Covering: a question about one country reads one range of an index (an index-only scan); the
-- contacts ranked first, those who cover the country or act there, have an index of their own.
alter table directory_contact_place add constraint directory_contact_place_pk primary key (country_iso2, contact_id)
  include (organisation_id, visibility, covers, based, key_area_codes, competence_codes, language_codes, confirmed_at, name);
create index directory_contact_place_near_idx on directory_contact_place (country_iso2, contact_id)
  include (organisation_id, visibility, covers, based, key_area_codes, competence_codes, language_codes, confirmed_at, name)
  where covers or acts;

select directory_refresh_contact_places(array(select id from directory_contact));
analyze directory_contact_place;
