-- An activity's search document is most of the cost of writing it. A 3W import writes thousands of
-- activities whose reference words (organisation, key areas, countries: `search_text`) repeat from
-- one row to the next: a few hundred different texts in fifty thousand rows. Analysed in seven
-- configurations for every row, those words cost more than the rest of the row together.
--
-- The document is therefore no longer a generated column but one a trigger computes, the very same
-- way, whenever a statement does not give it: every insert without one, and every update of the
-- words it is made of that leaves it as it was. The import gives it, from the title, description
-- and place of each row and the document of its reference words, computed once per different text
-- (`directory_activity_document_from` below): the same lexemes, since the reference words are only
-- ever added, stripped, to the rest. A test holds both ways to the same documents.

-- The document of an activity, as the generated column computed it.
create function directory_activity_document(title text, description text, place text, search_text text)
returns tsvector language sql immutable parallel safe
as $$ select directory_document(title, coalesce(description, '') || ' ' || coalesce(place, '') || ' ' || coalesce(search_text, '')) $$;

-- The same document, from the document of the reference words (`directory_reference_document`).
create function directory_reference_document(search_text text) returns tsvector
language sql immutable parallel safe
as $$ select strip(directory_tsvector(directory_fold(coalesce(search_text, '')))) $$;

create function directory_activity_document_from(title text, description text, place text, reference tsvector)
returns tsvector language sql immutable parallel safe
as $$ select directory_document(title, coalesce(description, '') || ' ' || coalesce(place, '')) || reference $$;

alter table directory_activity alter column search_doc drop expression;

create function directory_activity_document_kept() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    if new.search_doc is null then
      new.search_doc := directory_activity_document(new.title, new.description, new.place, new.search_text);
    end if;
  elsif new.search_doc is not distinct from old.search_doc then
    new.search_doc := directory_activity_document(new.title, new.description, new.place, new.search_text);
  end if;
  return new;
end $$;

create trigger directory_activity_document before insert or update of title, description, place, search_text, search_doc
  on directory_activity for each row execute function directory_activity_document_kept();
