-- The border focal-point network and its good-practice library.
--
-- A State's delegation nominates national focal points; the co-ordinator confirms them. A
-- confirmed focal point is a member of the network until the membership expires, unless renewed.
-- The library's files are kept in the database (bytea), so that a backup and its restore carry
-- them with everything else. What is found by search is a document's current version's text.

create table network_focal_point (
  id uuid primary key default gen_random_uuid(),
  country_iso2 char(2) not null,
  user_id uuid not null,
  agency text not null,
  function text not null default '',
  expertise text not null default '',
  languages text[] not null default '{}',
  -- nominated: waits for the co-ordinator; confirmed: a member while expires_on is not past; withdrawn: no longer.
  status text not null default 'nominated',
  nominated_by uuid,
  nominated_at timestamptz not null default now(),
  confirmed_by uuid,
  confirmed_at timestamptz,
  expires_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint network_focal_point_country_fk foreign key (country_iso2) references country (iso2) on delete restrict,
  constraint network_focal_point_user_fk foreign key (user_id) references app_user (id) on delete cascade,
  constraint network_focal_point_nominated_by_fk foreign key (nominated_by) references app_user (id) on delete set null,
  constraint network_focal_point_confirmed_by_fk foreign key (confirmed_by) references app_user (id) on delete set null,
  constraint network_focal_point_status_ck check (status in ('nominated', 'confirmed', 'withdrawn')),
  constraint network_focal_point_confirmed_ck check (status <> 'confirmed' or (confirmed_at is not null and expires_on is not null)),
  constraint network_focal_point_agency_ck check (length(trim(agency)) between 1 and 300),
  constraint network_focal_point_function_ck check (length(function) <= 300),
  constraint network_focal_point_expertise_ck check (length(expertise) <= 2000),
  constraint network_focal_point_languages_ck check (cardinality(languages) <= 20)
);
-- One standing nomination or membership per person and State.
create unique index network_focal_point_person_uq on network_focal_point (country_iso2, user_id) where status <> 'withdrawn';
create index network_focal_point_user_idx on network_focal_point (user_id);
create index network_focal_point_nominated_by_idx on network_focal_point (nominated_by);
create index network_focal_point_confirmed_by_idx on network_focal_point (confirmed_by);

-- Named groups a restricted document may be opened to.
create table library_group (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  created_at timestamptz not null default now(),
  constraint library_group_name_uq unique (name),
  constraint library_group_name_ck check (length(trim(name)) between 1 and 200)
);

create table library_group_member (
  group_id uuid not null,
  user_id uuid not null,
  primary key (group_id, user_id),
  constraint library_group_member_group_fk foreign key (group_id) references library_group (id) on delete cascade,
  constraint library_group_member_user_fk foreign key (user_id) references app_user (id) on delete cascade
);
create index library_group_member_user_idx on library_group_member (user_id);

create table library_document (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  summary text not null default '',
  doc_type text not null,
  country_iso2 char(2),
  key_areas text[] not null default '{}',
  language text not null,
  issued_on date,
  source_organisation text not null default '',
  licence text not null default '',
  -- public; network: members of the network and OSCE staff; staff: OSCE staff; groups: the named groups.
  access text not null default 'network',
  current_version integer not null default 1,
  -- The current version's text, as searched (kept short enough for the text index).
  body_text text not null default '',
  search_doc tsvector generated always as (directory_document(title,
    summary || ' ' || source_organisation || ' ' || left(body_text, 300000))) stored,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint library_document_country_fk foreign key (country_iso2) references country (iso2) on delete restrict,
  constraint library_document_language_fk foreign key (language) references language (code) on delete restrict,
  constraint library_document_created_by_fk foreign key (created_by) references app_user (id) on delete set null,
  constraint library_document_title_ck check (length(trim(title)) between 1 and 300),
  constraint library_document_summary_ck check (length(summary) <= 4000),
  constraint library_document_type_ck check (doc_type in ('law', 'sop', 'manual', 'training', 'evaluation', 'good_practice')),
  constraint library_document_access_ck check (access in ('public', 'network', 'staff', 'groups')),
  constraint library_document_source_ck check (length(source_organisation) <= 300),
  constraint library_document_licence_ck check (length(licence) <= 200),
  constraint library_document_key_areas_ck check (cardinality(key_areas) <= 5)
);
create index library_document_search_idx on library_document using gin (search_doc);
create index library_document_key_areas_idx on library_document using gin (key_areas);
create index library_document_country_idx on library_document (country_iso2);
create index library_document_language_idx on library_document (language);
create index library_document_created_by_idx on library_document (created_by);

create table library_document_group (
  document_id uuid not null,
  group_id uuid not null,
  primary key (document_id, group_id),
  constraint library_document_group_document_fk foreign key (document_id) references library_document (id) on delete cascade,
  constraint library_document_group_group_fk foreign key (group_id) references library_group (id) on delete cascade
);
create index library_document_group_group_idx on library_document_group (group_id);

create table library_version (
  document_id uuid not null,
  version integer not null,
  file_name text not null,
  media_type text not null,
  byte_size integer not null,
  sha256 bytea not null,
  content bytea not null,
  page_count integer,
  -- pending: waits for text extraction; running; done; failed (the file is kept, but not searchable).
  extraction text not null default 'pending',
  pages_done integer not null default 0,
  -- false: a PDF whose pages carry no text (a scan); null until known.
  has_text_layer boolean,
  text text not null default '',
  extraction_error text,
  claimed_until timestamptz,
  uploaded_by uuid,
  uploaded_at timestamptz not null default now(),
  primary key (document_id, version),
  constraint library_version_document_fk foreign key (document_id) references library_document (id) on delete cascade,
  constraint library_version_uploaded_by_fk foreign key (uploaded_by) references app_user (id) on delete set null,
  constraint library_version_media_type_ck check (media_type in ('application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.oasis.opendocument.text', 'text/plain')),
  constraint library_version_size_ck check (byte_size = octet_length(content)),
  constraint library_version_extraction_ck check (extraction in ('pending', 'running', 'done', 'failed')),
  constraint library_version_file_name_ck check (length(file_name) between 1 and 255)
);
create index library_version_pending_idx on library_version (uploaded_at) where extraction in ('pending', 'running');
create index library_version_uploaded_by_idx on library_version (uploaded_by);

-- Notices to the network: to every member, or to the members of one sub-region. The recipients
-- are fixed when it is posted, so the sender sees who has, and has not, acknowledged.
create table network_notice (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  body text not null,
  urgent boolean not null default false,
  subregion text,
  author_id uuid,
  created_at timestamptz not null default now(),
  constraint network_notice_author_fk foreign key (author_id) references app_user (id) on delete set null,
  constraint network_notice_title_ck check (length(trim(title)) between 1 and 300),
  constraint network_notice_body_ck check (length(trim(body)) between 1 and 8000),
  constraint network_notice_subregion_ck check (subregion is null or subregion in ('western_europe_north_america',
    'south_eastern_europe', 'eastern_europe', 'south_caucasus', 'central_asia'))
);
create index network_notice_author_idx on network_notice (author_id);
create index network_notice_created_idx on network_notice (created_at desc);

create table network_notice_recipient (
  notice_id uuid not null,
  user_id uuid not null,
  acknowledged_at timestamptz,
  primary key (notice_id, user_id),
  constraint network_notice_recipient_notice_fk foreign key (notice_id) references network_notice (id) on delete cascade,
  constraint network_notice_recipient_user_fk foreign key (user_id) references app_user (id) on delete cascade
);
create index network_notice_recipient_user_idx on network_notice_recipient (user_id);

create table network_notice_comment (
  id uuid primary key default gen_random_uuid(),
  notice_id uuid not null,
  author_id uuid,
  body text not null,
  created_at timestamptz not null default now(),
  constraint network_notice_comment_notice_fk foreign key (notice_id) references network_notice (id) on delete cascade,
  constraint network_notice_comment_author_fk foreign key (author_id) references app_user (id) on delete set null,
  constraint network_notice_comment_body_ck check (length(trim(body)) between 1 and 4000)
);
create index network_notice_comment_notice_idx on network_notice_comment (notice_id, created_at);
create index network_notice_comment_author_idx on network_notice_comment (author_id);
