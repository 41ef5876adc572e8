-- A recommendation in the follow-up tracker comes from one source: an adopted mission report (as
-- before), a conference of this platform (its chair's summary, once published), or a document an
-- external organisation issued (UNHCR, IOM and others: the organisation, the document's title or
-- symbol, its date). Any of them may recall a commitment of the consensus module's register.

alter table recommendation alter column report_id drop not null;
alter table recommendation add column source text not null default 'report';
alter table recommendation add column event_id uuid;
alter table recommendation add column source_organisation_id uuid;
alter table recommendation add column source_document text;
alter table recommendation add column source_date date;
alter table recommendation add column commitment_id uuid;
alter table recommendation add column created_by uuid;

alter table recommendation
  add constraint recommendation_source_ck check (source in ('report', 'conference', 'external')),
  add constraint recommendation_source_shape_ck check (
    (source = 'report' and report_id is not null and event_id is null and source_organisation_id is null)
    or (source = 'conference' and event_id is not null and report_id is null and source_organisation_id is null)
    or (source = 'external' and source_organisation_id is not null and report_id is null and event_id is null
        and length(trim(coalesce(source_document, ''))) > 0 and source_date is not null)
  ),
  add constraint recommendation_event_fk foreign key (event_id) references conference_event (id) on delete restrict,
  add constraint recommendation_source_organisation_fk foreign key (source_organisation_id) references organisation (id) on delete restrict,
  add constraint recommendation_commitment_fk foreign key (commitment_id) references consensus_commitment (id) on delete set null,
  add constraint recommendation_created_by_fk foreign key (created_by) references app_user (id) on delete set null,
  add constraint recommendation_event_position_uq unique (event_id, position);

create index recommendation_source_idx on recommendation (source);
create index recommendation_source_organisation_idx on recommendation (source_organisation_id);
create index recommendation_commitment_idx on recommendation (commitment_id);
create index recommendation_created_by_idx on recommendation (created_by);

-- The chair's summary is published once; from then its recommendations are followed in the tracker.
alter table conference_event add column outcome_published_at timestamptz;
