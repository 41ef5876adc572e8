-- Early warning: the indicator catalogue, observations with their provenance and history, rules
-- and the alerts they fire.

create table warning_indicator (
  id smallint generated always as identity primary key,
  code text not null,
  name_en text not null,
  name_fr text not null,
  name_de text not null,
  name_it text not null,
  name_ru text not null,
  name_es text not null,
  unit text not null,
  source text not null,
  frequency text not null,
  direction text not null,
  description text not null default '',
  constraint warning_indicator_code_uq unique (code),
  constraint warning_indicator_code_ck check (code ~ '^[a-z][a-z0-9_]{1,62}$'),
  constraint warning_indicator_frequency_ck check (frequency in ('month', 'quarter', 'year')),
  constraint warning_indicator_direction_ck check (direction in ('higher_is_worse', 'higher_is_better'))
);

-- One import of one file (or one demonstration data set): the provenance of every value.
create table warning_import_batch (
  id bigint generated always as identity primary key,
  source text not null,
  format text not null,
  file_name text not null default '',
  file_sha256 text not null,
  row_count integer not null,
  inserted integer not null,
  updated integer not null,
  unchanged integer not null,
  skipped integer not null,
  created_at timestamptz not null default now(),
  created_by uuid,
  constraint warning_import_batch_format_ck check (format in ('unhcr_population', 'unhcr_applications', 'sea_arrivals_year', 'sea_arrivals_month', 'hxl', 'mapping', 'feed')),
  constraint warning_import_batch_counts_ck check (row_count >= 0 and inserted >= 0 and updated >= 0 and unchanged >= 0 and skipped >= 0),
  constraint warning_import_batch_created_by_fk foreign key (created_by) references app_user (id) on delete set null
);
create index warning_import_batch_created_by_idx on warning_import_batch (created_by);

-- The large table (tens of millions of rows): narrow columns, a small-integer indicator id, one
-- value per indicator, country and period (the first day of the month, quarter or year). Its
-- primary key leads with the indicator, so a rule's scan is one index range; the country is in it
-- too, which makes country_iso2 a valid distribution column on Citus (see docs/deploying.md).
create table warning_observation (
  indicator_id smallint not null,
  country_iso2 char(2) not null,
  period date not null,
  value double precision not null,
  batch_id bigint not null,
  constraint warning_observation_pk primary key (indicator_id, country_iso2, period),
  constraint warning_observation_indicator_fk foreign key (indicator_id) references warning_indicator (id),
  constraint warning_observation_country_fk foreign key (country_iso2) references country (iso2),
  constraint warning_observation_batch_fk foreign key (batch_id) references warning_import_batch (id),
  constraint warning_observation_value_ck check (value not in ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8)),
  constraint warning_observation_period_ck check (extract(day from period) = 1)
);
create index warning_observation_country_idx on warning_observation (country_iso2);
create index warning_observation_batch_idx on warning_observation (batch_id);

-- A corrected value is never lost: the value it replaced, which import brought it and which replaced it.
create table warning_observation_revision (
  id bigint generated always as identity primary key,
  indicator_id smallint not null,
  country_iso2 char(2) not null,
  period date not null,
  value double precision not null,
  batch_id bigint not null,
  replaced_by_batch_id bigint not null,
  replaced_at timestamptz not null default now(),
  constraint warning_observation_revision_indicator_fk foreign key (indicator_id) references warning_indicator (id),
  constraint warning_observation_revision_batch_fk foreign key (batch_id) references warning_import_batch (id),
  constraint warning_observation_revision_replaced_fk foreign key (replaced_by_batch_id) references warning_import_batch (id)
);
create index warning_observation_revision_value_idx on warning_observation_revision (indicator_id, country_iso2, period);
create index warning_observation_revision_batch_idx on warning_observation_revision (batch_id);
create index warning_observation_revision_replaced_idx on warning_observation_revision (replaced_by_batch_id);

create table warning_rule (
  id uuid primary key default gen_random_uuid(),
  indicator_id smallint not null,
  country_iso2 char(2),
  kind text not null,
  threshold double precision not null,
  window_periods integer,
  level text not null,
  name text not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  constraint warning_rule_indicator_fk foreign key (indicator_id) references warning_indicator (id),
  constraint warning_rule_country_fk foreign key (country_iso2) references country (iso2),
  constraint warning_rule_created_by_fk foreign key (created_by) references app_user (id) on delete set null,
  constraint warning_rule_kind_ck check (kind in ('threshold', 'change_previous', 'change_year', 'zscore')),
  constraint warning_rule_level_ck check (level in ('yellow', 'orange', 'red')),
  constraint warning_rule_window_ck check ((kind = 'zscore') = (window_periods is not null) and (window_periods is null or window_periods between 3 and 120)),
  constraint warning_rule_name_ck check (length(trim(name)) between 1 and 200),
  constraint warning_rule_threshold_ck check (threshold <> 'NaN'::float8 and (kind <> 'zscore' or threshold > 0))
);
create index warning_rule_indicator_idx on warning_rule (indicator_id);
create index warning_rule_country_idx on warning_rule (country_iso2);
create index warning_rule_created_by_idx on warning_rule (created_by);

-- An alert fires once per rule, country and period, whatever is re-imported.
create table warning_alert (
  id uuid primary key default gen_random_uuid(),
  rule_id uuid not null,
  country_iso2 char(2) not null,
  period date not null,
  value double precision not null,
  reference_value double precision,
  measure double precision not null,
  threshold double precision not null,
  level text not null,
  batch_id bigint,
  fired_at timestamptz not null default now(),
  status text not null default 'open',
  note text not null default '',
  decided_by uuid,
  decided_at timestamptz,
  constraint warning_alert_condition_uq unique (rule_id, country_iso2, period),
  constraint warning_alert_rule_fk foreign key (rule_id) references warning_rule (id) on delete cascade,
  constraint warning_alert_country_fk foreign key (country_iso2) references country (iso2),
  constraint warning_alert_batch_fk foreign key (batch_id) references warning_import_batch (id),
  constraint warning_alert_decided_by_fk foreign key (decided_by) references app_user (id) on delete set null,
  constraint warning_alert_status_ck check (status in ('open', 'acknowledged', 'dismissed')),
  constraint warning_alert_decision_ck check ((status = 'open') = (decided_at is null)),
  constraint warning_alert_level_ck check (level in ('yellow', 'orange', 'red'))
);
create index warning_alert_country_idx on warning_alert (country_iso2, period);
create index warning_alert_batch_idx on warning_alert (batch_id);
create index warning_alert_decided_by_idx on warning_alert (decided_by);
create index warning_alert_open_idx on warning_alert (fired_at) where status = 'open';

insert into warning_indicator (code, name_en, name_fr, name_de, name_it, name_ru, name_es, unit, source, frequency, direction, description) values
  ('refugees_hosted', 'Refugees hosted', 'Réfugiés accueillis', 'Aufgenommene Flüchtlinge', 'Rifugiati accolti', 'Принятые беженцы', 'Refugiados acogidos', 'persons', 'UNHCR Refugee Data Finder', 'year', 'higher_is_worse', 'Refugees under UNHCR''s mandate and people in refugee-like situations in the country of asylum at the end of the year.'),
  ('asylum_seekers', 'Asylum seekers', 'Demandeurs d''asile', 'Asylsuchende', 'Richiedenti asilo', 'Лица, ищущие убежища', 'Solicitantes de asilo', 'persons', 'UNHCR Refugee Data Finder', 'year', 'higher_is_worse', 'People whose asylum application had not been decided at the end of the year.'),
  ('new_asylum_applications', 'New asylum applications', 'Nouvelles demandes d''asile', 'Neue Asylanträge', 'Nuove domande d''asilo', 'Новые ходатайства об убежище', 'Nuevas solicitudes de asilo', 'applications', 'UNHCR Refugee Data Finder', 'year', 'higher_is_worse', 'Asylum applications lodged during the year.'),
  ('sea_arrivals', 'Sea arrivals', 'Arrivées par la mer', 'Ankünfte über das Meer', 'Arrivi via mare', 'Прибытия по морю', 'Llegadas por mar', 'persons', 'UNHCR Operational Data Portal', 'year', 'higher_is_worse', 'Refugees and migrants arriving by sea across the Mediterranean during the year.'),
  ('sea_arrivals_monthly', 'Sea and land arrivals per month', 'Arrivées par mois', 'Ankünfte pro Monat', 'Arrivi mensili', 'Прибытия за месяц', 'Llegadas por mes', 'persons', 'UNHCR Operational Data Portal', 'month', 'higher_is_worse', 'Refugees and migrants arriving in the month (sea arrivals, with land arrivals where UNHCR counts them).'),
  ('refugees_per_1000', 'Refugees per 1,000 inhabitants', 'Réfugiés pour 1 000 habitants', 'Flüchtlinge je 1.000 Einwohner', 'Rifugiati ogni 1.000 abitanti', 'Беженцев на 1000 жителей', 'Refugiados por cada 1.000 habitantes', 'per 1,000 inhabitants', 'UNHCR Refugee Data Finder; national population', 'year', 'higher_is_worse', 'Refugees hosted divided by the resident population, times 1,000.'),
  ('hate_incidents_verified', 'Hate incidents verified', 'Incidents de haine vérifiés', 'Verifizierte Hassvorfälle', 'Episodi d''odio verificati', 'Подтверждённые инциденты на почве ненависти', 'Incidentes de odio verificados', 'incidents', 'Crossroads hate-incident reports', 'year', 'higher_is_worse', 'Hate incidents against migrants and refugees verified by incident reviewers during the year.'),
  ('mission_alert_level', 'Latest mission alert level', 'Dernier niveau d''alerte de mission', 'Letzte Warnstufe einer Mission', 'Ultimo livello di allerta di missione', 'Последний уровень тревоги миссии', 'Último nivel de alerta de misión', '0 green, 1 yellow, 2 orange, 3 red', 'Crossroads mission reports', 'month', 'higher_is_worse', 'The early-warning level of the latest adopted mission report on the country.');
