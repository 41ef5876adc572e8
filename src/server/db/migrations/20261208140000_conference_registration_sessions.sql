-- The sessions a participant chooses to attend, by their ticket: their own calendar then holds
-- those sessions (and all of them while none is chosen). A session removed from the agenda leaves
-- the choices with it.

create table conference_registration_session (
  registration_id uuid not null,
  session_id uuid not null,
  constraint conference_registration_session_pk primary key (registration_id, session_id),
  constraint conference_registration_session_registration_fk foreign key (registration_id)
    references conference_registration (id) on delete cascade,
  constraint conference_registration_session_session_fk foreign key (session_id)
    references conference_session (id) on delete cascade
);
create index conference_registration_session_session_idx on conference_registration_session (session_id);
