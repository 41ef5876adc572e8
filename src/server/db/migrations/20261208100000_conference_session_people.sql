-- The moderators and speakers of a session are people: a contact of the directory, an expert of
-- the roster, or a guest whose name and affiliation the organiser types. A contact or an expert
-- is named to the public by the rules of the directory and the roster, or when the organiser
-- announces them publicly for that session. The free-text speakers become guests, in their order.
create table conference_session_person (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null,
  role text not null,
  position smallint not null,
  contact_id uuid,
  expert_id uuid,
  guest_name text,
  guest_affiliation text not null default '',
  announced boolean not null default false,
  constraint conference_session_person_session_fk foreign key (session_id) references conference_session (id) on delete cascade,
  constraint conference_session_person_contact_fk foreign key (contact_id) references directory_contact (id) on delete cascade,
  constraint conference_session_person_expert_fk foreign key (expert_id) references expert (id) on delete cascade,
  constraint conference_session_person_role_ck check (role in ('moderator', 'speaker')),
  constraint conference_session_person_one_ck check (num_nonnulls(contact_id, expert_id, guest_name) = 1),
  constraint conference_session_person_guest_ck check (guest_name is null or length(trim(guest_name)) > 0),
  constraint conference_session_person_position_uq unique (session_id, role, position)
);
create index conference_session_person_contact_idx on conference_session_person (contact_id);
create index conference_session_person_expert_idx on conference_session_person (expert_id);

insert into conference_session_person (session_id, role, position, guest_name)
select id, 'speaker', row_number() over (partition by id order by n), name
from (
  select s.id, t.n, trim(t.name) as name
  from conference_session s
  cross join lateral unnest(s.speakers) with ordinality as t(name, n)
) as written
where length(name) > 0;

alter table conference_session drop column speakers;
