-- Missions in co-ordination with partners, the drivers of displacement, and each country's role
-- in the flows.

-- The organisations a mission works with, from the directory, and what each does with the team.
create table mission_partner (
  mission_id uuid not null,
  organisation_id uuid not null,
  role text not null,
  note text not null default '',
  created_at timestamptz not null default now(),
  constraint mission_partner_pk primary key (mission_id, organisation_id),
  constraint mission_partner_mission_fk foreign key (mission_id) references mission (id) on delete cascade,
  constraint mission_partner_organisation_fk foreign key (organisation_id) references organisation (id) on delete restrict,
  constraint mission_partner_role_ck check (role in ('joint_visit', 'briefing', 'data')),
  constraint mission_partner_note_ck check (length(note) <= 500)
);
create index mission_partner_organisation_idx on mission_partner (organisation_id);

-- Whom the team met: a directory contact, or a person typed in (name, function, organisation).
create table mission_report_person_met (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null,
  position integer not null,
  contact_id uuid,
  name text not null,
  function text not null default '',
  organisation_name text not null default '',
  constraint mission_report_person_met_report_fk foreign key (report_id) references mission_report (id) on delete cascade,
  constraint mission_report_person_met_contact_fk foreign key (contact_id) references directory_contact (id) on delete set null,
  constraint mission_report_person_met_name_ck check (length(trim(name)) between 1 and 200),
  constraint mission_report_person_met_position_uq unique (report_id, position)
);
create index mission_report_person_met_contact_idx on mission_report_person_met (contact_id);

-- Why people move: a classification of the drivers of displacement, in two levels.
create table displacement_driver (
  code text primary key,
  parent_code text,
  position integer not null,
  name_en text not null,
  name_fr text not null,
  name_de text not null,
  name_it text not null,
  name_ru text not null,
  name_es text not null,
  constraint displacement_driver_parent_fk foreign key (parent_code) references displacement_driver (code) on delete restrict
);
create index displacement_driver_parent_idx on displacement_driver (parent_code);

insert into displacement_driver (code, parent_code, position, name_en, name_fr, name_de, name_it, name_ru, name_es) values
  ('conflict', null, 1, 'War and armed conflict', 'Guerre et conflit armé', 'Krieg und bewaffneter Konflikt', 'Guerra e conflitto armato', 'Война и вооружённый конфликт', 'Guerra y conflicto armado'),
  ('persecution', null, 2, 'Persecution', 'Persécution', 'Verfolgung', 'Persecuzione', 'Преследование', 'Persecución'),
  ('economic', null, 3, 'Economic challenges', 'Difficultés économiques', 'Wirtschaftliche Not', 'Difficoltà economiche', 'Экономические трудности', 'Dificultades económicas'),
  ('environmental', null, 4, 'Environmental factors and climate', 'Facteurs environnementaux et climat', 'Umweltfaktoren und Klima', 'Fattori ambientali e clima', 'Экологические факторы и климат', 'Factores ambientales y clima'),
  ('conflict_violence', 'conflict', 5, 'Generalised violence', 'Violence généralisée', 'Allgemeine Gewalt', 'Violenza generalizzata', 'Повсеместное насилие', 'Violencia generalizada'),
  ('conflict_destruction', 'conflict', 6, 'Destruction of homes and services', 'Destruction des logements et des services', 'Zerstörung von Wohnungen und Versorgung', 'Distruzione di abitazioni e servizi', 'Разрушение жилья и инфраструктуры', 'Destrucción de viviendas y servicios'),
  ('persecution_political', 'persecution', 7, 'Political persecution', 'Persécution politique', 'Politische Verfolgung', 'Persecuzione politica', 'Политическое преследование', 'Persecución política'),
  ('persecution_identity', 'persecution', 8, 'Ethnic or religious persecution', 'Persécution ethnique ou religieuse', 'Ethnische oder religiöse Verfolgung', 'Persecuzione etnica o religiosa', 'Этническое или религиозное преследование', 'Persecución étnica o religiosa'),
  ('persecution_gender', 'persecution', 9, 'Gender-based persecution', 'Persécution fondée sur le genre', 'Geschlechtsspezifische Verfolgung', 'Persecuzione di genere', 'Преследование по признаку пола', 'Persecución por motivos de género'),
  ('economic_poverty', 'economic', 10, 'Poverty and unemployment', 'Pauvreté et chômage', 'Armut und Arbeitslosigkeit', 'Povertà e disoccupazione', 'Бедность и безработица', 'Pobreza y desempleo'),
  ('economic_food', 'economic', 11, 'Food insecurity', 'Insécurité alimentaire', 'Ernährungsunsicherheit', 'Insicurezza alimentare', 'Отсутствие продовольственной безопасности', 'Inseguridad alimentaria'),
  ('environmental_disaster', 'environmental', 12, 'Sudden disasters (floods, storms, earthquakes)', 'Catastrophes soudaines (inondations, tempêtes, séismes)', 'Plötzliche Katastrophen (Fluten, Stürme, Erdbeben)', 'Disastri improvvisi (alluvioni, tempeste, terremoti)', 'Внезапные бедствия (наводнения, бури, землетрясения)', 'Desastres repentinos (inundaciones, tormentas, terremotos)'),
  ('environmental_slow_onset', 'environmental', 13, 'Slow-onset climate change (drought, desertification)', 'Changement climatique lent (sécheresse, désertification)', 'Schleichender Klimawandel (Dürre, Wüstenbildung)', 'Cambiamento climatico lento (siccità, desertificazione)', 'Медленные изменения климата (засуха, опустынивание)', 'Cambio climático de evolución lenta (sequía, desertificación)');

-- The drivers a mission report and an early-warning alert name (many to many).
create table mission_report_driver (
  report_id uuid not null,
  driver_code text not null,
  constraint mission_report_driver_pk primary key (report_id, driver_code),
  constraint mission_report_driver_report_fk foreign key (report_id) references mission_report (id) on delete cascade,
  constraint mission_report_driver_driver_fk foreign key (driver_code) references displacement_driver (code) on delete restrict
);
create index mission_report_driver_driver_idx on mission_report_driver (driver_code);

create table warning_alert_driver (
  alert_id uuid not null,
  driver_code text not null,
  constraint warning_alert_driver_pk primary key (alert_id, driver_code),
  constraint warning_alert_driver_alert_fk foreign key (alert_id) references warning_alert (id) on delete cascade,
  constraint warning_alert_driver_driver_fk foreign key (driver_code) references displacement_driver (code) on delete restrict
);
create index warning_alert_driver_driver_idx on warning_alert_driver (driver_code);

-- Each country's role in the flows, year by year, from the imported UNHCR figures. A view, so
-- that it is current as soon as an import commits. Origin: at least 5,000 refugees originating
-- from the country at the end of the year; destination: at least 5,000 refugees hosted; transit:
-- at least 1,000 sea arrivals. The data has no onward movements, so "transit" is approximated by
-- arrivals through the country's shores (Mediterranean sea arrivals), whether people stayed or not.
create view country_flow_role as
with figures as (
  select o.country_iso2, extract(year from o.period)::int as year,
    max(o.value) filter (where i.code = 'refugees_by_origin') as refugees_from,
    max(o.value) filter (where i.code = 'refugees_hosted') as refugees_hosted,
    max(o.value) filter (where i.code = 'sea_arrivals') as arrivals
  from warning_observation o
  join warning_indicator i on i.id = o.indicator_id
  where i.code in ('refugees_by_origin', 'refugees_hosted', 'sea_arrivals')
  group by o.country_iso2, extract(year from o.period)
)
select country_iso2, year, refugees_from, refugees_hosted, arrivals,
  coalesce(refugees_from, 0) >= 5000 as origin,
  coalesce(refugees_hosted, 0) >= 5000 as destination,
  coalesce(arrivals, 0) >= 1000 as transit
from figures;
