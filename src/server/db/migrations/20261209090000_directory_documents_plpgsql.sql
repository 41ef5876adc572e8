-- The search documents cost most of an activity's insert: every write computes the record's
-- document, and its name's document again for the index of names. Both were SQL functions that
-- PostgreSQL could not inline (the folded text is used seven times, and the name's document has its
-- own search path), so each call went through the SQL-function executor. The same functions in
-- PL/pgSQL give the same documents, bit for bit (stored documents and indexes stay valid), at a
-- fraction of the cost: the text is folded once and each configuration is called directly.

create or replace function directory_tsvector(value text) returns tsvector
language plpgsql immutable parallel safe
as $$
begin
  return to_tsvector('simple', value)
    || to_tsvector('english', value)
    || to_tsvector('french', value)
    || to_tsvector('german', value)
    || to_tsvector('italian', value)
    || to_tsvector('russian', value)
    || to_tsvector('spanish', value);
end $$;

create or replace function directory_name_document(name text) returns tsvector
language plpgsql immutable parallel safe
set search_path from current
as $$
begin
  return directory_tsvector(directory_fold(coalesce(name, '')));
end $$;
