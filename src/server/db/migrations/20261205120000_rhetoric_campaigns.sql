-- Xenophobic rhetoric: public statements by people in a public role, recorded apart from hate
-- incidents and never counted with them. The speaker is kept by role only; who recorded a
-- statement is personal data, read by reviewers only and audited.

create table rhetoric_statement (
  id uuid primary key default gen_random_uuid(),
  status text not null default 'submitted',
  stated_on date not null,
  country_iso2 char(2) not null,
  speaker_role text not null,
  medium text not null,
  link text,
  words text not null,
  context text not null default '',
  submitted_by uuid,
  reviewed_by uuid,
  reviewed_at timestamptz,
  rejection_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint rhetoric_statement_status_ck check (status in ('submitted', 'verified', 'rejected')),
  constraint rhetoric_statement_speaker_role_ck check (speaker_role in ('head_of_state_or_government', 'minister',
    'member_of_parliament', 'local_official', 'party_official', 'candidate', 'public_servant', 'media_figure',
    'religious_leader', 'other_public_figure')),
  constraint rhetoric_statement_medium_ck check (medium in ('speech', 'parliamentary_debate', 'television_radio',
    'print', 'online_news', 'social_media', 'campaign_material', 'other')),
  constraint rhetoric_statement_words_ck check (length(trim(words)) > 0),
  constraint rhetoric_statement_link_ck check (link is null or link ~ '^https?://\S+$'),
  constraint rhetoric_statement_rejection_ck check (status <> 'rejected' or rejection_reason is not null),
  constraint rhetoric_statement_country_fk foreign key (country_iso2) references country (iso2) on delete restrict,
  constraint rhetoric_statement_submitted_by_fk foreign key (submitted_by) references app_user (id) on delete set null,
  constraint rhetoric_statement_reviewed_by_fk foreign key (reviewed_by) references app_user (id) on delete set null
);
create index rhetoric_statement_status_idx on rhetoric_statement (status, stated_on);
create index rhetoric_statement_country_idx on rhetoric_statement (country_iso2);
create index rhetoric_statement_submitted_by_idx on rhetoric_statement (submitted_by);
create index rhetoric_statement_reviewed_by_idx on rhetoric_statement (reviewed_by);

-- Awareness-raising campaigns against xenophobia, with the countries they run in and their
-- materials: public documents of the network's library.

create table awareness_campaign (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  description text not null default '',
  organiser_id uuid not null,
  audiences text[] not null default '{}',
  starts_on date not null,
  ends_on date,
  reach_count integer,
  reach_description text not null default '',
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint awareness_campaign_title_ck check (length(trim(title)) > 0),
  constraint awareness_campaign_audiences_ck check (audiences <@ array['general_public', 'young_people', 'schools',
    'media', 'local_authorities', 'police', 'community_leaders', 'employers', 'migrants_and_refugees',
    'civil_society']::text[]),
  constraint awareness_campaign_dates_ck check (ends_on is null or ends_on >= starts_on),
  constraint awareness_campaign_reach_ck check (reach_count is null or reach_count >= 0),
  constraint awareness_campaign_organiser_fk foreign key (organiser_id) references organisation (id) on delete restrict,
  constraint awareness_campaign_created_by_fk foreign key (created_by) references app_user (id) on delete set null
);
create index awareness_campaign_starts_idx on awareness_campaign (starts_on);
create index awareness_campaign_organiser_idx on awareness_campaign (organiser_id);
create index awareness_campaign_created_by_idx on awareness_campaign (created_by);

create table awareness_campaign_country (
  campaign_id uuid not null,
  country_iso2 char(2) not null,
  constraint awareness_campaign_country_pk primary key (campaign_id, country_iso2),
  constraint awareness_campaign_country_campaign_fk foreign key (campaign_id) references awareness_campaign (id) on delete cascade,
  constraint awareness_campaign_country_country_fk foreign key (country_iso2) references country (iso2) on delete restrict
);
create index awareness_campaign_country_country_idx on awareness_campaign_country (country_iso2);

create table awareness_campaign_material (
  campaign_id uuid not null,
  document_id uuid not null,
  position integer not null,
  constraint awareness_campaign_material_pk primary key (campaign_id, document_id),
  constraint awareness_campaign_material_campaign_fk foreign key (campaign_id) references awareness_campaign (id) on delete cascade,
  constraint awareness_campaign_material_document_fk foreign key (document_id) references library_document (id) on delete cascade
);
create index awareness_campaign_material_document_idx on awareness_campaign_material (document_id);
