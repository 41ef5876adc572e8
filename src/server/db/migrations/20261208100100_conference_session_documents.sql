-- Documents attached to a session of the agenda, checked by the library's reader before they are
-- stored. Each is open to the public (with its event), to the participants, or to the organisers.
create table conference_session_document (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null,
  title text not null,
  visibility text not null,
  file_name text not null,
  media_type text not null,
  byte_size integer not null,
  sha256 bytea not null,
  content bytea not null,
  uploaded_by uuid,
  created_at timestamptz not null default now(),
  constraint conference_session_document_session_fk foreign key (session_id) references conference_session (id) on delete cascade,
  constraint conference_session_document_uploader_fk foreign key (uploaded_by) references app_user (id) on delete set null,
  constraint conference_session_document_visibility_ck check (visibility in ('public', 'participants', 'organisers')),
  constraint conference_session_document_title_ck check (length(trim(title)) > 0)
);
create index conference_session_document_session_idx on conference_session_document (session_id, created_at);
create index conference_session_document_uploader_idx on conference_session_document (uploaded_by);
