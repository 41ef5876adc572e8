-- Session materials (agenda, slides, handouts) uploaded as files and kept in the database, as the
-- library keeps its documents: the file's type is found from its content on upload, hostile files
-- are refused before anything is written. Participants nominated or selected and the provider's
-- staff download them.

create table training_material (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null,
  title text not null,
  file_name text not null,
  media_type text not null,
  byte_size integer not null,
  sha256 bytea not null,
  content bytea not null,
  uploaded_by uuid,
  uploaded_at timestamptz not null default now(),
  constraint training_material_session_fk foreign key (session_id) references training_session (id) on delete cascade,
  constraint training_material_uploaded_by_fk foreign key (uploaded_by) references app_user (id) on delete set null,
  constraint training_material_title_ck check (length(trim(title)) between 1 and 300),
  constraint training_material_file_name_ck check (length(file_name) between 1 and 255),
  constraint training_material_media_type_ck check (media_type in ('application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.oasis.opendocument.text', 'text/plain')),
  constraint training_material_size_ck check (byte_size = octet_length(content))
);
create index training_material_session_idx on training_material (session_id, uploaded_at);
create index training_material_uploaded_by_idx on training_material (uploaded_by);

-- Trainers are listed in the order the provider chose them.
alter table training_trainer add column position smallint not null default 0;
