-- The published statistics of verified hate incidents: one row, replaced on a fixed schedule.
-- Public routes read only this row, never the incidents, so what they show changes at most once
-- a period and never at the moment of one verification.
create table incident_publication (
  id smallint primary key default 1,
  computed_at timestamptz not null,
  -- A digest of the exact counts the row was computed from: an unchanged digest skips the work.
  counts_digest text not null,
  body jsonb not null,
  constraint incident_publication_single_ck check (id = 1)
);

-- The early-warning indicator fed with every verification published exact counts of 1 to 4 and,
-- through its revisions, the time of each verification. From now on it carries only the published
-- figures of the statistics; the exact history goes.
delete from warning_observation_revision
where indicator_id = (select id from warning_indicator where code = 'hate_incidents_verified');
delete from warning_observation
where indicator_id = (select id from warning_indicator where code = 'hate_incidents_verified');
