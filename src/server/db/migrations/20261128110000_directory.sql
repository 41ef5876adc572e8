-- Directory: who does what and where, and whom to call (organisations, contacts, activities).
-- Search folds case and accents in SQL (no extension needed, so it runs on a stock PostgreSQL and
-- on PGlite alike) and indexes the folded text with the stemmers of the six OSCE languages.

-- Lower case without accents: decomposed (NFD), combining marks dropped, and the few letters that do
-- not decompose (ß, ø, ł, đ, ı, …) spelt in plain letters. Needs a UTF-8 database, as Crossroads does.
create function directory_fold(value text) returns text
language sql immutable parallel safe
as $$
  select replace(replace(replace(replace(replace(
    translate(regexp_replace(normalize(lower(value), NFD), '[\u0300-\u036f]', '', 'g'), 'øđłıħŧð', 'odlihtd'),
    'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'), 'þ', 'th'), 'ĳ', 'ij')
$$;

-- Joins a text array with spaces; array_to_string is only stable because of other element types.
create function directory_join(value text[]) returns text
language sql immutable parallel safe
as $$ select coalesce(array_to_string(value, ' '), '') $$;

-- Folded text, indexed as written and as stemmed in English, French, German, Italian, Russian and Spanish.
create function directory_tsvector(value text) returns tsvector
language sql immutable parallel safe
as $$
  select to_tsvector('simple', value)
    || to_tsvector('english', value)
    || to_tsvector('french', value)
    || to_tsvector('german', value)
    || to_tsvector('italian', value)
    || to_tsvector('russian', value)
    || to_tsvector('spanish', value)
$$;

-- The document searched: the name weighs most; the rest (description, topics, places, the names of the
-- organisation, key areas and countries) is kept without word positions, which keeps the index small.
create function directory_document(name text, body text) returns tsvector
language sql immutable parallel safe
as $$
  select setweight(directory_tsvector(directory_fold(coalesce(name, ''))), 'A')
    || strip(directory_tsvector(directory_fold(coalesce(body, ''))))
$$;

-- A query from what a person typed: every word must match, in any of the languages. Each element
-- holds one word, or several spellings of it separated by spaces (a country named in Russian and in
-- English), any of which may match. Words that are stop words in one of the languages are left out.
create function directory_query(words text[]) returns tsquery
language plpgsql immutable parallel safe
as $$
declare
  result tsquery;
  lexemes text[];
  part tsquery;
  spelling text;
  config regconfig;
  i int;
  first boolean;
  stop boolean;
begin
  for i in 1 .. coalesce(array_length(words, 1), 0) loop
    lexemes := '{}';
    stop := false;
    first := true;
    foreach spelling in array string_to_array(directory_fold(words[i]), ' ') loop
      continue when spelling = '';
      foreach config in array array['simple', 'english', 'french', 'german', 'italian', 'russian', 'spanish']::regconfig[] loop
        part := plainto_tsquery(config, spelling);
        if numnode(part) = 0 then
          stop := stop or first;
          continue;
        end if;
        lexemes := lexemes || string_to_array(part::text, ' & ');
      end loop;
      first := false;
    end loop;
    continue when stop or cardinality(lexemes) = 0;
    part := ('(' || array_to_string(array(select distinct l from unnest(lexemes) l order by 1), ' | ') || ')')::tsquery;
    result := case when result is null then part else result && part end;
  end loop;
  return result;
end;
$$;

-- Organisations: the OSCE structures of the reference data, partners, authorities, NGOs, academia.
alter table organisation
  add column mandate_summary text,
  add column dimensions text[] not null default '{}',
  add column search_doc tsvector generated always as (directory_document(
    coalesce(acronym, '') || ' ' || coalesce(code, '') || ' ' || name_en || ' ' || coalesce(name_fr, '') || ' ' ||
      coalesce(name_de, '') || ' ' || coalesce(name_it, '') || ' ' || coalesce(name_ru, '') || ' ' || coalesce(name_es, ''),
    coalesce(mandate_summary, '') || ' ' || coalesce(city, ''))) stored,
  add constraint organisation_dimensions_ck check (
    dimensions <@ array['politico_military', 'economic_environmental', 'human']::text[]),
  add constraint organisation_mandate_summary_ck check (length(mandate_summary) <= 4000),
  add constraint organisation_website_ck check (website ~ '^https?://[^\s]+$' and length(website) <= 500);
create index organisation_search_idx on organisation using gin (search_doc);
create index organisation_type_idx on organisation (type);

create table directory_contact (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null,
  name text not null,
  title text,
  emails text[] not null default '{}',
  phones text[] not null default '{}',
  languages text[] not null default '{}',
  key_areas text[] not null default '{}',
  competences text[] not null default '{}',
  topics text[] not null default '{}',
  countries text[] not null default '{}',
  visibility text not null default 'signed_in',
  -- The contact answered when nobody else matches: the co-ordinator's desk. At most one.
  fallback boolean not null default false,
  confirmed_at timestamptz not null default now(),
  -- Names of the organisation, topics and countries, written by the application for search.
  search_text text not null default '',
  search_doc tsvector generated always as (directory_document(name || ' ' || coalesce(title, ''),
    directory_join(topics) || ' ' || search_text)) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint directory_contact_organisation_fk foreign key (organisation_id) references organisation (id) on delete restrict,
  constraint directory_contact_name_ck check (length(trim(name)) between 1 and 200),
  constraint directory_contact_title_ck check (length(title) <= 300),
  constraint directory_contact_visibility_ck check (visibility in ('public', 'signed_in', 'osce_staff', 'coordinator')),
  constraint directory_contact_emails_ck check (
    cardinality(emails) <= 10 and directory_join(emails) ~ '^([^\s@]+@[^\s@]+( |$))*$' and directory_join(emails) = lower(directory_join(emails))),
  constraint directory_contact_phones_ck check (
    cardinality(phones) <= 10 and directory_join(phones) ~ '^(\+?[0-9][0-9 ()./-]{3,30}( |$))*$'),
  constraint directory_contact_lists_ck check (
    cardinality(languages) <= 40 and cardinality(key_areas) <= 5 and cardinality(competences) <= 40
    and cardinality(topics) <= 20 and cardinality(countries) <= 80),
  constraint directory_contact_fallback_public_ck check (not fallback or visibility = 'public')
);
create index directory_contact_organisation_idx on directory_contact (organisation_id);
create index directory_contact_countries_idx on directory_contact using gin (countries);
create index directory_contact_key_areas_idx on directory_contact using gin (key_areas);
create index directory_contact_competences_idx on directory_contact using gin (competences);
create index directory_contact_emails_idx on directory_contact using gin (emails);
create index directory_contact_search_idx on directory_contact using gin (search_doc);
create index directory_contact_confirmed_idx on directory_contact (confirmed_at);
create unique index directory_contact_fallback_uq on directory_contact (fallback) where fallback;

create table directory_activity (
  id uuid primary key default gen_random_uuid(),
  -- A stable reference that a 3W spreadsheet carries, so that importing it again updates the activity.
  code text not null default ('ACT-' || upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 12))),
  organisation_id uuid not null,
  title text not null,
  description text,
  key_areas text[] not null default '{}',
  dimension text,
  countries text[] not null default '{}',
  place text,
  start_date date,
  end_date date,
  status text not null default 'planned',
  target_groups text[] not null default '{}',
  contact_id uuid,
  visibility text not null default 'public',
  search_text text not null default '',
  search_doc tsvector generated always as (directory_document(title,
    coalesce(description, '') || ' ' || coalesce(place, '') || ' ' || search_text)) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint directory_activity_code_uq unique (code),
  constraint directory_activity_code_ck check (code ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$'),
  constraint directory_activity_organisation_fk foreign key (organisation_id) references organisation (id) on delete restrict,
  constraint directory_activity_dimension_fk foreign key (dimension) references dimension (code) on delete restrict,
  constraint directory_activity_contact_fk foreign key (contact_id) references directory_contact (id) on delete set null,
  constraint directory_activity_title_ck check (length(trim(title)) between 1 and 300),
  constraint directory_activity_description_ck check (length(description) <= 8000),
  constraint directory_activity_place_ck check (length(place) <= 200),
  constraint directory_activity_status_ck check (status in ('planned', 'ongoing', 'completed')),
  constraint directory_activity_dates_ck check (start_date is null or end_date is null or end_date >= start_date),
  constraint directory_activity_target_groups_ck check (target_groups <@ array['refugees', 'asylum_seekers', 'migrants',
    'victims_of_trafficking', 'idps', 'host_communities', 'officials']::text[]),
  constraint directory_activity_visibility_ck check (visibility in ('public', 'signed_in', 'osce_staff', 'coordinator')),
  constraint directory_activity_lists_ck check (cardinality(key_areas) <= 5 and cardinality(countries) <= 80)
);
-- One title per organisation, whatever the case and accents: a re-imported 3W row finds its activity.
create unique index directory_activity_title_uq on directory_activity (organisation_id, directory_fold(title));
create index directory_activity_dimension_idx on directory_activity (dimension);
create index directory_activity_contact_idx on directory_activity (contact_id);
create index directory_activity_countries_idx on directory_activity using gin (countries);
create index directory_activity_key_areas_idx on directory_activity using gin (key_areas);
create index directory_activity_search_idx on directory_activity using gin (search_doc);
create index directory_activity_status_idx on directory_activity (status);

-- Arrays of reference codes cannot carry foreign keys; these triggers hold them to the same rule,
-- raising the foreign-key error a person is shown for a named constraint.
create function directory_contact_check_codes() returns trigger language plpgsql as $$
begin
  if exists (select 1 from unnest(new.countries) x where not exists (select 1 from country where iso2 = x)) then
    raise foreign_key_violation using message = 'unknown country code', constraint = 'directory_contact_country_fk',
      table = 'directory_contact';
  end if;
  if exists (select 1 from unnest(new.languages) x where not exists (select 1 from language where code = x)) then
    raise foreign_key_violation using message = 'unknown language code', constraint = 'directory_contact_language_fk',
      table = 'directory_contact';
  end if;
  if exists (select 1 from unnest(new.key_areas) x where not exists (select 1 from key_area where code = x)) then
    raise foreign_key_violation using message = 'unknown key area', constraint = 'directory_contact_key_area_fk',
      table = 'directory_contact';
  end if;
  if exists (select 1 from unnest(new.competences) x where not exists (select 1 from competence where code = x)) then
    raise foreign_key_violation using message = 'unknown competence', constraint = 'directory_contact_competence_fk',
      table = 'directory_contact';
  end if;
  return new;
end;
$$;
create trigger directory_contact_codes before insert or update of countries, languages, key_areas, competences
  on directory_contact for each row execute function directory_contact_check_codes();

create function directory_activity_check_codes() returns trigger language plpgsql as $$
begin
  if exists (select 1 from unnest(new.countries) x where not exists (select 1 from country where iso2 = x)) then
    raise foreign_key_violation using message = 'unknown country code', constraint = 'directory_activity_country_fk',
      table = 'directory_activity';
  end if;
  if exists (select 1 from unnest(new.key_areas) x where not exists (select 1 from key_area where code = x)) then
    raise foreign_key_violation using message = 'unknown key area', constraint = 'directory_activity_key_area_fk',
      table = 'directory_activity';
  end if;
  return new;
end;
$$;
create trigger directory_activity_codes before insert or update of countries, key_areas
  on directory_activity for each row execute function directory_activity_check_codes();
