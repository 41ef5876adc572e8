-- Asylum applications by application type and by what is counted, origin figures, and what an
-- import did to its source.
--
-- Until now the UNHCR asylum-applications import summed every application type (new, repeat,
-- appeal, judicial review, …) and persons with cases into `new_asylum_applications`. Those values
-- are moved, with their history, to an indicator that says what they count; the next import of
-- the UNHCR table (`crossroads import indicators FILE`, or `--demo` for the shipped extract) fills
-- `new_asylum_applications` with new applications alone (UNHCR app_type N, persons).

alter table warning_import_batch add column method text not null default '';
comment on column warning_import_batch.method is
  'What the import did to the source: the rows and columns it summed, kept apart, dropped or skipped.';

insert into warning_indicator (code, name_en, name_fr, name_de, name_it, name_ru, name_es, unit, source, frequency, direction, description) values
  ('repeat_asylum_applications', 'Repeat asylum applications', 'Demandes d''asile réitérées', 'Asylfolgeanträge', 'Domande d''asilo reiterate', 'Повторные ходатайства об убежище', 'Solicitudes de asilo reiteradas', 'persons', 'UNHCR Refugee Data Finder', 'year', 'higher_is_worse', 'Repeat or reopened asylum applications (UNHCR app_type R) lodged during the year, counted in persons.'),
  ('appeal_asylum_applications', 'Asylum appeals and judicial reviews', 'Recours et contrôles juridictionnels en matière d''asile', 'Asyl-Rechtsbehelfe und gerichtliche Überprüfungen', 'Ricorsi e riesami giudiziari in materia d''asilo', 'Обжалования и судебные пересмотры по делам об убежище', 'Recursos y revisiones judiciales de asilo', 'persons', 'UNHCR Refugee Data Finder', 'year', 'higher_is_worse', 'Appeals and administrative reviews (UNHCR app_type A) and judicial reviews (J) lodged during the year, counted in persons.'),
  ('other_asylum_applications', 'Asylum applications of other or mixed types', 'Demandes d''asile d''autres types ou de types mêlés', 'Asylanträge anderer oder gemischter Art', 'Domande d''asilo di altri tipi o di tipi misti', 'Ходатайства об убежище иных или смешанных видов', 'Solicitudes de asilo de otros tipos o mixtas', 'persons', 'UNHCR Refugee Data Finder', 'year', 'higher_is_worse', 'Applications that UNHCR does not give as new, repeat, appeal or judicial (app_type V various, NR new and repeat, NA new and appeal, RA, FA, SP), counted in persons.'),
  ('new_asylum_applications_cases', 'New asylum applications (cases)', 'Nouvelles demandes d''asile (dossiers)', 'Neue Asylanträge (Fälle)', 'Nuove domande d''asilo (casi)', 'Новые ходатайства об убежище (дела)', 'Nuevas solicitudes de asilo (casos)', 'cases', 'UNHCR Refugee Data Finder', 'year', 'higher_is_worse', 'New asylum applications (app_type N) where the country reports cases, not persons (e.g. the United States): a case may hold several persons.'),
  ('repeat_asylum_applications_cases', 'Repeat asylum applications (cases)', 'Demandes d''asile réitérées (dossiers)', 'Asylfolgeanträge (Fälle)', 'Domande d''asilo reiterate (casi)', 'Повторные ходатайства об убежище (дела)', 'Solicitudes de asilo reiteradas (casos)', 'cases', 'UNHCR Refugee Data Finder', 'year', 'higher_is_worse', 'Repeat asylum applications (app_type R) counted in cases: a case may hold several persons.'),
  ('appeal_asylum_applications_cases', 'Asylum appeals and judicial reviews (cases)', 'Recours et contrôles juridictionnels en matière d''asile (dossiers)', 'Asyl-Rechtsbehelfe und gerichtliche Überprüfungen (Fälle)', 'Ricorsi e riesami giudiziari in materia d''asilo (casi)', 'Обжалования и судебные пересмотры по делам об убежище (дела)', 'Recursos y revisiones judiciales de asilo (casos)', 'cases', 'UNHCR Refugee Data Finder', 'year', 'higher_is_worse', 'Appeals (app_type A) and judicial reviews (J) counted in cases: a case may hold several persons.'),
  ('other_asylum_applications_cases', 'Asylum applications of other or mixed types (cases)', 'Demandes d''asile d''autres types ou de types mêlés (dossiers)', 'Asylanträge anderer oder gemischter Art (Fälle)', 'Domande d''asilo di altri tipi o di tipi misti (casi)', 'Ходатайства об убежище иных или смешанных видов (дела)', 'Solicitudes de asilo de otros tipos o mixtas (casos)', 'cases', 'UNHCR Refugee Data Finder', 'year', 'higher_is_worse', 'Applications of other or mixed types counted in cases: a case may hold several persons.'),
  ('refugees_by_origin', 'Refugees from the country', 'Réfugiés originaires du pays', 'Flüchtlinge aus dem Land', 'Rifugiati originari del paese', 'Беженцы из страны', 'Refugiados procedentes del país', 'persons', 'UNHCR Refugee Data Finder', 'year', 'higher_is_worse', 'Refugees and people in refugee-like situations originating from the country, in every country of asylum, at the end of the year.'),
  ('asylum_seekers_by_origin', 'Asylum seekers from the country', 'Demandeurs d''asile originaires du pays', 'Asylsuchende aus dem Land', 'Richiedenti asilo originari del paese', 'Лица из страны, ищущие убежища', 'Solicitantes de asilo procedentes del país', 'persons', 'UNHCR Refugee Data Finder', 'year', 'higher_is_worse', 'Asylum seekers from the country, in every country of asylum, whose application had not been decided at the end of the year.'),
  ('asylum_applications_all_types', 'Asylum applications, all types summed (superseded)', 'Demandes d''asile, tous types additionnés (remplacé)', 'Asylanträge, alle Arten zusammengezählt (ersetzt)', 'Domande d''asilo, tutti i tipi sommati (sostituito)', 'Ходатайства об убежище, все виды вместе (заменено)', 'Solicitudes de asilo, todos los tipos sumados (sustituido)', 'applications (persons and cases mixed)', 'UNHCR Refugee Data Finder', 'year', 'higher_is_worse', 'What earlier imports of the UNHCR asylum-applications table recorded as new asylum applications: every application type (new, repeat, appeal, judicial review, …) and persons and cases summed together. Kept for the record; use the indicators by application type.');

update warning_indicator
set unit = 'persons',
    description = 'New asylum applications (UNHCR app_type N) lodged during the year, counted in persons; repeat applications, appeals and countries that count cases are in their own indicators.'
where code = 'new_asylum_applications';

-- The values the old import summed, and the earlier values they replaced, go to the indicator that
-- says what they count; the batches say what was done.
update warning_observation o
set indicator_id = (select id from warning_indicator where code = 'asylum_applications_all_types')
from warning_import_batch b
where b.id = o.batch_id and b.format = 'unhcr_applications'
  and o.indicator_id = (select id from warning_indicator where code = 'new_asylum_applications');

update warning_observation_revision r
set indicator_id = (select id from warning_indicator where code = 'asylum_applications_all_types')
from warning_import_batch b
where b.id = r.batch_id and b.format = 'unhcr_applications'
  and r.indicator_id = (select id from warning_indicator where code = 'new_asylum_applications');

update warning_import_batch
set method = 'Summed every row to country of asylum and year: all countries of origin, procedure types, decision levels and application types (new, repeat, appeal, judicial review, …), persons and cases together. Its values were recorded as new asylum applications and have been moved to asylum_applications_all_types; import the table again for the figures by application type.'
where format = 'unhcr_applications';

update warning_import_batch
set method = 'Summed over countries of origin to country of asylum and year (refugees, asylum_seekers); the other columns were not imported; rows with an unknown country of asylum were skipped.'
where format = 'unhcr_population';
