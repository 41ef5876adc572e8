-- Individual people on an event's invitation list, beside its country groups and organisations:
-- a person with an account on the platform, or a contact of the directory. Each row is one of
-- the two. The rows are the list as last sent: sending the list replaces them.

create table conference_invited_person (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null,
  user_id uuid,
  contact_id uuid,
  created_at timestamptz not null default clock_timestamp(),
  created_by uuid,
  constraint conference_invited_person_event_fk foreign key (event_id) references conference_event (id) on delete cascade,
  constraint conference_invited_person_user_fk foreign key (user_id) references app_user (id) on delete cascade,
  constraint conference_invited_person_contact_fk foreign key (contact_id) references directory_contact (id) on delete cascade,
  constraint conference_invited_person_created_by_fk foreign key (created_by) references app_user (id) on delete set null,
  constraint conference_invited_person_one_ck check ((user_id is null) <> (contact_id is null)),
  constraint conference_invited_person_user_uq unique (event_id, user_id),
  constraint conference_invited_person_contact_uq unique (event_id, contact_id)
);
create index conference_invited_person_user_idx on conference_invited_person (user_id);
create index conference_invited_person_contact_idx on conference_invited_person (contact_id);
create index conference_invited_person_created_by_idx on conference_invited_person (created_by);
