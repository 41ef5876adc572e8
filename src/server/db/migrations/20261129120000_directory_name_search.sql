-- Search lists matches with every word in the name or title first, and finds a page without ranking
-- every match. The name's document (the very words the search document gives weight A) is indexed
-- on its own: stored for the few organisations, and as an index expression for contacts and
-- activities, whose rows stay as narrow as before. The text indexes hold the record's visibility
-- too, so that counting what a person may see stops at the count limit without reading records that
-- person may not see; and contacts and activities are indexed in the order a page lists them.
-- Index builds and statistics run with a search path of pg_catalog only (PostgreSQL 17, and so
-- PGlite): the function keeps the schema it was created in.
create function directory_name_document(name text) returns tsvector
language sql immutable parallel safe
set search_path from current
as $$ select directory_tsvector(directory_fold(coalesce(name, ''))) $$;

alter table organisation
  add column name_doc tsvector generated always as (directory_name_document(
    coalesce(acronym, '') || ' ' || coalesce(code, '') || ' ' || name_en || ' ' || coalesce(name_fr, '') || ' ' ||
      coalesce(name_de, '') || ' ' || coalesce(name_it, '') || ' ' || coalesce(name_ru, '') || ' ' || coalesce(name_es, ''))) stored;

drop index directory_contact_search_idx;
create index directory_contact_search_idx on directory_contact using gin (search_doc, (array[visibility]));
create index directory_contact_name_search_idx on directory_contact
  using gin (directory_name_document(name || ' ' || coalesce(title, '')), (array[visibility]));
create index directory_contact_name_idx on directory_contact (name, id);
analyze directory_contact;

drop index directory_activity_search_idx;
create index directory_activity_search_idx on directory_activity using gin (search_doc, (array[visibility]));
create index directory_activity_name_search_idx on directory_activity
  using gin (directory_name_document(title), (array[visibility]));
create index directory_activity_title_idx on directory_activity (title, id);
analyze directory_activity;
analyze organisation;
