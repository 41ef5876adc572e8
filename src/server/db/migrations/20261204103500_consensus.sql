-- Consensus drafting: documents negotiated among the participating States, their paragraphs with
-- stable identities, frozen revisions, amendments, positions, silence procedures, statements and
-- the register of commitments that a draft recalls.

alter table role_grant drop constraint role_grant_role_ck;
alter table role_grant add constraint role_grant_role_ck check (role in ('coordinator', 'focal_point', 'expert', 'analyst',
  'incident_reviewer', 'delegation', 'chair', 'secretariat'));

create table consensus_commitment (
  id uuid primary key default gen_random_uuid(),
  symbol text,
  title text not null,
  year integer not null,
  place text,
  created_at timestamptz not null default now(),
  constraint consensus_commitment_year_ck check (year between 1975 and 2100),
  constraint consensus_commitment_title_ck check (length(title) between 1 and 300),
  constraint consensus_commitment_symbol_uq unique (symbol)
);

create table consensus_document (
  id uuid primary key default gen_random_uuid(),
  council text not null,
  number integer not null,
  year integer not null,
  kind text not null default 'decision',
  title text not null,
  body text not null,
  stage text not null default 'drafting',
  original_language text not null default 'en',
  current_revision integer not null default 0,
  decision_number integer,
  adopted_at timestamptz,
  adopted_how text,
  show_names boolean not null default false,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint consensus_document_council_ck check (council in ('MC', 'PC')),
  constraint consensus_document_kind_ck check (kind in ('decision', 'declaration')),
  constraint consensus_document_body_ck check (body in ('working_group', 'permanent_council', 'ministerial_council')),
  constraint consensus_document_stage_ck check (stage in ('drafting', 'silence', 'adopted', 'withdrawn')),
  constraint consensus_document_language_ck check (original_language in ('en', 'fr', 'de', 'it', 'ru', 'es')),
  constraint consensus_document_year_ck check (year between 0 and 99),
  constraint consensus_document_adopted_ck check (
    (stage = 'adopted') = (decision_number is not null and adopted_at is not null and adopted_how in ('meeting', 'silence'))),
  constraint consensus_document_symbol_uq unique (council, number, year),
  constraint consensus_document_decision_uq unique (council, kind, decision_number, year),
  constraint consensus_document_created_by_fk foreign key (created_by) references app_user (id) on delete set null
);
create index consensus_document_created_by_idx on consensus_document (created_by);

create table consensus_paragraph (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null,
  part text not null,
  parent_id uuid,
  position integer not null,
  text text not null,
  commitment_id uuid,
  deleted boolean not null default false,
  constraint consensus_paragraph_part_ck check (part in ('preambular', 'operative')),
  constraint consensus_paragraph_text_ck check (length(text) between 1 and 4000),
  constraint consensus_paragraph_document_fk foreign key (document_id) references consensus_document (id) on delete cascade,
  constraint consensus_paragraph_parent_fk foreign key (parent_id) references consensus_paragraph (id) on delete cascade,
  constraint consensus_paragraph_commitment_fk foreign key (commitment_id) references consensus_commitment (id) on delete restrict
);
create index consensus_paragraph_document_idx on consensus_paragraph (document_id, part, position);
create index consensus_paragraph_parent_idx on consensus_paragraph (parent_id);
create index consensus_paragraph_commitment_idx on consensus_paragraph (commitment_id);

create table consensus_revision (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null,
  number integer not null,
  -- The frozen text: every live paragraph in order, with its id, part, parent, number and words.
  paragraphs jsonb not null,
  issued_at timestamptz not null default now(),
  issued_by uuid,
  constraint consensus_revision_number_ck check (number >= 1),
  constraint consensus_revision_uq unique (document_id, number),
  constraint consensus_revision_document_fk foreign key (document_id) references consensus_document (id) on delete cascade,
  constraint consensus_revision_issued_by_fk foreign key (issued_by) references app_user (id) on delete set null
);
create index consensus_revision_issued_by_idx on consensus_revision (issued_by);

create table consensus_amendment (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null,
  kind text not null,
  paragraph_id uuid,
  after_paragraph_id uuid,
  part text,
  old_words text,
  new_words text,
  justification text not null default '',
  sponsor_iso2 char(2) not null,
  status text not null default 'tabled',
  flagged boolean not null default false,
  decided_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  constraint consensus_amendment_kind_ck check (kind in ('insert', 'delete', 'replace')),
  constraint consensus_amendment_status_ck check (status in ('tabled', 'taken', 'merged', 'left')),
  constraint consensus_amendment_shape_ck check (
    (kind = 'insert' and part is not null and new_words is not null)
    or (kind = 'delete' and paragraph_id is not null)
    or (kind = 'replace' and paragraph_id is not null and old_words is not null and new_words is not null)),
  constraint consensus_amendment_document_fk foreign key (document_id) references consensus_document (id) on delete cascade,
  constraint consensus_amendment_paragraph_fk foreign key (paragraph_id) references consensus_paragraph (id) on delete restrict,
  constraint consensus_amendment_after_fk foreign key (after_paragraph_id) references consensus_paragraph (id) on delete restrict,
  constraint consensus_amendment_sponsor_fk foreign key (sponsor_iso2) references country (iso2) on delete restrict,
  constraint consensus_amendment_created_by_fk foreign key (created_by) references app_user (id) on delete set null
);
create index consensus_amendment_document_idx on consensus_amendment (document_id);
create index consensus_amendment_paragraph_idx on consensus_amendment (paragraph_id);
create index consensus_amendment_after_idx on consensus_amendment (after_paragraph_id);
create index consensus_amendment_sponsor_idx on consensus_amendment (sponsor_iso2);
create index consensus_amendment_created_by_idx on consensus_amendment (created_by);

create table consensus_cosponsor (
  amendment_id uuid not null,
  country_iso2 char(2) not null,
  constraint consensus_cosponsor_pk primary key (amendment_id, country_iso2),
  constraint consensus_cosponsor_amendment_fk foreign key (amendment_id) references consensus_amendment (id) on delete cascade,
  constraint consensus_cosponsor_country_fk foreign key (country_iso2) references country (iso2) on delete restrict
);
create index consensus_cosponsor_country_idx on consensus_cosponsor (country_iso2);

create table consensus_position (
  paragraph_id uuid not null,
  country_iso2 char(2) not null,
  document_id uuid not null,
  stance text not null,
  reason text not null default '',
  updated_at timestamptz not null default now(),
  updated_by uuid,
  constraint consensus_position_pk primary key (paragraph_id, country_iso2),
  constraint consensus_position_stance_ck check (stance in ('agree', 'can_live', 'reservation', 'objection')),
  constraint consensus_position_reason_ck check (stance <> 'objection' or length(reason) > 0),
  constraint consensus_position_paragraph_fk foreign key (paragraph_id) references consensus_paragraph (id) on delete cascade,
  constraint consensus_position_document_fk foreign key (document_id) references consensus_document (id) on delete cascade,
  constraint consensus_position_country_fk foreign key (country_iso2) references country (iso2) on delete restrict,
  constraint consensus_position_updated_by_fk foreign key (updated_by) references app_user (id) on delete set null
);
create index consensus_position_document_idx on consensus_position (document_id, stance);
create index consensus_position_country_idx on consensus_position (country_iso2);
create index consensus_position_updated_by_idx on consensus_position (updated_by);

create table consensus_silence (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null,
  revision_number integer not null,
  deadline timestamptz not null,
  state text not null default 'running',
  broken_by_iso2 char(2),
  statement text,
  started_by uuid,
  started_at timestamptz not null default now(),
  ended_at timestamptz,
  constraint consensus_silence_state_ck check (state in ('running', 'broken', 'passed', 'lapsed')),
  constraint consensus_silence_broken_ck check ((state = 'broken') = (broken_by_iso2 is not null and statement is not null)),
  constraint consensus_silence_document_fk foreign key (document_id) references consensus_document (id) on delete cascade,
  constraint consensus_silence_country_fk foreign key (broken_by_iso2) references country (iso2) on delete restrict,
  constraint consensus_silence_started_by_fk foreign key (started_by) references app_user (id) on delete set null
);
create index consensus_silence_document_idx on consensus_silence (document_id);
create index consensus_silence_country_idx on consensus_silence (broken_by_iso2);
create index consensus_silence_started_by_idx on consensus_silence (started_by);
create index consensus_silence_due_idx on consensus_silence (deadline) where state = 'running';
-- One procedure at a time per document.
create unique index consensus_silence_running_uq on consensus_silence (document_id) where state = 'running';

create table consensus_statement (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null,
  number integer not null,
  country_iso2 char(2) not null,
  text text not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  constraint consensus_statement_text_ck check (length(text) between 1 and 8000),
  constraint consensus_statement_number_uq unique (document_id, number),
  constraint consensus_statement_document_fk foreign key (document_id) references consensus_document (id) on delete cascade,
  constraint consensus_statement_country_fk foreign key (country_iso2) references country (iso2) on delete restrict,
  constraint consensus_statement_created_by_fk foreign key (created_by) references app_user (id) on delete set null
);
create index consensus_statement_country_idx on consensus_statement (country_iso2);
create index consensus_statement_created_by_idx on consensus_statement (created_by);

create table consensus_statement_joiner (
  statement_id uuid not null,
  country_iso2 char(2) not null,
  constraint consensus_statement_joiner_pk primary key (statement_id, country_iso2),
  constraint consensus_statement_joiner_statement_fk foreign key (statement_id) references consensus_statement (id) on delete cascade,
  constraint consensus_statement_joiner_country_fk foreign key (country_iso2) references country (iso2) on delete restrict
);
create index consensus_statement_joiner_country_idx on consensus_statement_joiner (country_iso2);

-- What happened to a document, in order: the live pages read it (by id, after the last they saw).
create table consensus_event (
  id bigserial primary key,
  document_id uuid not null,
  kind text not null,
  at timestamptz not null default now(),
  constraint consensus_event_document_fk foreign key (document_id) references consensus_document (id) on delete cascade
);
create index consensus_event_document_idx on consensus_event (document_id, id);

-- The commitments the essay on the OSCE and migration cites, with titles and years as it gives them.
insert into consensus_commitment (symbol, title, year, place) values
  (null, 'Final Act of the Conference on Security and Co-operation in Europe', 1975, 'Helsinki'),
  ('MC.DEC/4/03', 'Tolerance and Non-discrimination', 2003, 'Maastricht'),
  ('MC.DEC/2/05', 'Migration', 2005, 'Ljubljana'),
  ('MC.DOC/2/05', 'Border Security and Management Concept', 2005, 'Ljubljana'),
  (null, 'Ministerial Statement on Migration', 2006, 'Brussels'),
  ('MC.DEC/5/09', 'Migration Management', 2009, 'Athens');
