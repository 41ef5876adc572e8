-- Requests for assistance in the focal-point network: a member asks "who has experience with …?",
-- other members answer, the asker (or the co-ordinator) marks the best answer, which may then be
-- saved into the library as a good-practice document.

create table network_request (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  question text not null,
  key_areas text[] not null default '{}',
  country_iso2 char(2),
  -- The members told of it: those of this sub-region, or every member when null.
  subregion text,
  author_id uuid,
  -- The good-practice document the best answer was saved as.
  document_id uuid,
  created_at timestamptz not null default now(),
  constraint network_request_author_fk foreign key (author_id) references app_user (id) on delete set null,
  constraint network_request_country_fk foreign key (country_iso2) references country (iso2) on delete restrict,
  constraint network_request_document_fk foreign key (document_id) references library_document (id) on delete set null,
  constraint network_request_title_ck check (length(trim(title)) between 1 and 300),
  constraint network_request_question_ck check (length(trim(question)) between 1 and 8000),
  constraint network_request_key_areas_ck check (cardinality(key_areas) <= 5),
  constraint network_request_subregion_ck check (subregion is null or subregion in ('western_europe_north_america',
    'south_eastern_europe', 'eastern_europe', 'south_caucasus', 'central_asia'))
);
create index network_request_author_idx on network_request (author_id);
create index network_request_country_idx on network_request (country_iso2);
create index network_request_document_idx on network_request (document_id);
create index network_request_created_idx on network_request (created_at desc);

create table network_answer (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null,
  author_id uuid,
  body text not null,
  -- The asker's (or the co-ordinator's) choice; at most one per request.
  best boolean not null default false,
  created_at timestamptz not null default now(),
  constraint network_answer_request_fk foreign key (request_id) references network_request (id) on delete cascade,
  constraint network_answer_author_fk foreign key (author_id) references app_user (id) on delete set null,
  constraint network_answer_body_ck check (length(trim(body)) between 1 and 8000)
);
create index network_answer_request_idx on network_answer (request_id, created_at);
create index network_answer_author_idx on network_answer (author_id);
-- The best answer is marked on the answer, not named by the request: a backup orders tables by
-- their references, and two tables naming each other could not be ordered.
create unique index network_answer_best_uq on network_answer (request_id) where best;
