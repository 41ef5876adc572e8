-- Search lists matches with every word in the name or title first, and finds a page without ranking
-- every match. Each record also carries the document of its name alone (the very words its search
-- document gives weight A). The text indexes hold the record's visibility too, so that counting what
-- a person may see stops at the count limit without reading records that person may not see; and
-- contacts and activities are indexed in the order a page lists them, so that a word found in
-- thousands of records is paged through that index.
alter table organisation
  add column name_doc tsvector generated always as (directory_tsvector(directory_fold(
    coalesce(acronym, '') || ' ' || coalesce(code, '') || ' ' || name_en || ' ' || coalesce(name_fr, '') || ' ' ||
      coalesce(name_de, '') || ' ' || coalesce(name_it, '') || ' ' || coalesce(name_ru, '') || ' ' || coalesce(name_es, '')))) stored;

alter table directory_contact
  add column name_doc tsvector generated always as (directory_tsvector(directory_fold(name || ' ' || coalesce(title, '')))) stored;
drop index directory_contact_search_idx;
create index directory_contact_search_idx on directory_contact using gin (search_doc, (array[visibility]));
create index directory_contact_name_search_idx on directory_contact using gin (name_doc, (array[visibility]));
create index directory_contact_name_idx on directory_contact (name, id);
analyze directory_contact;

alter table directory_activity
  add column name_doc tsvector generated always as (directory_tsvector(directory_fold(title))) stored;
drop index directory_activity_search_idx;
create index directory_activity_search_idx on directory_activity using gin (search_doc, (array[visibility]));
create index directory_activity_name_search_idx on directory_activity using gin (name_doc, (array[visibility]));
create index directory_activity_title_idx on directory_activity (title, id);
analyze directory_activity;
analyze organisation;
