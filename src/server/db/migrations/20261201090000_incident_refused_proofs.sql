-- A public submission whose proof of work is refused (forged, stale, too weak or used before)
-- counts against its address's hourly limit like an accepted one, so that replaying a proof costs
-- the sender their attempts. Such a row is not accepted and has no proof hash; only accepted rows
-- count as load (the difficulty of the proof rises with them).
alter table incident_submission
  alter column proof_hash drop not null,
  add column accepted boolean not null default true,
  add constraint incident_submission_accepted_ck check (accepted = (proof_hash is not null));
