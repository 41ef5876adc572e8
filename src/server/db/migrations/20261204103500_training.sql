-- Training: a course catalogue, sessions with trainers, nominations by States, attendance per
-- day, pre- and post-tests (one attempt each), anonymous evaluations, signed certificates, and the
-- roster prerequisite or competence a completed course grants.

create table training_course (
  id uuid primary key default gen_random_uuid(),
  code text not null,
  title text not null,
  objectives text not null default '',
  provider_code text not null,
  audiences text[] not null default '{}',
  duration_hours integer not null,
  languages text[] not null default '{}',
  prerequisites text not null default '',
  key_area_code text not null,
  grants_prerequisite text,
  grants_validity_months integer,
  grants_competence text,
  grants_level smallint,
  created_at timestamptz not null default now(),
  constraint training_course_code_uq unique (code),
  constraint training_course_code_ck check (code ~ '^[A-Z0-9][A-Z0-9-]{1,30}$'),
  constraint training_course_title_ck check (length(trim(title)) > 0),
  constraint training_course_hours_ck check (duration_hours between 1 and 1000),
  -- The key areas and competences are reference data, loaded after the migrations: checked by value here.
  constraint training_course_key_area_ck check (key_area_code in ('solidarity', 'protection', 'trafficking',
    'border_management', 'relocation_integration')),
  constraint training_course_audiences_ck check (audiences <@ array['police', 'prosecutors', 'judges', 'border_guards',
    'civil_servants', 'civil_society', 'osce_staff']::text[]),
  constraint training_course_prerequisite_ck check (grants_prerequisite is null or grants_prerequisite ~ '^[a-z][a-z0-9_]{1,40}$'),
  constraint training_course_validity_ck check (grants_validity_months is null or grants_validity_months between 1 and 240),
  constraint training_course_level_ck check ((grants_competence is null) = (grants_level is null)
    and (grants_level is null or grants_level between 1 and 3))
);

-- The multiple-choice questions of a course: its pre-test and post-test ask the same ones, so
-- that the difference of the two scores is the knowledge gained.
create table training_question (
  id uuid primary key default gen_random_uuid(),
  course_id uuid not null,
  position smallint not null,
  text text not null,
  options jsonb not null,
  correct smallint not null,
  constraint training_question_course_fk foreign key (course_id) references training_course (id) on delete cascade,
  constraint training_question_position_uq unique (course_id, position),
  constraint training_question_correct_ck check (correct >= 0)
);

create table training_session (
  id uuid primary key default gen_random_uuid(),
  course_id uuid not null,
  starts_on date not null,
  ends_on date not null,
  online boolean not null default false,
  venue text not null default '',
  language_code text not null,
  capacity integer not null,
  host_organisation_id uuid,
  agenda text not null default '',
  materials jsonb not null default '[]',
  created_by uuid,
  created_at timestamptz not null default now(),
  constraint training_session_course_fk foreign key (course_id) references training_course (id) on delete restrict,
  constraint training_session_host_fk foreign key (host_organisation_id) references organisation (id) on delete restrict,
  constraint training_session_language_fk foreign key (language_code) references language (code) on delete restrict,
  constraint training_session_created_by_fk foreign key (created_by) references app_user (id) on delete set null,
  constraint training_session_dates_ck check (ends_on >= starts_on and ends_on - starts_on <= 60),
  constraint training_session_capacity_ck check (capacity between 1 and 500),
  constraint training_session_venue_ck check (online or length(trim(venue)) > 0)
);
create index training_session_course_idx on training_session (course_id, starts_on);
create index training_session_dates_idx on training_session (starts_on);
create index training_session_host_idx on training_session (host_organisation_id);
create index training_session_language_idx on training_session (language_code);
create index training_session_created_by_idx on training_session (created_by);

-- A trainer is an expert of the roster or an external person named here.
create table training_trainer (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null,
  expert_id uuid,
  external_name text,
  constraint training_trainer_session_fk foreign key (session_id) references training_session (id) on delete cascade,
  constraint training_trainer_expert_fk foreign key (expert_id) references expert (id) on delete restrict,
  constraint training_trainer_who_ck check ((expert_id is null) <> (external_name is null))
);
create index training_trainer_session_idx on training_trainer (session_id);
create index training_trainer_expert_idx on training_trainer (expert_id);

create table training_nomination (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null,
  country_iso2 char(2) not null,
  name text not null,
  email text,
  user_id uuid,
  expert_id uuid,
  function text not null,
  agency_type text not null,
  gender text not null,
  languages text[] not null default '{}',
  consent boolean not null,
  status text not null default 'nominated',
  reason text not null default '',
  nominated_by uuid,
  decided_by uuid,
  decided_at timestamptz,
  completed_on date,
  created_at timestamptz not null default now(),
  constraint training_nomination_session_fk foreign key (session_id) references training_session (id) on delete cascade,
  constraint training_nomination_country_fk foreign key (country_iso2) references country (iso2) on delete restrict,
  constraint training_nomination_user_fk foreign key (user_id) references app_user (id) on delete set null,
  constraint training_nomination_expert_fk foreign key (expert_id) references expert (id) on delete set null,
  constraint training_nomination_nominated_by_fk foreign key (nominated_by) references app_user (id) on delete set null,
  constraint training_nomination_decided_by_fk foreign key (decided_by) references app_user (id) on delete set null,
  constraint training_nomination_name_ck check (length(trim(name)) > 0),
  constraint training_nomination_consent_ck check (consent),
  constraint training_nomination_gender_ck check (gender in ('female', 'male', 'other', 'undisclosed')),
  constraint training_nomination_agency_ck check (agency_type in ('police', 'prosecutors', 'judges', 'border_guards',
    'civil_servants', 'civil_society', 'osce_staff')),
  constraint training_nomination_status_ck check (status in ('nominated', 'selected', 'waitlisted', 'declined')),
  constraint training_nomination_declined_ck check (status <> 'declined' or length(trim(reason)) > 0),
  constraint training_nomination_completed_ck check (completed_on is null or status = 'selected')
);
create index training_nomination_session_idx on training_nomination (session_id, status);
create index training_nomination_user_idx on training_nomination (user_id);
create index training_nomination_expert_idx on training_nomination (expert_id);
create index training_nomination_country_idx on training_nomination (country_iso2);
create index training_nomination_nominated_by_idx on training_nomination (nominated_by);
create index training_nomination_decided_by_idx on training_nomination (decided_by);

create table training_attendance (
  nomination_id uuid not null,
  day date not null,
  present boolean not null,
  constraint training_attendance_pk primary key (nomination_id, day),
  constraint training_attendance_nomination_fk foreign key (nomination_id) references training_nomination (id) on delete cascade
);

-- One attempt per participant and test: the primary key refuses a second, even a concurrent one.
create table training_attempt (
  nomination_id uuid not null,
  kind text not null,
  answers jsonb not null,
  score smallint not null,
  max_score smallint not null,
  submitted_at timestamptz not null default now(),
  constraint training_attempt_pk primary key (nomination_id, kind),
  constraint training_attempt_nomination_fk foreign key (nomination_id) references training_nomination (id) on delete cascade,
  constraint training_attempt_kind_ck check (kind in ('pre', 'post')),
  constraint training_attempt_score_ck check (score between 0 and max_score)
);

-- Evaluations are anonymous: the answers carry the session only; who answered is kept apart,
-- without a link to the answer, so that nobody answers twice.
create table training_evaluation (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null,
  relevance smallint not null,
  content smallint not null,
  trainers smallint not null,
  organisation smallint not null,
  comment text not null default '',
  constraint training_evaluation_session_fk foreign key (session_id) references training_session (id) on delete cascade,
  constraint training_evaluation_likert_ck check (relevance between 1 and 5 and content between 1 and 5
    and trainers between 1 and 5 and organisation between 1 and 5)
);
create index training_evaluation_session_idx on training_evaluation (session_id);

create table training_evaluation_receipt (
  nomination_id uuid primary key,
  constraint training_evaluation_receipt_nomination_fk foreign key (nomination_id) references training_nomination (id) on delete cascade
);

create table training_certificate (
  id uuid primary key default gen_random_uuid(),
  nomination_id uuid not null,
  code text not null,
  payload text not null,
  signature text not null,
  issued_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_reason text,
  constraint training_certificate_nomination_uq unique (nomination_id),
  constraint training_certificate_code_uq unique (code),
  constraint training_certificate_nomination_fk foreign key (nomination_id) references training_nomination (id) on delete restrict
);

-- The installation's Ed25519 key pair for certificates, drawn on first use unless the
-- configuration provides one (then this table stays empty).
create table training_signing_key (
  id smallint primary key,
  private_pem text not null,
  public_pem text not null,
  created_at timestamptz not null default now(),
  constraint training_signing_key_one_ck check (id = 1)
);

insert into training_course (code, title, objectives, provider_code, audiences, duration_hours, languages, prerequisites,
  key_area_code, grants_prerequisite, grants_validity_months, grants_competence, grants_level) values
('INT-MIGR', 'Integration of migrants: policies that work',
  'Know the OSCE commitments on the integration of migrants; design local integration measures; measure their effect.',
  'ODIHR', array['civil_servants', 'civil_society'], 16, array['en', 'fr', 'ru'], 'None.', 'relocation_integration',
  null, null, 'integration', 2),
('HC-POLICE', 'Training against hate crimes for law enforcement (TAHCLE)',
  'Recognise bias indicators; record hate crimes; respond to victims; work with communities.',
  'ODIHR', array['police'], 24, array['en', 'ru', 'de'], 'Serving police officer.', 'protection',
  null, null, 'hate_crime', 2),
('HC-PROSEC', 'Prosecutors and hate crimes training (PAHCT)',
  'Prove bias motivation; apply penalty enhancements; support victims through proceedings.',
  'ODIHR', array['prosecutors', 'judges'], 16, array['en', 'fr', 'es'], 'Serving prosecutor or judge.', 'protection',
  null, null, 'hate_crime', 3),
('BM-HR', 'Border management and human rights, including non-refoulement',
  'Apply human rights at borders; screen and refer people who seek protection; respect non-refoulement.',
  'BMSC', array['border_guards', 'police'], 40, array['en', 'ru'], 'Border or migration officer.', 'border_management',
  null, null, 'non_refoulement', 2),
('THB-ID', 'Identifying victims of trafficking in mixed migration flows',
  'Know the indicators of trafficking; interview safely; refer presumed victims to protection.',
  'CTHB', array['police', 'border_guards', 'civil_servants', 'civil_society'], 16, array['en', 'it', 'es'], 'None.',
  'trafficking', null, null, 'victim_identification', 2),
('HEAT', 'Hostile environment awareness training',
  'Travel and work safely in the field; first aid; checkpoints; kidnap and hostage survival.',
  'CPC', array['osce_staff'], 40, array['en'], 'Roster expert or seconded staff.', 'border_management',
  'heat', 36, null, null);

insert into training_question (course_id, position, text, options, correct)
select c.id, q.position, q.text, q.options::jsonb, q.correct
from training_course c
join (values
  ('INT-MIGR', 1, 'Which document sets out the OSCE commitments on the integration of migrants?', '["The Helsinki Final Act and later Ministerial Council decisions", "The Schengen Borders Code", "The Dublin Regulation"]', 0),
  ('INT-MIGR', 2, 'Which measure is most often the first step of integration?', '["Language courses", "Detention", "Return"]', 0),
  ('INT-MIGR', 3, 'Who should take part in designing local integration measures?', '["Only the national ministry", "Migrants, local authorities and civil society", "Nobody: they follow a fixed model"]', 1),
  ('HC-POLICE', 1, 'What makes an offence a hate crime?', '["Its gravity", "A bias motive against a protected characteristic", "The number of victims"]', 1),
  ('HC-POLICE', 2, 'What is a bias indicator?', '["A proof of guilt", "A fact that suggests a bias motive and must be recorded", "A statistic"]', 1),
  ('HC-POLICE', 3, 'When should a possible bias motive be recorded?', '["Only after conviction", "From the first report", "Never by the police"]', 1),
  ('HC-PROSEC', 1, 'What must a prosecutor prove for a penalty enhancement?', '["The bias motive", "The victim''s nationality", "The offender''s criminal record"]', 0),
  ('HC-PROSEC', 2, 'Which evidence can show a bias motive?', '["Statements, symbols and the choice of victim", "Only a confession", "None is admissible"]', 0),
  ('HC-PROSEC', 3, 'What do victims of hate crime need first?', '["Recognition and protection", "Publicity", "Mediation with the offender"]', 0),
  ('BM-HR', 1, 'What does the principle of non-refoulement forbid?', '["Returning a person to a place where they face serious harm", "Any border check", "Detention of smugglers"]', 0),
  ('BM-HR', 2, 'When may a border guard refuse to register an asylum application?', '["Never", "When the person has no documents", "When the person entered irregularly"]', 0),
  ('BM-HR', 3, 'Whom should a guard refer to child protection?', '["Unaccompanied and separated children", "Only children without documents", "Nobody"]', 0),
  ('THB-ID', 1, 'Which is an indicator of trafficking?', '["Someone else holds the person''s documents", "The person travels by bus", "The person speaks several languages"]', 0),
  ('THB-ID', 2, 'What comes first when a presumed victim is identified?', '["Safety and referral to assistance", "Deportation", "Prosecution of the victim"]', 0),
  ('THB-ID', 3, 'May a presumed victim be punished for offences they were compelled to commit?', '["No (non-punishment principle)", "Yes, always", "Only if an adult"]', 0),
  ('HEAT', 1, 'What do you do first at an unexpected checkpoint?', '["Stay calm, follow the agreed procedure", "Drive through", "Take photographs"]', 0),
  ('HEAT', 2, 'What is the first step of first aid?', '["Check that the scene is safe", "Give water", "Move the casualty at once"]', 0),
  ('HEAT', 3, 'What should a grab bag hold?', '["Documents, water, first-aid kit and communication", "Only a laptop", "Nothing: travel light"]', 0)
) as q(course_code, position, text, options, correct) on q.course_code = c.code;
