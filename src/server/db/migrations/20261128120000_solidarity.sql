-- Solidarity and relocation: saved distribution keys with their versions, and the ledger of
-- pledges and relocations with every revision kept.

create table solidarity_key (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  description text not null default '',
  based_on text,
  current_version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  constraint solidarity_key_name_ck check (length(trim(name)) between 1 and 200),
  constraint solidarity_key_current_version_ck check (current_version >= 1),
  constraint solidarity_key_created_by_fk foreign key (created_by) references app_user (id) on delete set null
);
create index solidarity_key_created_by_idx on solidarity_key (created_by);

-- A version is never changed: a change to a key is a new version.
create table solidarity_key_version (
  id uuid primary key default gen_random_uuid(),
  key_id uuid not null,
  version integer not null,
  definition jsonb not null,
  total bigint not null,
  state_count integer not null,
  note text not null default '',
  created_at timestamptz not null default now(),
  created_by uuid,
  constraint solidarity_key_version_key_fk foreign key (key_id) references solidarity_key (id) on delete cascade,
  constraint solidarity_key_version_created_by_fk foreign key (created_by) references app_user (id) on delete set null,
  constraint solidarity_key_version_uq unique (key_id, version),
  constraint solidarity_key_version_version_ck check (version >= 1),
  constraint solidarity_key_version_total_ck check (total >= 0),
  constraint solidarity_key_version_state_count_ck check (state_count >= 1),
  constraint solidarity_key_version_definition_ck check (jsonb_typeof(definition) = 'object')
);
create index solidarity_key_version_created_by_idx on solidarity_key_version (created_by);

create table solidarity_pledge (
  id uuid primary key default gen_random_uuid(),
  country_iso2 char(2) not null,
  type text not null,
  quantity numeric(16, 2) not null,
  currency char(3),
  beneficiary_iso2 char(2),
  description text not null default '',
  pledged_on date not null,
  due_on date,
  status text not null default 'announced',
  revision integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  constraint solidarity_pledge_country_fk foreign key (country_iso2) references country (iso2) on delete restrict,
  constraint solidarity_pledge_beneficiary_fk foreign key (beneficiary_iso2) references country (iso2) on delete restrict,
  constraint solidarity_pledge_created_by_fk foreign key (created_by) references app_user (id) on delete set null,
  constraint solidarity_pledge_updated_by_fk foreign key (updated_by) references app_user (id) on delete set null,
  constraint solidarity_pledge_type_ck check (type in ('relocation_places', 'resettlement_places', 'money', 'experts', 'in_kind')),
  constraint solidarity_pledge_status_ck check (status in ('announced', 'confirmed', 'fulfilled', 'withdrawn')),
  constraint solidarity_pledge_quantity_ck check (quantity >= 0),
  constraint solidarity_pledge_whole_ck check (type in ('money', 'in_kind') or quantity = trunc(quantity)),
  constraint solidarity_pledge_currency_ck check ((type = 'money') = (currency is not null) and (currency is null or currency ~ '^[A-Z]{3}$')),
  constraint solidarity_pledge_beneficiary_ck check (beneficiary_iso2 is null or beneficiary_iso2 <> country_iso2),
  constraint solidarity_pledge_due_ck check (due_on is null or due_on >= pledged_on),
  constraint solidarity_pledge_revision_ck check (revision >= 1),
  -- Lets a relocation name its pledge and State together, so that it can only count against its own State's pledge.
  constraint solidarity_pledge_id_country_uq unique (id, country_iso2)
);
create index solidarity_pledge_country_idx on solidarity_pledge (country_iso2);
create index solidarity_pledge_beneficiary_idx on solidarity_pledge (beneficiary_iso2);
create index solidarity_pledge_created_by_idx on solidarity_pledge (created_by);
create index solidarity_pledge_updated_by_idx on solidarity_pledge (updated_by);

create table solidarity_relocation (
  id uuid primary key default gen_random_uuid(),
  country_iso2 char(2) not null,
  from_iso2 char(2) not null,
  period date not null,
  persons integer not null,
  pledge_id uuid,
  note text not null default '',
  revision integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  constraint solidarity_relocation_country_fk foreign key (country_iso2) references country (iso2) on delete restrict,
  constraint solidarity_relocation_from_fk foreign key (from_iso2) references country (iso2) on delete restrict,
  constraint solidarity_relocation_pledge_fk foreign key (pledge_id, country_iso2)
    references solidarity_pledge (id, country_iso2) on delete restrict,
  constraint solidarity_relocation_created_by_fk foreign key (created_by) references app_user (id) on delete set null,
  constraint solidarity_relocation_updated_by_fk foreign key (updated_by) references app_user (id) on delete set null,
  constraint solidarity_relocation_persons_ck check (persons >= 0),
  constraint solidarity_relocation_period_ck check (extract(day from period) = 1),
  constraint solidarity_relocation_from_ck check (from_iso2 <> country_iso2),
  constraint solidarity_relocation_revision_ck check (revision >= 1)
);
create index solidarity_relocation_country_idx on solidarity_relocation (country_iso2, period);
create index solidarity_relocation_from_idx on solidarity_relocation (from_iso2);
create index solidarity_relocation_pledge_idx on solidarity_relocation (pledge_id, country_iso2);
create index solidarity_relocation_created_by_idx on solidarity_relocation (created_by);
create index solidarity_relocation_updated_by_idx on solidarity_relocation (updated_by);

create table solidarity_pledge_revision (
  id bigint generated always as identity primary key,
  entry_id uuid not null,
  revision integer not null,
  action text not null,
  changed_at timestamptz not null default clock_timestamp(),
  changed_by uuid,
  snapshot jsonb not null,
  constraint solidarity_pledge_revision_entry_fk foreign key (entry_id) references solidarity_pledge (id) on delete restrict,
  constraint solidarity_pledge_revision_changed_by_fk foreign key (changed_by) references app_user (id) on delete restrict,
  constraint solidarity_pledge_revision_uq unique (entry_id, revision),
  constraint solidarity_pledge_revision_action_ck check (action in ('create', 'update'))
);
create index solidarity_pledge_revision_changed_by_idx on solidarity_pledge_revision (changed_by);

create table solidarity_relocation_revision (
  id bigint generated always as identity primary key,
  entry_id uuid not null,
  revision integer not null,
  action text not null,
  changed_at timestamptz not null default clock_timestamp(),
  changed_by uuid,
  snapshot jsonb not null,
  constraint solidarity_relocation_revision_entry_fk foreign key (entry_id) references solidarity_relocation (id) on delete restrict,
  constraint solidarity_relocation_revision_changed_by_fk foreign key (changed_by) references app_user (id) on delete restrict,
  constraint solidarity_relocation_revision_uq unique (entry_id, revision),
  constraint solidarity_relocation_revision_action_ck check (action in ('create', 'update'))
);
create index solidarity_relocation_revision_changed_by_idx on solidarity_relocation_revision (changed_by);

-- The ledger's history is append-only, whatever the application does.
create function solidarity_revision_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'the solidarity ledger history is append-only' using errcode = '42501';
end;
$$;
create trigger solidarity_pledge_revision_append_only before update or delete on solidarity_pledge_revision
  for each row execute function solidarity_revision_refuse_change();
create trigger solidarity_relocation_revision_append_only before update or delete on solidarity_relocation_revision
  for each row execute function solidarity_revision_refuse_change();
