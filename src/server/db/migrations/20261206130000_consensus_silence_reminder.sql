-- A silence procedure's reminder to the delegations before its deadline, claimed once by the
-- instance that sends it: the time it was sent, null until then.
alter table consensus_silence add column reminded_at timestamptz;

create index consensus_silence_reminder_idx on consensus_silence (deadline) where state = 'running' and reminded_at is null;
